// The shell's logic: keyboard shortcuts, interface preferences, the glossary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { commandFor, isTextEntry, SHORTCUTS } from '../../ui/keys.js';
import * as prefs from '../../ui/prefs.js';
import { TERMS, backTerm } from '../../ui/glossary.js';

const key = (spec) => {
  // "Ctrl+K", "Alt+1", "?", "F1" → a keydown-like object
  const parts = spec.split('+');
  const k = parts.pop();
  const e = { key: k.length === 1 ? k.toLowerCase() : k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };
  if (/^[1-9]$/.test(k)) e.code = `Digit${k}`;
  for (const m of parts) e[`${m.toLowerCase()}Key`] = true;
  return e;
};

test('Alt+1..4 open the four areas, by key or by physical digit', () => {
  assert.deepEqual(commandFor(key('Alt+1')), { view: 'browse' });
  assert.deepEqual(commandFor(key('Alt+2')), { view: 'advisor' });
  assert.deepEqual(commandFor(key('Alt+3')), { view: 'compare' });
  assert.deepEqual(commandFor(key('Alt+4')), { view: 'shortlist' });
  // A layout where Alt+2 types another character still has the Digit2 key.
  assert.deepEqual(commandFor({ key: '²', code: 'Digit2', altKey: true }), { view: 'advisor' });
  assert.equal(commandFor(key('Alt+5')), null);
  assert.equal(commandFor(key('Ctrl+Alt+1')), null, 'AltGr combinations are left alone');
  assert.deepEqual(commandFor(key('Alt+1'), true), { view: 'browse' }, 'works while typing too');
});

test('search and help shortcuts, and single keys never fire while typing', () => {
  assert.deepEqual(commandFor(key('Ctrl+K')), { command: 'search' });
  assert.deepEqual(commandFor(key('Ctrl+K'), true), { command: 'search' });
  assert.deepEqual(commandFor({ key: 'k', metaKey: true }), { command: 'search' });
  assert.deepEqual(commandFor(key('/')), { command: 'search' });
  assert.deepEqual(commandFor({ key: '?', shiftKey: true }), { command: 'help' });
  assert.deepEqual(commandFor(key('F1')), { command: 'help' });
  assert.deepEqual(commandFor(key('F1'), true), { command: 'help' });
  assert.equal(commandFor(key('/'), true), null, 'a slash typed into a field stays text');
  assert.equal(commandFor({ key: '?', shiftKey: true }, true), null);
  assert.equal(commandFor(key('k')), null);
  assert.equal(commandFor(key('Escape')), null, 'Escape is left to the dialogs');
});

test('every shortcut the help overlay lists for an action does that action', () => {
  const expected = {
    'Browse the catalog': { view: 'browse' }, Advisor: { view: 'advisor' }, Compare: { view: 'compare' },
    'Shortlist and try-on journal': { view: 'shortlist' }, 'Search the catalog': { command: 'search' },
    'Show these shortcuts': { command: 'help' },
  };
  for (const s of SHORTCUTS) {
    if (!expected[s.does]) continue;
    for (const k of s.keys) {
      const e = k === '?' ? { key: '?', shiftKey: true } : key(k);
      assert.deepEqual(commandFor(e), expected[s.does], `${k} → ${s.does}`);
    }
  }
  assert.ok(SHORTCUTS.some((s) => s.keys.includes('Esc')), 'Escape is listed');
});

test('text fields are told apart from other controls', () => {
  assert.ok(isTextEntry({ tagName: 'INPUT', type: 'search' }));
  assert.ok(isTextEntry({ tagName: 'INPUT', type: 'number' }));
  assert.ok(isTextEntry({ tagName: 'TEXTAREA' }));
  assert.ok(isTextEntry({ tagName: 'SELECT' }));
  assert.ok(isTextEntry({ tagName: 'DIV', isContentEditable: true }));
  assert.ok(!isTextEntry({ tagName: 'INPUT', type: 'checkbox' }));
  assert.ok(!isTextEntry({ tagName: 'INPUT', type: 'radio' }));
  assert.ok(!isTextEntry({ tagName: 'BUTTON' }));
  assert.ok(!isTextEntry(null));
});

function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), m };
}

