// The scroll and paint helpers in ui/dom.js: they exist so that start-up and rendering never
// force a layout for nothing (issue 7), so the tests count every read and write of scrollTop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterPaint, scrollToTop, trackScroll } from '../../ui/dom.js';

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
