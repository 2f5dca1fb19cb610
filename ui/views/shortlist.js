// Shortlist and try-on journal: the user's candidates in their own order, a status and a
// reason for each, the try-on sessions from stores, and import/export. Everything the user
// typed is shown with textContent.
import * as api from '../api.js';
import { h, Kept, reconcile, replace } from '../dom.js';
import * as f from '../format.js';
import { openModal } from '../dialog.js';
import { termLink } from '../glossary.js';
import { saveText } from '../save.js';
import { vocabulary } from '../vocabulary.js';

const STATUSES = [
  ['to-try', 'To try'], ['tried', 'Tried'], ['favourite', 'Favourite'], ['bought', 'Bought'], ['ruled-out', 'Ruled out'],
];
const RATINGS = [
  ['comfort', 'Comfort', '5: could wear it all day'],
  ['clamp', 'Clamp', '5: secure without pressure', 'clamp-force'],
  ['weight', 'Weight', '5: hardly noticeable'],
  ['heat', 'Heat', '5: ears stay cool'],
  ['pads', 'Pads', '5: soft and roomy'],
  ['glasses_fit', 'Fit with glasses', '5: no pressure on the arms'],
];
const SOUND = [
  ['bass', 'Bass', '1 thin … 5 boomy'],
  ['mids', 'Mids', '1 scooped … 5 forward'],
  ['treble', 'Treble', '1 dark … 5 bright'],
  ['soundstage', 'Soundstage', '1 narrow … 5 wide'],
  ['isolation', 'Isolation', '1 none … 5 the room disappears'],
  ['leakage', 'Leakage', '1 silent … 5 others hear every word'],
];
const VERDICTS = [['keep', 'Keep'], ['maybe', 'Maybe'], ['no', 'No']];

