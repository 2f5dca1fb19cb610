// The glossary: the terms Headroom uses, explained in the product's own terms (ARCHITECTURE.md, *Domain rules*), and a
// small "?" button that opens it at one entry from wherever the term appears.
import { openModal } from './dialog.js';
import { h, replace } from './dom.js';
import { vocabulary } from './vocabulary.js';

/** id, the term, and its explanation (one or more paragraphs). */
export const TERMS = [
  {
    id: 'closed-back', term: 'Closed back',
    text: [
      'Sealed cups: they keep the room out and the sound in. The choice for recording near a microphone (nothing bleeds into it), noisy rooms, travel, offices and shared spaces, and DJing; bass tends to reach lower and the image sits “in your head”.',
      'Against: warm, sweaty ears and fatigue on long sessions, and a less natural image than open backs.',
    ],
  },
  {
    id: 'open-back', term: 'Open back',
    text: [
      'Vented cups: air and sound pass through. The most natural, speaker-like presentation, so mixes translate; the choice for mixing, mastering and critical listening in a quiet room, comfortable for long sessions, and the best stand-in when you have no monitor speakers.',
      'Against: no isolation, and they leak sound: wrong for tracking near a mic, offices, planes, or a sleeping household. Somewhat more delicate, and there are fewer models.',
    ],
  },
  {
    id: 'semi-open-back', term: 'Semi-open back',
    text: ['Partly vented cups, between closed and open: some isolation and some leakage. Headroom scores them between the two.'],
  },
  {
    id: 'impedance', term: 'Impedance',
    text: [
      'The headphone’s nominal electrical resistance, in ohms (Ω). Low-impedance models (roughly 16 to 80 Ω) are easy to drive from a phone or laptop; high-impedance ones (250 Ω and up) need more voltage, which an audio interface or a headphone amp gives.',
      'Impedance alone does not say how loud a model gets: that takes its sensitivity too, and Headroom works it out for your source.',
    ],
  },
  {
    id: 'sensitivity', term: 'Sensitivity',
    text: [
      'How loud a headphone plays for a given input, in dB SPL. Makers quote it per milliwatt (dB/mW) or per volt (dB/V); the two differ by the impedance: dB/mW = dB/V + 10·log10(Z / 1000 Ω). A 300 Ω model at 103 dB/V is 97.8 dB/mW.',
      'Headroom always shows the unit, and converts when it compares.',
    ],
  },
  {
    id: 'headroom', term: 'Headroom',
    text: [
      'How far above your loudest listening peaks a headphone can go on your source, in dB: the level it reaches at full volume minus your target (110 dB by default; 105 for quiet, 115 for loud listening).',
      'Comfortable: 3 dB or more. Loud enough: 0 to 3 dB. Marginal: up to 6 dB short. Too quiet: more than 6 dB short.',
    ],
  },
  {
    id: 'damping', term: 'Output impedance and damping',
    text: [
      'Every source has an output impedance. When it is more than one eighth of the headphone’s impedance, the source no longer controls the drivers well (poor damping) and the frequency response shifts: bass gets looser or the tone changes. Headroom says so when a source and a model are mismatched this way.',
    ],
  },
  {
    id: 'clamp-force', term: 'Clamp force',
    text: [
      'How hard the headband presses the cups against your head. Too little and they slip when you look down; too much and they press on the jaw, and on the arms of glasses, after an hour. It can only be judged by wearing them: rate it in your try-on notes.',
    ],
  },
  {
    id: 'planar-magnetic', term: 'Planar magnetic',
    text: [
      'A driver in which a thin film with a printed conductor moves between magnets, instead of a cone pushed by a voice coil (a dynamic driver). Typically low distortion and an even, extended bass; usually heavier and less sensitive, so check the headroom on your source.',
    ],
  },
  {
    id: 'dynamic', term: 'Dynamic driver',
    text: ['The common driver: a cone or dome moved by a voice coil in a magnet’s field. Light and efficient, and in most studio headphones.'],
  },
  {
    id: 'price-tier', term: 'Price tier',
    text: ['Budget, midrange or high-end. Prices drift and differ by country, so Headroom keeps a tier rather than a price, and at most an indicative street price with its date.'],
  },
  {
    id: 'figure-kinds', term: 'How sure a figure is',
    text: [
      'Every figure in the catalog says who published it, in a small marker beside it. Where no one published a figure, it reads “not published”: Headroom never guesses one or borrows it from a sibling model.',
    ],
    kinds: true,
  },
  {
    id: 'frequency-response', term: 'Frequency response',
    text: [
      'How loud a headphone plays each frequency, from deep bass (20 Hz) to the top of hearing (20 kHz), measured on an ear simulator: a microphone in an artificial ear. It is a fact about one unit on one rig; pads, fit and the unit itself move it a little.',
      'Headroom shows oratory1990’s measurements as published in the AutoEq repository, and measurements you import yourself (AutoEq CSV, Room EQ Wizard text, squig.link text).',
    ],
  },
  {
    id: 'harman-target', term: 'Harman target',
    text: [
      'The response that listeners in Harman’s research preferred on average (the over-ear target of 2018), measured the same way as the headphones. Headroom plots each curve against it and says, band by band, how far a headphone is above or below it and what that does to a mix: too much bass in the headphones and your mixes come out bass-light; a treble peak is harsh and tiring over long sessions.',
    ],
  },
  {
    id: 'preference-rating', term: 'Predicted preference rating',
    text: [
      'A number from the statistical model of Olive, Welti and Khonsaripour (AES 2018, around-ear headphones): 114.49 − 12.62 × the spread of the error against the target − 15.52 × its tilt, over 50 Hz to 10 kHz. It predicts how an average listener would rate the tonal balance. It is not a verdict on a headphone, and says nothing about comfort, build or your own ears.',
    ],
  },
];

