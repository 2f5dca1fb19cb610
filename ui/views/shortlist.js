// Shortlist and try-on journal: the user's candidates in their own order, a status and a
// reason for each, the try-on sessions from stores, and import/export. Everything the user
// typed is shown with textContent.
import * as api from '../api.js';
import { h, Kept, reconcile, replace } from '../dom.js';
import * as f from '../format.js';
import { vocabulary, word } from '../vocabulary.js';
import { ownModelForm } from './shortlist/own-model-form.js';
import { ratingSummary, sessionForm } from './shortlist/session-form.js';
import { exportJournal, importFile } from './shortlist/transfer.js';

export class ShortlistView {
  /** @param {{ notify: import('../sound.js').Notify, onCompare?: (id: string) => void,
   *   show?: (view: string) => void }} actions */
  constructor(actions) {
    this.actions = actions;
    /** @type {import('../../gen/wire').JournalView|null} */
    this.journal = null;
    /** Shortlist entries and try-on rows, kept while what they show is the same. */
    this.kept = new Kept();
    /** The groups of try-ons the user opened in full with "Show … earlier try-ons", and all
     * their try-ons (a journal view carries the latest few of each group): by `groupKey`. */
    this.expanded = new Map();
    this.list = h('ol', { class: 'shortlist', 'aria-label': 'Your shortlist' });
    this.others = h('section', { class: 'others' });
    this.dialog = h('dialog', { class: 'detail form-dialog', 'aria-labelledby': 'form-title' });
    this.fileInput = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', id: 'import-file',
      // Reached through the "Import JSON…" button, so not a second tab stop.
      tabindex: '-1', 'aria-label': 'Journal file to import', onchange: () => importFile(this) });
    this.importMode = h('select', { id: 'import-mode' },
      h('option', { value: 'merge' }, 'Merge with my journal'), h('option', { value: 'replace' }, 'Replace my journal'));
    this.element = h('section', { class: 'shortlist-view', 'aria-label': 'Shortlist and try-on journal' },
      h('div', { class: 'toolbar' },
        h('h2', {}, 'Shortlist'),
        h('button', { type: 'button', class: 'secondary', id: 'add-own-model', onclick: () => ownModelForm(this) }, 'Add a model not in the catalog'),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'secondary', onclick: () => exportJournal(this, 'markdown') }, 'Export Markdown'),
        h('button', { type: 'button', class: 'secondary', onclick: () => exportJournal(this, 'csv') }, 'Export CSV'),
        h('button', { type: 'button', class: 'secondary', onclick: () => exportJournal(this, 'json') }, 'Export JSON'),
        h('label', { for: 'import-mode', class: 'visually-hidden' }, 'Import mode'), this.importMode,
        h('button', { type: 'button', class: 'secondary', onclick: () => this.fileInput.click() }, 'Import JSON…'),
        this.fileInput),
      this.list, this.others, this.dialog);
  }

  async activate() {
    const [journal, words] = await Promise.all([api.getJournal(), vocabulary()]);
    /** Statuses, try-on verdicts and backs with their labels, and the forms' limits. */
    this.words = words;
    // Nothing was saved since it was drawn: what is on screen is current.
    if (journal.revision !== this.journal?.revision) await this.set(journal);
  }

  /** Shows a journal view, with the groups the user opened still in full. */
  async set(journal) {
    this.journal = journal;
    await this.fetchExpanded();
    // Names by model id, the first of the shortlist's, the tried catalog models' and the own
    // models' that has the id.
    const all = [...journal.shortlist.map((s) => s.model), ...journal.models, ...journal.own_models];
    /** @type {Map<string, string>} */
    this.names = new Map();
    for (const m of all) if (!this.names.has(m.id)) this.names.set(m.id, f.modelName(m));
    this.render();
  }

  /** Fetches again, in full, the groups the user opened: the view just set may have changed
   * them. A group that is gone (its model left the shortlist) or that now fits in the view
   * closes. */
  async fetchExpanded() {
    await Promise.all([...this.expanded.keys()].map(async (key) => {
      const group = groupOf(key);
      if (!this.earlier(group)) {
        this.expanded.delete(key);
        return;
      }
      try {
        this.expanded.set(key, await api.getSessions(group));
      } catch {
        this.expanded.delete(key);
      }
    }));
  }

  /** Runs a change; shows its error, if any, without losing what is on screen. */
  async run(change) {
    this.element.setAttribute('aria-busy', 'true');
    try {
      const result = await change();
      if (result?.journal && result.undo) {
        await this.set(result.journal);
        return result;
      }
      if (result) await this.set(result);
      return result;
    } catch (e) {
      this.actions.notify(e.message, 'error');
      return null;
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  /** @param {string} id */
  modelName(id) {
    return this.names.get(id) ?? id;
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
        const sessions = this.shown({ model: item.model_id }, j.sessions.filter((s) => s.model_id === item.model_id));
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
        h('button', { type: 'button', class: 'link', onclick: () => ownModelForm(this, m) }, 'Edit'), ' ',
        h('button', { type: 'button', class: 'link', onclick: () => this.deleteOwnModel(m) }, 'Delete'))))] : null,
      loose.length ? [h('h2', {}, 'Try-ons of models not on the shortlist'), this.sessions(this.shown('others', loose), true)] : null);
    this.kept.done();
  }

  entry(item, index, sessions) {
    const j = this.journal;
    const id = item.model_id;
    const statusId = `status-${index}`;
    const reasonId = `reason-${index}`;
    const reason = h('input', { type: 'text', id: reasonId, value: item.reason, maxlength: this.words.limits.reason_chars, placeholder: 'Why it is here, in one line',
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
            this.words.statuses.map((w) => h('option', { value: w.value, selected: w.value === item.status }, w.label)))),
        h('div', { class: 'field grow' }, h('label', { for: reasonId }, 'Reason'), reason)),
      sessions.rows.length ? this.sessions(sessions, false) : h('p', { class: 'muted' }, 'No try-on yet.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary add-session', onclick: () => sessionForm(this, { model_id: id }) }, 'Add try-on notes'),
        this.actions.onCompare ? h('button', { type: 'button', class: 'secondary', onclick: () => this.actions.onCompare(id) }, 'Compare') : null,
        h('button', { type: 'button', class: 'secondary', onclick: () => this.removeEntry(item) }, 'Remove')));
  }

  /**
   * The try-ons of a group to draw: the latest the view carries, or all once the user asked.
   * @param {import('../../gen/wire').SessionGroup} group
   * @param {import('../../gen/wire').Session[]} latest the group's try-ons in the view
   */
  shown(group, latest) {
    const key = groupKey(group);
    const all = this.expanded.get(key);
    return { key, open: Boolean(all), hidden: this.earlier(group), rows: all ?? latest };
  }

  /** How many try-ons of `group` the journal view leaves out.
   * @param {import('../../gen/wire').SessionGroup} group */
  earlier(group) {
    const earlier = this.journal.earlier_sessions;
    return group === 'others' ? earlier.others : (earlier.by_model[group.model] ?? 0);
  }

  /** Try-on rows, and the button that shows the earlier ones or hides them again; `named` (the
   * try-ons of models not on the shortlist) shows each model's name. */
  sessions({ key, open, hidden, rows }, named) {
    const latest = this.words.limits.latest_sessions;
    const toggle = hidden > 0
      ? h('button', { type: 'button', class: 'link show-sessions', 'aria-expanded': String(open), dataset: { group: key },
        onclick: () => this.toggle(key) },
      open ? `Show only the latest ${latest}` : `Show ${hidden} earlier try-on${hidden === 1 ? '' : 's'}`)
      : null;
    return [toggle, h('ul', { class: 'sessions' }, rows.map((s) => {
      const name = named ? this.modelName(s.model_id) : null;
      return this.kept.get(JSON.stringify(['session', s, name]), () => this.session(s, name));
    }))];
  }

  /** Opens a group in full (fetching its try-ons) or back to its latest. */
  async toggle(key) {
    if (this.expanded.has(key)) {
      this.expanded.delete(key);
    } else {
      this.element.setAttribute('aria-busy', 'true');
      try {
        this.expanded.set(key, await api.getSessions(groupOf(key)));
      } catch (e) {
        this.actions.notify(e.message, 'error');
        return;
      } finally {
        this.element.removeAttribute('aria-busy');
      }
    }
    this.render();
    // The button was drawn anew with its new words; the keyboard stays on it.
    /** @type {HTMLElement|null} */ (this.element.querySelector(`.show-sessions[data-group="${CSS.escape(key)}"]`))?.focus();
  }

  /** One try-on; `name` is its model's, shown when the model is not on the shortlist. */
  session(s, name) {
    return h('li', { class: 'session', dataset: { id: s.id } },
      h('div', { class: 'session-head' },
        h('strong', {}, `${s.date}`), s.place ? h('span', {}, ` · ${s.place}`) : null,
        s.minutes ? h('span', {}, ` · ${s.minutes} min`) : null,
        s.verdict ? h('span', { class: `verdict verdict-${s.verdict}` }, `Verdict: ${word(this.words.tryon_verdicts, s.verdict).label}`) : null,
        name ? h('span', { class: 'muted' }, ` · ${name}`) : null),
      h('p', { class: 'ratings' }, ratingSummary(s)),
      s.notes ? h('p', { class: 'session-notes' }, s.notes) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'link', onclick: () => sessionForm(this, s) }, 'Edit'),
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

}

/** A group of try-ons as a string, for a Map key and a data attribute; `groupOf` reads it back.
 * @param {import('../../gen/wire').SessionGroup} group */
const groupKey = (group) => (group === 'others' ? 'others' : `model:${group.model}`);

/** @param {string} key @returns {import('../../gen/wire').SessionGroup} */
const groupOf = (key) => (key === 'others' ? 'others' : { model: key.slice('model:'.length) });
