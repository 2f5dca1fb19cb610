// The words the domain gives its values (figure kinds, smoothing, normalisation), fetched once
// from `app_info`: the UI keeps no second list of them.
import * as api from './api.js';
import { h } from './dom.js';

let words = null;

/** @returns {Promise<import('./api.js').Vocabulary>} */
export function vocabulary() {
  words ??= api.appInfo().then((info) => info.vocabulary);
  return words;
}

/** The label and explanation of a value in one of the vocabulary's lists. */
export function word(list, value) {
  return list.find((w) => w.value === value) ?? { value, label: value, explanation: '' };
}

/** The small marker that says how sure a figure is, with its explanation for screen readers. */
export function kindMarker(kind, words) {
  const w = word(words.figure_kinds, kind);
  return h('span', { class: `kind kind-${kind}`, title: w.explanation },
    w.label, h('span', { class: 'visually-hidden' }, ` (${w.explanation})`));
}