const byId = new Map(TERMS.map((t) => [t.id, t]));

let dialog = null;

/** Opens the glossary, at the entry `id` when given. */
export function openGlossary(id = null) {
  dialog ??= build();
  openModal(dialog);
  const entry = id ? dialog.querySelector(`#term-${id}`) : null;
  for (const e of dialog.querySelectorAll('.term-entry')) e.classList.toggle('current', e === entry);
  if (entry) {
    entry.scrollIntoView({ block: 'start' });
    entry.focus();
  } else {
    dialog.querySelector('.term-entry')?.parentElement?.scrollTo?.(0, 0);
    dialog.querySelector('.detail-head button')?.focus();
  }
}

function build() {
  const d = h('dialog', { class: 'overlay glossary', id: 'glossary', 'aria-labelledby': 'glossary-title' });
  replace(d,
    h('header', { class: 'detail-head' },
      h('h2', { id: 'glossary-title' }, 'Glossary'),
      h('button', { type: 'button', class: 'secondary', onclick: () => d.close() }, 'Close')),
    h('div', { class: 'terms' }, TERMS.map((t) => h('section', { class: 'term-entry', id: `term-${t.id}`, tabindex: '-1', 'aria-labelledby': `term-${t.id}-name` },
      h('h3', { id: `term-${t.id}-name` }, t.term),
      t.text.map((p) => h('p', {}, p)),
      t.kinds ? kindList() : null))));
  return d;
}

/** The figure kinds with their explanations, as the domain words them. */
function kindList() {
  const list = h('dl', { class: 'kind-list' });
  vocabulary().then((v) => replace(list, v.figure_kinds.map((k) => [
    h('dt', {}, h('span', { class: `kind kind-${k.value}` }, k.label)),
    h('dd', {}, k.explanation),
  ]))).catch(() => replace(list, h('dd', {}, 'The kinds could not be loaded.')));
  return list;
}

/**
 * A small "?" button after a term, opening the glossary at its entry. `what` is the term as the
 * surrounding text says it (for the button's accessible name).
 */
export function termLink(id, what = byId.get(id)?.term ?? id) {
  if (!byId.has(id)) throw new Error(`no glossary entry ${id}`);
  return h('button', {
    type: 'button', class: 'term-link', title: `What is ${what.toLowerCase()}?`,
    'aria-label': `What is ${what.toLowerCase()}? Open the glossary`, dataset: { term: id },
    onclick: (e) => { e.preventDefault(); e.stopPropagation(); openGlossary(id); },
  }, '?');
}

/** The glossary entry for a model's back ('open', 'semi-open', 'closed'). */
export const backTerm = (back) => ({ open: 'open-back', 'semi-open': 'semi-open-back', closed: 'closed-back' }[back] ?? null);
