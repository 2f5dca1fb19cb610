// The scroll and paint helpers in ui/dom.js: they exist so that start-up and rendering never
// force a layout for nothing (issue 7), so the tests count every read and write of scrollTop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterPaint, keepLatest, Kept, reconcile, scrollToTop, trackScroll } from '../../ui/dom.js';

/** A stand-in for a scrolling element that counts how often its position is touched. */
function scroller() {
  const el = {
    listeners: [], position: 0, reads: 0, writes: 0,
    addEventListener(type, fn) { if (type === 'scroll') this.listeners.push(fn); },
    get scrollTop() { this.reads += 1; return this.position; },
    set scrollTop(v) { this.writes += 1; this.position = v; },
    scrollBy(v) { this.position = v; for (const fn of this.listeners) fn(); },
  };
  return el;
}

test('scrollToTop leaves an element that never scrolled alone, without reading its position', () => {
  const el = trackScroll(scroller());
  scrollToTop(el);
  assert.equal(el.reads, 0);
  assert.equal(el.writes, 0);
});

test('scrollToTop brings back an element the user scrolled, once', () => {
  const el = trackScroll(scroller());
  el.scrollBy(900);
  scrollToTop(el);
  assert.equal(el.position, 0);
  assert.equal(el.writes, 1);
  scrollToTop(el);
  assert.equal(el.writes, 1, 'already at the top: no second write');
});

test('an element scrolled back to the top by the user needs no reset', () => {
  const el = trackScroll(scroller());
  el.scrollBy(300);
  el.scrollBy(0);
  scrollToTop(el);
  assert.equal(el.writes, 0);
});

test('afterPaint runs after the next frame callback, not inside it', async () => {
  const order = [];
  const frames = [];
  globalThis.requestAnimationFrame = (fn) => frames.push(fn);
  try {
    afterPaint(() => order.push('after paint'));
    assert.deepEqual(order, [], 'nothing before the frame');
    frames.shift()();
    order.push('frame callback done');
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(order, ['frame callback done', 'after paint']);
  } finally {
    delete globalThis.requestAnimationFrame;
  }
});

/** A stand-in for a list element: children, and how often they were replaced. */
function list() {
  return {
    children: [], replaced: 0,
    replaceChildren(...c) { this.children = c; this.replaced += 1; },
  };
}

test('Kept gives back the element built for a key until a pass no longer asks for it', () => {
  const kept = new Kept();
  let built = 0;
  const make = (key) => kept.get(key, () => ({ key, n: ++built }));
  const a = make('a');
  const b = make('b');
  kept.done();
  assert.equal(make('a'), a, 'the same data gets the same element');
  const c = make('c');
  kept.done();
  assert.equal(built, 3, 'only the new key was built');
  assert.notEqual(c, b);
  assert.notEqual(make('b'), b, 'a key the last pass skipped is built anew');
  assert.equal(built, 4);
});

test('reconcile touches a list only when its children differ', () => {
  const el = list();
  const [x, y] = [{}, {}];
  reconcile(el, [x, y]);
  reconcile(el, [x, y]);
  assert.equal(el.replaced, 1, 'the same children in the same order: nothing to do');
  reconcile(el, [y, x]);
  assert.equal(el.replaced, 2);
  assert.deepEqual(el.children, [y, x]);
  reconcile(el, [y]);
  assert.equal(el.replaced, 3);
});

test('keepLatest keeps the newest entries, a key put again counting as new', () => {
  const kept = new Map();
  for (const k of ['a', 'b', 'c']) keepLatest(kept, k, k.toUpperCase(), 3);
  keepLatest(kept, 'a', 'A2', 3); // a is the newest now: b is the oldest
  keepLatest(kept, 'd', 'D', 3);
  assert.deepEqual([...kept], [['c', 'C'], ['a', 'A2'], ['d', 'D']]);
});