export class ShortlistView {
  /** @param {{ notify: import('../sound.js').Notify, onCompare?: (id: string) => void,
   *   show?: (view: string) => void }} actions */
  constructor(actions) {
    this.actions = actions;
    /** @type {import('../../gen/wire').JournalView|null} */
    this.journal = null;
    /** Shortlist entries and try-on rows, kept while what they show is the same. */
    this.kept = new Kept();
    this.list = h('ol', { class: 'shortlist', 'aria-label': 'Your shortlist' });
    this.others = h('section', { class: 'others' });
    this.dialog = h('dialog', { class: 'detail form-dialog', 'aria-labelledby': 'form-title' });
    this.fileInput = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', id: 'import-file',
      // Reached through the "Import JSON…" button, so not a second tab stop.
      tabindex: '-1', 'aria-label': 'Journal file to import', onchange: () => this.importFile() });
    this.importMode = h('select', { id: 'import-mode' },
      h('option', { value: 'merge' }, 'Merge with my journal'), h('option', { value: 'replace' }, 'Replace my journal'));
    this.element = h('section', { class: 'shortlist-view', 'aria-label': 'Shortlist and try-on journal' },
      h('div', { class: 'toolbar' },
        h('h2', {}, 'Shortlist'),
        h('button', { type: 'button', class: 'secondary', id: 'add-own-model', onclick: () => this.ownModelForm() }, 'Add a model not in the catalog'),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.export('markdown') }, 'Export Markdown'),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.export('csv') }, 'Export CSV'),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.export('json') }, 'Export JSON'),
        h('label', { for: 'import-mode', class: 'visually-hidden' }, 'Import mode'), this.importMode,
        h('button', { type: 'button', class: 'secondary', onclick: () => this.fileInput.click() }, 'Import JSON…'),
        this.fileInput),
      this.list, this.others, this.dialog);
  }

  async activate() {
    const [journal, words] = await Promise.all([api.getJournal(), vocabulary()]);
    this.limits = words.limits;
    // Nothing was saved since it was drawn: what is on screen is current.
    if (journal.revision !== this.journal?.revision) this.set(journal);
  }

  set(journal) {
    this.journal = journal;
    this.render();
  }

  /** Runs a change; shows its error, if any, without losing what is on screen. */
  async run(change) {
    this.element.setAttribute('aria-busy', 'true');
    try {
      const result = await change();
      if (result?.journal && result.undo) {
        this.set(result.journal);
        return result;
      }
      if (result) this.set(result);
      return result;
    } catch (e) {
      this.actions.notify(e.message, 'error');
      return null;
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  modelName(id) {
    const all = [...this.journal.shortlist.map((s) => s.model), ...this.journal.models, ...this.journal.own_models];
    const m = all.find((x) => x.id === id);
    return m ? f.modelName(m) : id;
  }

  render() {
    const j = this.journal;
    if (j.shortlist.length === 0) {
      replace(this.list, h('li', { class: 'empty' },
        h('p', {}, 'Your shortlist is empty.'),
        h('p', {}, 'Add models from Browse or the Advisor with “Shortlist”, then record how they felt when you tried them in a store.'),
        this.actions.show ? h('div', { class: 'actions centered' },
          h('button', { type: 'button', onclick: () => this.actions.show('advisor') }, 'Ask the advisor'),
          h('button', { type: 'button', onclick: () => this.actions.show('browse') }, 'Browse the catalog')) : null));
    } else {
      reconcile(this.list, j.shortlist.map((item, i) => {
        const sessions = j.sessions.filter((s) => s.model_id === item.model_id);
        return this.kept.get(JSON.stringify(['entry', item, i, j.shortlist.length, sessions]), () => this.entry(item, i, sessions));
      }));
    }
    const listed = new Set(j.shortlist.map((s) => s.model_id));
    const loose = j.sessions.filter((s) => !listed.has(s.model_id));
    replace(this.others,
      j.own_models.length ? [h('h2', {}, 'Your own models'), h('ul', { class: 'own-models' }, j.own_models.map((m) => h('li', {},
        h('span', { class: 'model-name' }, f.modelName(m)), h('span', { class: 'badge' }, 'yours'), ' ',
        h('span', { class: 'muted' }, `${f.backLabel(m.back)} back · ${f.impedance(m.impedance_ohm)}`), ' ',
        j.shortlist.some((s) => s.model_id === m.id) ? null : h('button', { type: 'button', class: 'link', onclick: () => this.run(() => api.shortlistAdd(m.id)) }, 'Shortlist'), ' ',
        h('button', { type: 'button', class: 'link', onclick: () => this.ownModelForm(m) }, 'Edit'), ' ',
        h('button', { type: 'button', class: 'link', onclick: () => this.deleteOwnModel(m) }, 'Delete'))))] : null,
      loose.length ? [h('h2', {}, 'Try-ons of models not on the shortlist'), this.sessions(loose)] : null);
    this.kept.done();
  }

  entry(item, index, sessions) {
    const j = this.journal;
    const id = item.model_id;
    const statusId = `status-${index}`;
    const reasonId = `reason-${index}`;
    const reason = h('input', { type: 'text', id: reasonId, value: item.reason, maxlength: this.limits.reason_chars, placeholder: 'Why it is here, in one line',
      onchange: (e) => this.run(() => api.shortlistSetReason(id, e.target.value)) });
    return h('li', { class: 'entry', dataset: { id } },
      h('div', { class: 'entry-head' },
        h('h3', { class: 'model-name' }, f.modelName(item.model)),
        item.model.origin === 'user' ? h('span', { class: 'badge' }, 'yours') : null,
        h('span', { class: 'muted' }, `${f.backLabel(item.model.back)} back · added ${item.added}`),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'icon', 'aria-label': `Move ${f.modelName(item.model)} up`, disabled: index === 0,
          onclick: () => this.run(() => api.shortlistMove(id, index - 1)) }, '↑'),
        h('button', { type: 'button', class: 'icon', 'aria-label': `Move ${f.modelName(item.model)} down`, disabled: index === j.shortlist.length - 1,
          onclick: () => this.run(() => api.shortlistMove(id, index + 1)) }, '↓')),
      h('div', { class: 'entry-fields' },
        h('div', { class: 'field' }, h('label', { for: statusId }, 'Status'),
          h('select', { id: statusId, onchange: (e) => this.run(() => api.shortlistSetStatus(id, e.target.value)) },
            STATUSES.map(([v, label]) => h('option', { value: v, selected: v === item.status }, label)))),
        h('div', { class: 'field grow' }, h('label', { for: reasonId }, 'Reason'), reason)),
      sessions.length ? this.sessions(sessions) : h('p', { class: 'muted' }, 'No try-on yet.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary add-session', onclick: () => this.sessionForm({ model_id: id }) }, 'Add try-on notes'),
        this.actions.onCompare ? h('button', { type: 'button', class: 'secondary', onclick: () => this.actions.onCompare(id) }, 'Compare') : null,
        h('button', { type: 'button', class: 'secondary', onclick: () => this.removeEntry(item) }, 'Remove')));
  }

  sessions(sessions) {
    const listed = new Set(this.journal.shortlist.map((e) => e.model_id));
    return h('ul', { class: 'sessions' }, sessions.map((s) => {
      const name = listed.has(s.model_id) ? null : this.modelName(s.model_id);
      return this.kept.get(JSON.stringify(['session', s, name]), () => this.session(s, name));
    }));
  }

  /** One try-on; `name` is its model's, shown when the model is not on the shortlist. */
  session(s, name) {
    return h('li', { class: 'session', dataset: { id: s.id } },
      h('div', { class: 'session-head' },
        h('strong', {}, `${s.date}`), s.place ? h('span', {}, ` · ${s.place}`) : null,
        s.minutes ? h('span', {}, ` · ${s.minutes} min`) : null,
        s.verdict ? h('span', { class: `verdict verdict-${s.verdict}` }, `Verdict: ${VERDICTS.find(([v]) => v === s.verdict)[1]}`) : null,
        name ? h('span', { class: 'muted' }, ` · ${name}`) : null),
      h('p', { class: 'ratings' }, ratingSummary(s)),
      s.notes ? h('p', { class: 'session-notes' }, s.notes) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'link', onclick: () => this.sessionForm(s) }, 'Edit'),
        h('button', { type: 'button', class: 'link', onclick: () => this.deleteSession(s) }, 'Delete')));
  }

  async removeEntry(item) {
    const result = await this.run(() => api.shortlistRemove(item.model_id));
    if (result) {
      this.actions.notify(`${f.modelName(item.model)} removed from the shortlist.`, 'info',
        { label: 'Undo', run: () => this.run(() => api.shortlistRestore(result.undo)) });
    }
  }

  async deleteSession(s) {
    const result = await this.run(() => api.sessionDelete(s.id));
    if (result) {
      this.actions.notify(`Try-on of ${this.modelName(s.model_id)} on ${s.date} deleted.`, 'info',
        { label: 'Undo', run: () => this.run(() => api.sessionRestore(result.undo)) });
    }
  }

  async deleteOwnModel(m) {
    const result = await this.run(() => api.ownModelDelete(m.id));
    if (result) {
      this.actions.notify(`${f.modelName(m)} deleted.`, 'info',
        { label: 'Undo', run: () => this.run(() => api.ownModelRestore(result.undo)) });
    }
  }

  /** The try-on form, new (`s.id` absent) or editing. */
  sessionForm(s) {
    const editing = Boolean(s.id);
    const error = h('p', { class: 'form-error', role: 'alert' });
    const today = new Date().toISOString().slice(0, 10);
    const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
    const date = h('input', { type: 'date', id: 'session-date', value: s.date ?? today, required: true });
    const place = h('input', { type: 'text', id: 'session-place', value: s.place ?? '', maxlength: this.limits.place_chars, placeholder: 'Store name, at home, a friend’s…' });
    const minutes = h('input', { type: 'number', id: 'session-minutes', value: s.minutes ?? '', min: 1, max: this.limits.minutes });
    const notes = h('textarea', { id: 'session-notes', rows: 5, maxlength: this.limits.notes_chars });
    notes.value = s.notes ?? '';
    const scale = (group, key, label, hint, value, term) => h('fieldset', { class: 'scale' },
      h('legend', {}, label, term ? termLink(term) : null, h('small', { class: 'hint' }, hint)),
      [null, 1, 2, 3, 4, 5].map((n) => {
        const id = `${group}-${key}-${n ?? 'none'}`;
        return h('span', { class: 'scale-option' },
          h('input', { type: 'radio', name: `${group}-${key}`, id, value: n ?? '', checked: (value ?? null) === n }),
          h('label', { for: id }, n == null ? '–' : String(n)));
      }));
    const verdict = h('fieldset', { class: 'scale' }, h('legend', {}, 'Verdict'),
      [[null, 'Undecided'], ...VERDICTS].map(([v, label]) => {
        const id = `verdict-${v ?? 'none'}`;
        return h('span', { class: 'scale-option' },
          h('input', { type: 'radio', name: 'verdict', id, value: v ?? '', checked: (s.verdict ?? null) === v }),
          h('label', { for: id }, label));
      }));
    const form = h('form', { class: 'session-form', onsubmit: async (e) => {
      e.preventDefault();
      const picked = (name) => {
        const v = form.querySelector(`input[name="${name}"]:checked`)?.value;
        return v ? Number(v) : null;
      };
      const input = {
        model_id: s.model_id,
        date: date.value,
        place: place.value,
        minutes: minutes.value === '' ? null : Number(minutes.value),
        ratings: Object.fromEntries(RATINGS.map(([k]) => [k, picked(`rating-${k}`)])),
        sound: Object.fromEntries(SOUND.map(([k]) => [k, picked(`sound-${k}`)])),
        notes: notes.value,
        verdict: form.querySelector('input[name="verdict"]:checked')?.value || null,
      };
      try {
        this.set(editing ? await api.sessionUpdate(s.id, input) : await api.sessionAdd(input));
        this.dialog.close();
      } catch (err) {
        error.textContent = err.message;
      }
    } },
    h('header', { class: 'detail-head' },
      h('h2', { id: 'form-title' }, `${editing ? 'Edit try-on' : 'Try-on'}: ${this.modelName(s.model_id)}`)),
    h('div', { class: 'form-row' },
      field('session-date', 'Date', date), field('session-place', 'Place', place), field('session-minutes', 'Minutes worn', minutes)),
    h('h3', {}, 'How it felt'),
    h('div', { class: 'scales' }, RATINGS.map(([k, label, hint, term]) => scale('rating', k, label, hint, s.ratings?.[k], term))),
    h('h3', {}, 'How it sounded'),
    h('div', { class: 'scales' }, SOUND.map(([k, label, hint]) => scale('sound', k, label, hint, s.sound?.[k]))),
    field('session-notes', 'Notes', notes),
    verdict,
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'save-session' }, 'Save'),
      h('button', { type: 'button', class: 'secondary', onclick: () => this.dialog.close() }, 'Cancel')));
    replace(this.dialog, form);
    openModal(this.dialog, place);
  }

  /** The own-model form: name and back are required, every figure optional. */
  ownModelForm(m = null) {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const text = (id, label, value, attrs = {}) => h('div', { class: 'field' }, h('label', { for: id }, label),
      h('input', { type: 'text', id, value: value ?? '', ...attrs }));
    const num = (id, label, value, attrs = {}) => h('div', { class: 'field' }, h('label', { for: id }, label),
      h('input', { type: 'number', id, value: value ?? '', step: 'any', ...attrs }));
    const back = h('select', { id: 'own-back', required: true },
      [['closed', 'Closed'], ['semi-open', 'Semi-open'], ['open', 'Open']].map(([v, l]) => h('option', { value: v, selected: m?.back === v }, l)));
    const unit = h('select', { id: 'own-unit' },
      [['dB/mW', 'dB SPL/mW'], ['dB/V', 'dB SPL/V']].map(([v, l]) => h('option', { value: v, selected: m?.sensitivity?.unit === v }, l)));
    const form = h('form', { class: 'own-form', onsubmit: async (e) => {
      e.preventDefault();
      const val = (id) => form.querySelector(`#${id}`).value.trim();
      const numVal = (id) => (val(id) === '' ? null : Number(val(id)));
      const sens = numVal('own-sens');
      const input = {
        model: val('own-name'),
        brand: val('own-brand') || null,
        back: back.value,
        impedance_ohm: numVal('own-imp'),
        sensitivity: sens == null ? null : { value: sens, unit: unit.value, ref_hz: null },
        weight_g: numVal('own-weight'),
        pads: val('own-pads') || null,
      };
      try {
        this.set(m ? await api.ownModelUpdate(m.id, input) : await api.ownModelAdd(input));
        this.dialog.close();
      } catch (err) {
        error.textContent = err.message;
      }
    } },
    h('header', { class: 'detail-head' }, h('h2', { id: 'form-title' }, m ? 'Edit your model' : 'A model not in the catalog')),
    h('p', { class: 'muted' }, 'Only the name and the back are needed; leave what you do not know empty.'),
    text('own-name', 'Model name', m?.model, { required: true, maxlength: this.limits.name_chars }),
    text('own-brand', 'Brand', m?.brand, { maxlength: this.limits.name_chars }),
    h('div', { class: 'field' }, h('div', { class: 'label-row' }, h('label', { for: 'own-back' }, 'Back'), termLink('closed-back', 'a closed, open or semi-open back')), back),
    h('div', { class: 'form-row' },
      num('own-imp', 'Impedance (Ω)', m?.impedance_ohm, { min: 8, max: 1000 }),
      num('own-sens', 'Sensitivity (dB SPL)', m?.sensitivity?.value, { min: 80, max: 130 }),
      h('div', { class: 'field' }, h('label', { for: 'own-unit' }, 'per'), unit)),
    h('div', { class: 'form-row' },
      num('own-weight', 'Weight without cable (g)', m?.weight_g, { min: 50, max: 1000 }),
      text('own-pads', 'Pads', m?.pads, { maxlength: this.limits.name_chars })),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'save-own-model' }, 'Save'),
      h('button', { type: 'button', class: 'secondary', onclick: () => this.dialog.close() }, 'Cancel')));
    replace(this.dialog, form);
    openModal(this.dialog, form.querySelector('#own-name'));
  }

  async export(format) {
    try {
      const text = await api.exportJournal(format);
      const ext = { json: 'json', csv: 'csv', markdown: 'md' }[format];
      const type = { json: 'application/json', csv: 'text/csv', markdown: 'text/markdown' }[format];
      saveText(text, `headroom-journal.${ext}`, type);
    } catch (e) {
      this.actions.notify(e.message, 'error');
    }
  }

  async importFile() {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!file) return;
    if (file.size > this.limits.import_bytes) {
      this.actions.notify(`${file.name}: the file is larger than ${this.limits.import_bytes / 1048576} MiB; nothing was imported.`, 'error');
      return;
    }
    const text = await file.text();
    const result = await this.run(() => api.importJournal(text, this.importMode.value));
    if (result) this.actions.notify(`Imported ${file.name}.`, 'info');
  }
}

/** @param {import('../../gen/wire').Session} s */
function ratingSummary(s) {
  const parts = [];
  for (const [k, label] of RATINGS) if (s.ratings?.[k] != null) parts.push(`${label} ${s.ratings[k]}/5`);
  for (const [k, label] of SOUND) if (s.sound?.[k] != null) parts.push(`${label} ${s.sound[k]}/5`);
  return parts.length ? parts.join(' · ') : 'No ratings.';
}
