// The try-on form: the ratings of fit and sound (each 1 to 5, 5 the best for the wearer), notes
// and a verdict, and the one-line summary of a try-on's ratings.
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { openModal } from '../../dialog.js';
import { termLink } from '../../glossary.js';

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

/**
 * The try-on form in the view's dialog, new (`s.id` absent) or editing.
 * @param {import('../shortlist.js').ShortlistView} view
 * @param {Partial<import('../../../gen/wire').Session>} s
 */
export function sessionForm(view, s) {
  const editing = Boolean(s.id);
  const error = h('p', { class: 'form-error', role: 'alert' });
  const today = new Date().toISOString().slice(0, 10);
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const date = h('input', { type: 'date', id: 'session-date', value: s.date ?? today, required: true });
  const place = h('input', { type: 'text', id: 'session-place', value: s.place ?? '', maxlength: view.words.limits.place_chars, placeholder: 'Store name, at home, a friend’s…' });
  const minutes = h('input', { type: 'number', id: 'session-minutes', value: s.minutes ?? '', min: 1, max: view.words.limits.minutes });
  const notes = h('textarea', { id: 'session-notes', rows: 5, maxlength: view.words.limits.notes_chars });
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
    [[null, 'Undecided'], ...view.words.tryon_verdicts.map((w) => [w.value, w.label])].map(([v, label]) => {
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
      await view.set(editing ? await api.sessionUpdate(s.id, input) : await api.sessionAdd(input));
      view.dialog.close();
    } catch (err) {
      error.textContent = err.message;
    }
  } },
  h('header', { class: 'detail-head' },
    h('h2', { id: 'form-title' }, `${editing ? 'Edit try-on' : 'Try-on'}: ${view.modelName(s.model_id)}`)),
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
    h('button', { type: 'button', class: 'secondary', onclick: () => view.dialog.close() }, 'Cancel')));
  replace(view.dialog, form);
  openModal(view.dialog, place);
}

/** "Comfort 4/5 · Bass 3/5", or that there are none. @param {import('../../../gen/wire').Session} s */
export function ratingSummary(s) {
  const parts = [];
  for (const [k, label] of RATINGS) if (s.ratings?.[k] != null) parts.push(`${label} ${s.ratings[k]}/5`);
  for (const [k, label] of SOUND) if (s.sound?.[k] != null) parts.push(`${label} ${s.sound[k]}/5`);
  return parts.length ? parts.join(' · ') : 'No ratings.';
}
