// A model's detail: every spec with how sure it is (unknowns marked), the user's own figures
// for a catalog model (a form), studio notes, sources, and a slot for the measured sound.
// Loaded with the first detail opened (BrowseView.open).
import * as api from '../api.js';
import { h } from '../dom.js';
import * as f from '../format.js';
import { backTerm, termLink } from '../glossary.js';
import { kindMarker } from '../vocabulary.js';

/**
 * The detail of one model: every spec with how sure it is (unknowns marked), the user's own
 * figures, notes, sources, and a slot for the measured sound.
 */
/** @param {import('../../gen/wire').Model} m @param {() => void} close @param {any} actions @param {import('../api.js').Vocabulary} words @param {HTMLElement} soundSlot */
export function detail(m, close, actions, words, soundSlot) {
  const noteFor = (field) => m.figure_notes?.[field];
  const spec = (label, field, text, term = null) => [
    h('dt', {}, label, term ? termLink(term) : null),
    h('dd', { class: text === f.UNKNOWN ? 'unknown' : null }, text,
      words.figure_fields.includes(field) && m.provenance?.[field] ? [' ', kindMarker(m.provenance[field].kind, words)] : null,
      noteFor(field) ? h('small', { class: 'figure-note' }, noteFor(field)) : null),
  ];
  const n = m.notes;
  return [
    h('header', { class: 'detail-head' },
      h('h2', { id: 'detail-title' }, f.modelName(m)),
      h('button', { type: 'button', class: 'secondary', onclick: close, 'aria-label': 'Close details' }, 'Close')),
    h('div', { class: 'actions' },
      actions.onShortlist ? h('button', { type: 'button', class: 'primary', onclick: () => { actions.onShortlist(m.id); close(); } }, 'Add to shortlist') : null,
      actions.onCompare ? h('button', { type: 'button', class: 'secondary', onclick: () => { actions.onCompare(m.id); close(); } }, 'Compare') : null),
    h('p', { class: 'muted kind-legend' }, 'The marker beside a figure says who published it', termLink('figure-kinds'), '.'),
    h('dl', { class: 'specs' },
      spec('Back', 'back', f.backLabel(m.back), backTerm(m.back)),
      spec('Driver', 'transducer', f.transducerLabel(m.transducer), ['dynamic', 'planar-magnetic'].includes(m.transducer) ? m.transducer : null),
      spec('Driver size', 'driver_mm', f.millimetres(m.driver_mm)),
      spec('Impedance', 'impedance_ohm', f.impedance(m.impedance_ohm), 'impedance'),
      spec('Sensitivity', 'sensitivity', f.sensitivity(m.sensitivity), 'sensitivity'),
      spec('Weight (without cable)', 'weight_g', f.grams(m.weight_g)),
      spec('Frequency range', 'frequency_response', f.frequencyRange(m.frequency_response)),
      spec('Cable', 'cable', f.cable(m.cable)),
      spec('Folds', 'folds', f.yesNo(m.folds)),
      spec('Swivels', 'swivels', f.yesNo(m.swivels)),
      spec('Pads', 'pads', m.pads ?? f.UNKNOWN),
      spec('Price tier', 'tier', f.tierLabel(m.tier), 'price-tier'),
      spec('Indicative price', 'price', f.price(m.price)),
      spec('Launch year', 'year', m.year == null ? f.UNKNOWN : String(m.year))),
    m.origin === 'catalog' && actions.onFigures ? figuresForm(m, actions, words.limits) : null,
    soundSlot,
    (n.isolation || n.leakage || n.comfort) ? h('section', { class: 'studio-notes' },
      h('h3', {}, 'In the studio'),
      h('dl', {},
        n.isolation ? [h('dt', {}, 'Isolation'), h('dd', {}, n.isolation)] : null,
        n.leakage ? [h('dt', {}, 'Leakage'), h('dd', {}, n.leakage)] : null,
        n.comfort ? [h('dt', {}, 'Comfort'), h('dd', {}, n.comfort)] : null)) : null,
    h('section', { class: 'sources' },
      h('h3', {}, 'Sources'),
      m.sources.length === 0 ? h('p', {}, 'Added by you; no published source.') : h('ol', { start: 0 },
        m.sources.map((src) => h('li', {}, h('span', { class: `source-kind ${src.kind}` }, src.kind), ' ', src.title, h('br'), h('small', { class: 'url' }, src.url))))),
  ];
}

