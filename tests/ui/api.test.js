import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, toApiError, getModel } from '../../ui/api.js';

test('command errors keep their kind and message', () => {
  const e = toApiError({ kind: 'not_found', message: 'no model with id `x`' });
  assert.ok(e instanceof ApiError);
  assert.equal(e.kind, 'not_found');
  assert.equal(e.message, 'no model with id `x`');
});

test('anything else becomes an internal error', () => {
  assert.equal(toApiError('boom').kind, 'internal');
  assert.equal(toApiError('boom').message, 'boom');
  assert.equal(toApiError(new Error('x')).kind, 'internal');
});

test('calls go through window.__TAURI__ and their failures become ApiErrors', async () => {
  const calls = [];
  globalThis.__TAURI__ = {
    core: {
      invoke: async (cmd, args) => {
        calls.push([cmd, args]);
        throw { kind: 'not_found', message: 'no model' };
      },
    },
  };
  await assert.rejects(getModel('nope'), (e) => e instanceof ApiError && e.kind === 'not_found');
  assert.deepEqual(calls, [['get_model', { id: 'nope' }]]);
  delete globalThis.__TAURI__;
  await assert.rejects(getModel('x'), (e) => e.kind === 'unavailable');
});
