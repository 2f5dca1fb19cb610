// Compare: two to four models side by side, rows that differ marked, better values marked,
// with the advisor's fit and the user's try-ons; export to Markdown or CSV.
import * as api from '../api.js';
import { h, keepLatest, replace } from '../dom.js';
import { termLink } from '../glossary.js';
import { saveText } from '../save.js';
import { SoundPanel } from '../sound.js';
import { kindMarker, vocabulary } from '../vocabulary.js';

/** Rows whose label is a term the glossary explains. */
const TERMS = {
  back: 'closed-back', transducer: 'planar-magnetic', impedance_ohm: 'impedance', sensitivity: 'sensitivity',
  sensitivity_db_per_mw: 'sensitivity', headroom_db: 'headroom', damping: 'damping', tryon_clamp: 'clamp-force', tier: 'price-tier',
  preference: 'preference-rating', band_bass: 'harman-target',
};

/** How many comparisons' measured-sound panels are kept to be shown again. */
const KEEP_PANELS = 4;

export class CompareView {
  /** @param {{ notify: import('../sound.js').Notify, show?: (view: string) => void }} actions */
  constructor(actions) {
    this.actions = actions;
    /** @type {import('../../gen/wire').ComparisonView|null} */
    this.view = null;
    /** @type {import('../api.js').Vocabulary|null} */
    this.words = null;
    this.onlyDiffs = false;
    /** The JSON of the set and comparison drawn (`activate`). @type {string|null} */
    this.drawn = null;
    /** Measured-sound panels by the ids they overlay, oldest first. @type {Map<string, SoundPanel>} */
    this.panels = new Map();
    this.toggle = h('input', { type: 'checkbox', id: 'only-differences', onchange: (e) => { this.onlyDiffs = e.target.checked; this.render(); } });
    this.body = h('div', { class: 'compare-body' });
    this.element = h('section', { class: 'compare-view', 'aria-label': 'Compare models' },
      h('div', { class: 'toolbar' },
        h('h2', {}, 'Compare'),
        h('div', { class: 'check' }, this.toggle, h('label', { for: 'only-differences' }, 'Only rows that differ')),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'secondary', id: 'export-compare-md', onclick: () => this.export('markdown') }, 'Export Markdown'),
        h('button', { type: 'button', class: 'secondary', id: 'export-compare-csv', onclick: () => this.export('csv') }, 'Export CSV')),
      this.body);
  }

  async activate() {
    const [view, words] = await Promise.all([api.getComparison(), vocabulary()]);
    // Nothing was saved since it was drawn (the profile, the set, try-ons): keep what is there,
    // measured sound included.
    if (this.view && view.revision === this.view.revision) return;
    // Something was saved, but maybe nothing this view shows (a try-on of another model).
    const json = JSON.stringify([view.ids, view.comparison]);
    [this.view, this.words] = [view, words];
    if (json === this.drawn) return;
    this.render();
    this.drawn = json;
  }

  async setIds(ids) {
    try {
      await api.setCompare(ids);
      await this.activate();
    } catch (e) {
      this.actions.notify(e.message, 'error');
    }
  }

  render() {
    const { ids, comparison } = this.view;
    for (const control of this.element.querySelectorAll('.toolbar button, .toolbar input')) control.disabled = !comparison;
    if (!comparison) {
      replace(this.body, h('div', { class: 'empty' },
        h('p', {}, ids.length === 1 ? 'One model is picked; add at least one more.' : 'Nothing to compare yet.'),
        h('p', {}, 'Use “Compare” in Browse, the Advisor or your Shortlist to pick two to four models.'),
        this.actions.show ? h('div', { class: 'actions centered' },
          h('button', { type: 'button', onclick: () => this.actions.show('advisor') }, 'Ask the advisor'),
          h('button', { type: 'button', onclick: () => this.actions.show('browse') }, 'Browse the catalog')) : null));
      return;
    }
    const cols = comparison.columns;
    const move = (i, by) => {
      const next = [...ids];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      this.setIds(next);
    };
    const head = h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'corner' }, h('span', { class: 'visually-hidden' }, 'Row')),
      cols.map((c, i) => h('th', { scope: 'col', class: 'model-col' },
        h('div', { class: 'col-name' }, c.name, c.origin === 'user' ? h('span', { class: 'badge' }, 'yours') : null),
        h('div', { class: 'col-tools' },
          h('button', { type: 'button', class: 'icon', disabled: i === 0, 'aria-label': `Move ${c.name} left`, onclick: () => move(i, -1) }, '←'),
          h('button', { type: 'button', class: 'icon', disabled: i === cols.length - 1, 'aria-label': `Move ${c.name} right`, onclick: () => move(i, 1) }, '→'),
          h('button', { type: 'button', class: 'icon', 'aria-label': `Remove ${c.name}`, onclick: () => this.setIds(ids.filter((x) => x !== c.id)) }, '×'))))));
    const bodies = comparison.sections.map((section) => {
      const rows = section.rows.filter((r) => !this.onlyDiffs || r.differs);
      if (rows.length === 0) return null;
      return h('tbody', { dataset: { section: section.key } },
        h('tr', { class: 'section-row' }, h('th', { scope: 'colgroup', colspan: cols.length + 1 }, section.title)),
        rows.map((r) => h('tr', { class: r.differs ? 'differs' : null, dataset: { row: r.key } },
          h('th', { scope: 'row' },
            r.differs ? h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, '◆ ') : null,
            r.label,
            r.differs ? h('span', { class: 'visually-hidden' }, ' (differs)') : null,
            TERMS[r.key] ? termLink(TERMS[r.key]) : null),
          r.cells.map((cell) => h('td', { class: [cell.known ? '' : 'unknown', cell.best ? 'best' : ''].join(' ').trim() || null },
            cell.bar != null ? bar(cell.bar) : null,
            cell.text,
            cell.kind ? [' ', kindMarker(cell.kind, this.words)] : null,
            cell.best ? h('span', { class: 'best-mark' }, ' ★', h('span', { class: 'visually-hidden' }, ' better')) : null)))));
    });
    // The overlay of the measured curves, kept while the same models are compared; the panels
    // of the sets compared lately are kept too, and going back to one draws its curves again
    // only if they changed (SoundPanel.load).
    const key = ids.join(' ');
    if (this.soundKey !== key) {
      this.soundKey = key;
      this.sound = this.panels.get(key) ?? new SoundPanel(ids, { notify: this.actions.notify, title: 'Measured sound, overlaid' });
      keepLatest(this.panels, key, this.sound, KEEP_PANELS);
      this.sound.load();
    }
    replace(this.body,
      this.sound.element,
      h('p', { class: 'muted' }, `Loudness on ${comparison.source_name} against ${comparison.target_db} dB peaks (change it in the Advisor). ◆ marks rows that differ; ★ marks the better value; the marker after a figure says who published it.`, termLink('figure-kinds')),
      h('div', { class: 'compare-wrap' }, h('table', { class: 'compare' }, head, bodies)));
  }

  async export(format) {
    try {
      const text = await api.exportComparison(format);
      saveText(text, format === 'csv' ? 'headroom-comparison.csv' : 'headroom-comparison.md', format === 'csv' ? 'text/csv' : 'text/markdown');
    } catch (e) {
      this.actions.notify(e.message, 'error');
    }
  }
}

function bar(share) {
  const outer = h('span', { class: 'mini-bar', 'aria-hidden': 'true' });
  const fill = h('span', { class: 'mini-bar-fill' });
  fill.style.width = `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
  outer.appendChild(fill);
  return outer;
}
