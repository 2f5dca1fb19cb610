// Advisor: the user's situation as a short form, and the ranked models with their reasons and
// how loud each gets on the chosen source. Results update as the answers change.
import * as api from '../api.js';
import { h, Kept, reconcile, replace } from '../dom.js';
import * as f from '../format.js';
import { termLink } from '../glossary.js';
import { vocabulary } from '../vocabulary.js';

/** @type {[import('../../gen/wire').Task, string][]} */
const TASKS = [
  ['tracking', 'Tracking (recording with a mic)'],
  ['mixing', 'Mixing'],
  ['mastering', 'Mastering'],
  ['editing', 'Editing'],
  ['critical-listening', 'Critical listening'],
  ['djing', 'DJing'],
  ['commuting', 'Commuting'],
  ['casual', 'Casual listening'],
];

export class AdvisorView {
  /** @param {{ onCompare?: (id: string) => void, onShortlist?: (id: string) => void }} actions */
  constructor(actions = {}) {
    this.actions = actions;
    /** @type {import('../../gen/wire').Profile|null} */
    this.profile = null;
    /** @type {import('../../gen/wire').SourcePreset[]} */
    this.presets = [];
    /** The cards of the last ranking, kept while their advice is the same. */
    this.cards = new Kept();
    this.seq = 0;
    this.saveTimer = 0;
    this.form = h('form', { class: 'profile', 'aria-label': 'Your situation', onsubmit: (e) => e.preventDefault() });
    this.status = h('p', { class: 'count', id: 'advice-status', 'aria-live': 'polite' });
    this.list = h('ol', { class: 'advice', 'aria-describedby': 'advice-status' });
    this.element = h('section', { class: 'advisor', 'aria-label': 'Advisor' },
      h('div', { class: 'profile-pane' }, h('h2', {}, 'Your situation'), this.form),
      h('div', { class: 'results' }, this.status, this.list));
  }

  async activate() {
    if (!this.profile) {
      const [presets, profile, words] = await Promise.all([api.sourcePresets(), api.getProfile(), vocabulary()]);
      this.presets = presets;
      this.profile = profile;
      this.limits = words.limits;
      this.renderForm();
    }
    await this.refresh();
  }

  renderForm() {
    const p = this.profile;
    const radios = (name, legend, options, value) => h('fieldset', {}, h('legend', {}, legend),
      options.map(([v, label]) => h('div', { class: 'check' },
        h('input', { type: 'radio', name, id: `${name}-${v}`, value: v, checked: value === v, onchange: () => this.change((q) => { q[name] = v; }) }),
        h('label', { for: `${name}-${v}` }, label))));
    const box = (key, label) => h('div', { class: 'check' },
      h('input', { type: 'checkbox', id: `p-${key}`, checked: !!p[key], onchange: (e) => this.change((q) => { q[key] = e.target.checked; }) }),
      h('label', { for: `p-${key}` }, label));

    const custom = p.source.preset === 'custom';
    const sourceSelect = h('select', { id: 'p-source', onchange: (e) => this.change((q) => {
      q.source = { ...q.source, preset: e.target.value };
      if (e.target.value === 'custom') {
        q.source.vrms ??= 1.0;
        q.source.output_ohm ??= 10;
      }
      this.renderFormSoon();
    }) },
    this.presets.map((s) => h('option', { value: s.id, selected: s.id === p.source.preset }, s.name)),
    h('option', { value: 'custom', selected: custom }, 'My own figures…'));
    const preset = this.presets.find((s) => s.id === p.source.preset);
    const number = (id, label, value, onValue, attrs) => h('div', { class: 'field' },
      h('label', { for: id }, label),
      h('input', { type: 'number', id, value: value ?? '', ...attrs, oninput: (e) => {
        const v = e.target.valueAsNumber;
        if (Number.isFinite(v)) this.change((q) => onValue(q, v));
      } }));

    replace(this.form,
      radios('room', 'Room', [['quiet', 'Quiet'], ['moderate', 'Some noise'], ['noisy', 'Noisy']], p.room),
      box('others_nearby', 'Others nearby must not hear (office, shared flat, sleeping family)'),
      h('fieldset', {}, h('legend', {}, 'What you will do'),
        TASKS.map(([v, label]) => h('div', { class: 'check' },
          h('input', { type: 'checkbox', id: `task-${v}`, checked: p.tasks.includes(v), onchange: (e) => this.change((q) => {
            q.tasks = e.target.checked ? [...new Set([...q.tasks, v])] : q.tasks.filter((t) => t !== v);
          }) }),
          h('label', { for: `task-${v}` }, label)))),
      h('div', { class: 'field' }, h('div', { class: 'label-row' }, h('label', { for: 'p-source' }, 'You plug into'), termLink('damping', 'output impedance')), sourceSelect,
        preset ? h('small', { class: 'hint', id: 'source-hint' },
          `${f.trimNumber(preset.spec.vrms)} Vrms, output impedance ${preset.output_ohm_published ? `${f.trimNumber(preset.spec.output_ohm)} Ω` : 'not published'}. ${preset.device}.`,
          h('details', {}, h('summary', {}, 'Where these figures come from'),
            h('p', {}, preset.note), h('p', {}, preset.source_title), h('p', { class: 'url' }, preset.source_url))) : null),
      custom ? number('p-vrms', 'Output voltage (Vrms, unloaded)', p.source.vrms, (q, v) => { q.source = { ...q.source, vrms: v }; }, { min: 0.01, max: 50, step: 0.05 }) : null,
      custom ? number('p-zout', 'Output impedance (Ω)', p.source.output_ohm, (q, v) => { q.source = { ...q.source, output_ohm: v }; }, { min: 0, max: 1000, step: 0.1 }) : null,
      radios('budget', 'Highest price tier', [['budget', 'Budget'], ['midrange', 'Midrange'], ['high-end', 'High-end']], p.budget),
      box('show_over_budget', 'Also show models over my budget'),
      number('p-hours', 'Typical session (hours)', p.hours, (q, v) => { q.hours = v; }, { min: this.limits.hours[0], max: this.limits.hours[1], step: 0.25 }),
      h('div', { class: 'field' }, h('div', { class: 'label-row' }, h('label', { for: 'p-target' }, 'Loudest peaks you listen at'), termLink('headroom')),
        h('select', { id: 'p-target', onchange: (e) => this.change((q) => { q.target_db = Number(e.target.value); }) },
          [[105, '105 dB (quiet listening)'], [110, '110 dB (typical)'], [115, '115 dB (loud)']].map(([v, label]) =>
            h('option', { value: v, selected: p.target_db === v }, label)))),
      box('has_monitors', 'I have monitor speakers'),
      box('glasses', 'I wear glasses'),
      box('runs_hot', 'I run hot (sweaty ears)'));
  }

