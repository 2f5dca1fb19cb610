// The words the domain gives its values (figure kinds, smoothing, normalisation, backs, tiers,
// verdicts...) and the limits of its inputs, fetched once from `app_info`: the UI keeps no
// second list of them. format.js gets its labels from here before the first view is drawn.
import * as api from './api.js';
import { h } from './dom.js';
import { useVocabulary } from './format.js';

/** @type {ReturnType<typeof api.appInfo>|null} */
let info = null;

/** `app_info`, asked once; its vocabulary becomes format.js's labels. */
export function appInfoOnce() {
  info ??= api.appInfo().then((i) => {
    useVocabulary(i.vocabulary);
    return i;
  });
  info.catch(() => { info = null; }); // asked again next time
  return info;
}

/** @returns {Promise<import('./api.js').Vocabulary>} */
export function vocabulary() {
  return appInfoOnce().then((i) => i.vocabulary);
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