test('the theme choice is stored, read back, and put on the root element', () => {
  const storage = memoryStorage();
  assert.equal(prefs.loadTheme(storage), 'system');
  prefs.saveTheme('dark', storage);
  assert.equal(prefs.loadTheme(storage), 'dark');
  prefs.saveTheme('system', storage);
  assert.equal(prefs.loadTheme(storage), 'system');
  assert.equal(storage.m.size, 0, 'system is the absence of a choice');
  storage.setItem('headroom.theme', 'purple');
  assert.equal(prefs.loadTheme(storage), 'system', 'an unknown value reads as system');
  assert.throws(() => prefs.saveTheme('purple', storage), RangeError);

  const root = { dataset: {} };
  prefs.applyTheme('light', root);
  assert.equal(root.dataset.theme, 'light');
  prefs.applyTheme('system', root);
  assert.equal('theme' in root.dataset, false);
});

test('preferences survive a storage that refuses or is missing', () => {
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('full'); }, removeItem() { throw new Error('denied'); } };
  assert.equal(prefs.loadTheme(broken), 'system');
  prefs.saveTheme('dark', broken);
  prefs.markWelcomeSeen(broken);
  assert.equal(prefs.welcomeSeen(broken), false);
  assert.equal(prefs.loadTheme(null), 'system');
});

test('the welcome is remembered once seen', () => {
  const storage = memoryStorage();
  assert.equal(prefs.welcomeSeen(storage), false);
  prefs.markWelcomeSeen(storage);
  assert.equal(prefs.welcomeSeen(storage), true);
  prefs.forgetWelcome(storage);
  assert.equal(prefs.welcomeSeen(storage), false);
});

test('the glossary explains every term the issue names, once each', () => {
  const ids = TERMS.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const id of ['open-back', 'closed-back', 'semi-open-back', 'impedance', 'sensitivity', 'headroom', 'clamp-force', 'planar-magnetic', 'damping']) {
    assert.ok(ids.includes(id), `glossary has ${id}`);
  }
  for (const t of TERMS) {
    assert.ok(t.term && t.text.length > 0 && t.text.every((p) => p.length > 20), `${t.id} is explained`);
  }
  assert.equal(backTerm('open'), 'open-back');
  assert.equal(backTerm('semi-open'), 'semi-open-back');
  assert.equal(backTerm('closed'), 'closed-back');
});

test('the glossary’s sensitivity example follows the conversion in ARCHITECTURE.md', () => {
  // dB/mW = dB/V + 10·log10(Z / 1000): 300 Ω at 103 dB/V is 97.8 dB/mW.
  const perMw = 103 + 10 * Math.log10(300 / 1000);
  assert.equal(perMw.toFixed(1), '97.8');
  assert.match(TERMS.find((t) => t.id === 'sensitivity').text.join(' '), /103 dB\/V is 97\.8 dB\/mW/);
});

test('every glossary link in the UI points at an entry', () => {
  const ids = new Set(TERMS.map((t) => t.id));
  const dir = new URL('../../ui/', import.meta.url);
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => new URL(f, dir));
  const used = [];
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const name = file.pathname.split('/ui/')[1];
    for (const [, id] of src.matchAll(/termLink\('([a-z-]+)'/g)) used.push([name, id]);
    // Terms given as data: facets (`term: ['id', …]`), ratings (a fourth item), compare rows.
    for (const [, id] of src.matchAll(/term: \['([a-z-]+)'/g)) used.push([name, id]);
    for (const [, id] of src.matchAll(/'[^']*', '([a-z]+-[a-z-]+)'\],/g)) used.push([name, id]);
    const rows = /const TERMS = \{([^}]*)\}/.exec(src);
    if (rows) for (const [, id] of rows[1].matchAll(/: '([a-z-]+)'/g)) used.push([name, id]);
  }
  for (const [name, id] of used) assert.ok(ids.has(id), `${name}: no glossary entry ${id}`);
  const files_with_links = new Set(used.map(([name]) => name));
  // Each area links, in its module or in the modules of its folder (views/shortlist/...).
  for (const view of ['views/browse', 'views/advisor', 'views/compare', 'views/shortlist']) {
    assert.ok([...files_with_links].some((name) => name === `${view}.js` || name.startsWith(`${view}/`)), `${view} links to the glossary`);
  }
});