  renderFormSoon() {
    queueMicrotask(() => {
      const focused = document.activeElement?.id;
      this.renderForm();
      if (focused) document.getElementById(focused)?.focus();
    });
  }

  change(edit) {
    edit(this.profile);
    this.refresh();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => api.saveProfile(this.profile).catch(() => {}), 300);
  }

  async refresh() {
    const seq = ++this.seq;
    this.element.setAttribute('aria-busy', 'true');
    try {
      const advice = await api.recommend(this.profile);
      if (seq !== this.seq) return;
      this.render(advice);
    } catch (e) {
      if (seq !== this.seq) return;
      this.status.textContent = e.message;
      this.status.classList.add('error-text');
      replace(this.list);
    } finally {
      if (seq === this.seq) this.element.removeAttribute('aria-busy');
    }
  }

  /** @param {import('../../gen/wire').AdviceList} advice */
  render({ total, results }) {
    this.status.classList.remove('error-text');
    const over = results.filter((r) => r.over_budget).length;
    const shown = results.length < total ? `; the best ${results.length} of ${total} are shown` : '';
    this.status.textContent = `${total - over} models ranked for you, best first` +
      (over ? `; ${over} over budget at the end` : '') + shown;
    const target = this.profile.target_db;
    reconcile(this.list, results.map((r, i) => this.cards.get(JSON.stringify([i, target, r]), () => this.card(r, i + 1))));
    this.cards.done();
  }

  /** @param {import('../../gen/wire').Advice} r @param {number} rank */
  card(r, rank) {
    const m = r.model;
    const drive = r.drive;
    const target = this.profile.target_db;
    const bar = drive ? f.loudnessBar(drive.max_spl_db, target) : null;
    return h('li', { class: `advice-card${r.over_budget ? ' over-budget' : ''}`, dataset: { id: m.id } },
      h('div', { class: 'card-head' },
        h('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
        h('h3', { class: 'model-name' }, f.modelName(m)),
        m.origin === 'user' ? h('span', { class: 'badge' }, 'yours') : null,
        h('span', { class: `fit fit-${r.fit}` }, f.fitLabel(r.fit)),
        h('span', { class: 'score' }, `score ${f.weight(r.score)}`),
        r.over_budget ? h('span', { class: 'badge' }, 'over budget') : null),
      h('p', { class: 'facts' }, `${f.backLabel(m.back)} back · ${f.impedance(m.impedance_ohm)} · ${f.sensitivity(m.sensitivity)} · ${f.tierLabel(m.tier)}`),
      drive ? h('div', { class: 'loudness' },
        h('div', { class: 'bar', role: 'img', 'aria-label': `Up to ${drive.max_spl_db.toFixed(1)} dB SPL against your ${target} dB target` },
          sized(h('div', { class: `bar-fill verdict-${drive.verdict}` }), 'width', bar.fill),
          sized(h('div', { class: 'bar-target' }), 'left', bar.target)),
        h('span', { class: 'headroom' }, `${f.verdictLabel(drive.verdict)}: up to ${drive.max_spl_db.toFixed(1)} dB, ${f.signedDb(drive.headroom_db)} headroom`))
        : h('p', { class: 'unknown' }, 'Loudness unknown: impedance or sensitivity not published'),
      h('ul', { class: 'reasons' }, r.reasons.map((reason) => h('li', { class: `reason ${reason.kind}` },
        h('span', { class: 'reason-kind' }, reason.kind === 'pro' ? 'Pro' : 'Con'),
        h('span', { class: 'reason-text' }, reason.text),
        h('span', { class: 'reason-weight' }, f.weight(reason.weight))))),
      h('div', { class: 'actions' },
        this.actions.onCompare ? h('button', { type: 'button', class: 'secondary compare-button', onclick: () => this.actions.onCompare(m.id) }, 'Compare') : null,
        this.actions.onShortlist ? h('button', { type: 'button', class: 'secondary shortlist-button', onclick: () => this.actions.onShortlist(m.id) }, 'Shortlist') : null));
  }
}

// Sizes go through the CSSOM (allowed by the CSP), never through a style attribute.
function sized(el, property, percent) {
  el.style[property] = `${percent.toFixed(1)}%`;
  return el;
}