/**
 * The figures from the user's box or manual for a catalog model: impedance, sensitivity with its
 * unit, weight, price. Saved in the journal; they replace the catalog's everywhere.
 */
function figuresForm(m, actions, limits) {
  const mine = (field) => (m.provenance?.[field]?.kind === 'user' ? m[field] : null);
  const own = ['impedance_ohm', 'sensitivity', 'weight_g', 'price'].filter((k) => mine(k) != null);
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const number = (id, value, attrs = {}) => h('input', { type: 'number', id, step: 'any', inputmode: 'decimal', value: value ?? '', ...attrs });
  const sens = mine('sensitivity');
  const price = mine('price');
  const inputs = {
    impedance: number('fig-impedance', mine('impedance_ohm'), { min: limits.impedance_ohm[0], max: limits.impedance_ohm[1] }),
    // No bounds here: what is plausible depends on the unit and the impedance, and the domain
    // says so, naming the field.
    sensitivity: number('fig-sensitivity', sens?.value),
    unit: h('select', { id: 'fig-unit' },
      h('option', { value: 'dB/mW', selected: sens?.unit !== 'dB/V' }, 'dB SPL/mW'),
      h('option', { value: 'dB/V', selected: sens?.unit === 'dB/V' }, 'dB SPL/V')),
    refHz: number('fig-ref', sens?.ref_hz, { min: 20, max: 20000 }),
    weight: number('fig-weight', mine('weight_g'), { min: limits.weight_g[0], max: limits.weight_g[1] }),
    price: number('fig-price', price?.amount, { min: limits.price_usd[0], max: limits.price_usd[1] }),
    month: h('input', { type: 'text', id: 'fig-month', placeholder: 'YYYY-MM', pattern: '\\d{4}-\\d{2}', value: price?.as_of ?? '' }),
  };
  const value = (el) => (el.value.trim() === '' ? null : Number(el.value));
  const figures = () => ({
    impedance_ohm: value(inputs.impedance),
    sensitivity: value(inputs.sensitivity) == null ? null
      : { value: value(inputs.sensitivity), unit: inputs.unit.value, ref_hz: value(inputs.refHz) },
    weight_g: value(inputs.weight),
    price: value(inputs.price) == null ? null
      : { amount: value(inputs.price), currency: 'USD', as_of: inputs.month.value.trim(), source: 'your own figure' },
  });
  const undoable = (message, changed) => {
    actions.onFigures(changed.model);
    actions.notify?.(message, 'info', {
      label: 'Undo',
      run: async () => {
        const { model_id: id, previous } = changed.undo;
        const back = previous ? await api.setFigures(id, previous) : await api.removeFigures(id);
        actions.onFigures(back.model);
      },
    }, 'figures');
  };
  const form = h('form', {
    class: 'own-figures-form', 'aria-describedby': 'fig-help',
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        undoable('Your figures were saved; they replace the catalog’s for this model everywhere.', await api.setFigures(m.id, figures()));
      } catch (err) {
        actions.notify?.(`${err.message}. Nothing was changed.`, 'error', null, 'figures');
      }
    },
  },
  h('p', { id: 'fig-help', class: 'muted' }, 'What your box or manual states, where the catalog has nothing or says otherwise. Marked as yours everywhere; leave a field empty to keep the catalog’s.'),
  h('div', { class: 'own-figures' },
    field('fig-impedance', 'Impedance (ohm)', inputs.impedance),
    field('fig-sensitivity', 'Sensitivity (dB SPL)', inputs.sensitivity),
    field('fig-unit', 'per', inputs.unit),
    field('fig-ref', 'at (Hz, optional)', inputs.refHz),
    field('fig-weight', 'Weight without cable (g)', inputs.weight),
    field('fig-price', 'Price (USD)', inputs.price),
    field('fig-month', 'Month (YYYY-MM)', inputs.month)),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary' }, 'Save your figures'),
    own.length ? h('button', {
      type: 'button', class: 'secondary',
      onclick: async () => {
        try {
          undoable('Your figures were removed; the catalog’s are back.', await api.removeFigures(m.id));
        } catch (err) {
          actions.notify?.(err.message, 'error', null, 'figures');
        }
      },
    }, 'Remove your figures') : null));
  return h('details', { class: 'own-figures-box', open: own.length > 0 },
    h('summary', {}, own.length ? `Your figures (${own.length})` : 'Add the figures from your box'),
    form);
}
