// A tiny element builder. Text always goes in through textContent, never as HTML, so user
// text (notes, names, imported files) can never become markup.

/**
 * h('button', { class: 'primary', onclick: fn, 'aria-label': 'Close' }, 'Close')
 * Attributes starting with "on" become listeners; `null`/`false` attributes are skipped;
 * children may be strings, numbers, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name in el && typeof value !== 'string') {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * Elements built from data, kept while their data stays the same. A view asks for each element
 * by a key that holds everything it shows (the JSON of its data, its position) and gets the
 * element it built for that key last time, or a new one; what a pass did not ask for is let go.
 * Drawing a list again after a change then builds only the items that changed, instead of
 * every item on every visit, which WebKit pays for in memory it keeps (`make bench`, the mixed
 * actions row). Handlers an element holds may only use what its key holds.
 */
export class Kept {
  constructor() {
    /** @type {Map<string, Element>} */
    this.last = new Map();
    /** @type {Map<string, Element>} */
    this.next = new Map();
  }

  /** @template {Element} E @param {string} key @param {() => E} build @returns {E} */
  get(key, build) {
    const el = /** @type {E} */ (this.next.get(key) ?? this.last.get(key) ?? build());
    this.next.set(key, el);
    return el;
  }

  /** Ends a pass: what it did not ask for is let go. */
  done() {
    this.last = this.next;
    this.next = new Map();
  }
}

/**
 * Puts `value` into `map` under `key` as its newest entry (a Map keeps insertion order) and lets
 * the oldest go past `limit`: the few things built lately, kept to be shown again.
 * @template K, V @param {Map<K, V>} map @param {K} key @param {V} value @param {number} limit
 */
export function keepLatest(map, key, value, limit) {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value);
}

/** Puts `children` into `el` unless it already holds exactly those, in that order. */
export function reconcile(el, children) {
  const same = el.children.length === children.length && children.every((c, i) => el.children[i] === c);
  if (!same) el.replaceChildren(...children);
}

/** Elements scrolled away from their top, as their scroll events tell. */
const scrolled = new WeakSet();

/**
 * Follows whether `el` is scrolled away from its top, so that `scrollToTop` need not ask: reading
 * or setting a scroll position makes the engine lay the page out at once, which on the first
 * paint costs tens of milliseconds for nothing. Returns `el`.
 */
export function trackScroll(el) {
  el.addEventListener('scroll', () => {
    if (el.scrollTop > 0) scrolled.add(el);
    else scrolled.delete(el);
  }, { passive: true });
  return el;
}

/** Brings a `trackScroll` element back to its top; touches nothing when it is already there. */
export function scrollToTop(el) {
  if (!scrolled.has(el)) return;
  scrolled.delete(el);
  el.scrollTop = 0;
}

/**
 * Runs `fn` once the current changes are on screen: after the next frame's style, layout and
 * paint (a task queued from the frame callback runs after that frame is drawn).
 */
export function afterPaint(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * s('path', { d: 'M0 0L1 1', class: 'series' }): an SVG element. Like `h`, text goes in through
 * text nodes only; attributes are set as they are (SVG has no properties to set instead).
 */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}
