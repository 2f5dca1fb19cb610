// The form for a model the catalog lacks: the user's own model, added or edited.
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { openModal } from '../../dialog.js';
import { termLink } from '../../glossary.js';

/**
 * The own-model form in the view's dialog: name and back are required, every figure optional.
 * @param {import('../shortlist.js').ShortlistView} view
 * @param {import('../../../gen/wire').Model|null} m the model to edit, or none for a new one
 */
export function ownModelForm(view, m = null) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const text = (id, label, value, attrs = {}) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { type: 'text', id, value: value ?? '', ...attrs }));
  const num = (id, label, value, attrs = {}) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { type: 'number', id, value: value ?? '', step: 'any', ...attrs }));
  const back = h('select', { id: 'own-back', required: true },
    view.words.backs.map((w) => h('option', { value: w.value, selected: m?.back === w.value }, w.label)));
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
      await view.set(m ? await api.ownModelUpdate(m.id, input) : await api.ownModelAdd(input));
      view.dialog.close();
    } catch (err) {
      error.textContent = err.message;
    }
  } },
  h('header', { class: 'detail-head' }, h('h2', { id: 'form-title' }, m ? 'Edit your model' : 'A model not in the catalog')),
  h('p', { class: 'muted' }, 'Only the name and the back are needed; leave what you do not know empty.'),
  text('own-name', 'Model name', m?.model, { required: true, maxlength: view.words.limits.name_chars }),
  text('own-brand', 'Brand', m?.brand, { maxlength: view.words.limits.name_chars }),
  h('div', { class: 'field' }, h('div', { class: 'label-row' }, h('label', { for: 'own-back' }, 'Back'), termLink('closed-back', 'a closed, open or semi-open back')), back),
  h('div', { class: 'form-row' },
    num('own-imp', 'Impedance (Ω)', m?.impedance_ohm, bounds(view.words.limits.own_impedance_ohm)),
    num('own-sens', 'Sensitivity (dB SPL)', m?.sensitivity?.value, bounds(view.words.limits.own_sensitivity_db)),
    h('div', { class: 'field' }, h('label', { for: 'own-unit' }, 'per'), unit)),
  h('div', { class: 'form-row' },
    num('own-weight', 'Weight without cable (g)', m?.weight_g, bounds(view.words.limits.own_weight_g)),
    text('own-pads', 'Pads', m?.pads, { maxlength: view.words.limits.name_chars })),
  error,
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary', id: 'save-own-model' }, 'Save'),
    h('button', { type: 'button', class: 'secondary', onclick: () => view.dialog.close() }, 'Cancel')));
  replace(view.dialog, form);
  openModal(view.dialog, form.querySelector('#own-name'));
}

/** A `[low, high]` bound as an input's min and max. @param {[number, number]} bound */
const bounds = ([min, max]) => ({ min, max });
