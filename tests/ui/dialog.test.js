// ui/dialog.js: the focus goes back to whatever opened a dialog, and only when that opening ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openModal } from '../../ui/dialog.js';

/** Just enough DOM: focusable elements, and a dialog whose close event comes in a later task. */
function page() {
  globalThis.HTMLElement = class {};
  const focusable = (name) => Object.assign(new HTMLElement(), {
    name, isConnected: true, focus() { globalThis.document.activeElement = this; },
  });
  const pending = [];
  const dialog = {
    isConnected: true, open: false, onclose: null,
    showModal() { this.open = true; },
    close() { this.open = false; pending.push(() => this.onclose?.()); },
  };
  globalThis.document = { activeElement: null };
  return { focusable, dialog, runTasks: () => { while (pending.length) pending.shift()(); } };
}

test('closing a dialog gives the focus back to its opener', () => {
  const { focusable, dialog, runTasks } = page();
  const button = focusable('button');
  const field = focusable('field');
  button.focus();
  openModal(dialog, field);
  assert.equal(document.activeElement, field);
  dialog.close();
  runTasks();
  assert.equal(document.activeElement, button);
});

test('a close event arriving after the dialog was opened again leaves the focus in it', () => {
  const { focusable, dialog, runTasks } = page();
  const button = focusable('button');
  const field = focusable('field');
  button.focus();
  openModal(dialog, field);
  // Saved and opened again in one go: the first close event is still on its way.
  dialog.close();
  button.focus();
  openModal(dialog, field);
  runTasks();
  assert.equal(document.activeElement, field, 'the stale close event took the focus away');
  dialog.close();
  runTasks();
  assert.equal(document.activeElement, button, 'the real close gives it back');
});

test('opening a dialog that is already open keeps its first opener', () => {
  const { focusable, dialog, runTasks } = page();
  const button = focusable('button');
  const inside = focusable('inside');
  button.focus();
  openModal(dialog, inside);
  openModal(dialog, inside); // drawn again while open, the focus inside it
  dialog.close();
  runTasks();
  assert.equal(document.activeElement, button);
});
