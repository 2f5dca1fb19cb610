import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ui = new URL('../../ui/', import.meta.url).pathname;

function modules(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.js') ? [relative(ui, join(dir, e.name))] : []);
}

const source = (module) => readFileSync(join(ui, module), 'utf8');
const resolve = (from, spec) => normalize(join(dirname(from), spec));

/** Modules `module` imports statically (`import … from '…'`), resolved against the ui root. */
const staticImports = (module) =>
  [...source(module).matchAll(/^import\s[^;]*?from\s+'([^']+)';/gms)].map((m) => resolve(module, m[1]));

/** Modules `module` loads later with `import('…')` (not the type imports in JSDoc comments). */
const dynamicImports = (module) =>
  [...source(module).replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\bimport\('([^']+)'\)/g)]
    .map((m) => resolve(module, m[1]));

/** Everything `root` pulls in before it runs: its static imports, and theirs. */
function staticGraph(root) {
  const seen = new Set();
  const visit = (m) => {
    for (const dep of staticImports(m)) if (!seen.has(dep)) { seen.add(dep); visit(dep); }
  };
  visit(root);
  return seen;
}

const preloaded = () =>
  [...source('index.html').matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]).sort();

test('index.html preloads exactly the modules main.js needs before the first view', () => {
  assert.deepEqual(preloaded(), [...staticGraph('main.js')].sort());
});

test('the other views and the overlays stay out of the start-up graph', () => {
  const start = staticGraph('main.js');
  for (const lazy of ['views/advisor.js', 'views/compare.js', 'views/shortlist.js', 'overlays.js', 'save.js']) {
    assert.ok(!start.has(lazy), `${lazy} is loaded before the first view`);
  }
});

test('every module is reachable from main.js, now or later', () => {
  const reach = new Set(['main.js']);
  const queue = ['main.js'];
  while (queue.length) {
    const m = queue.pop();
    for (const dep of [...staticImports(m), ...dynamicImports(m)]) {
      if (!reach.has(dep)) { reach.add(dep); queue.push(dep); }
    }
  }
  assert.deepEqual([...reach].sort(), modules(ui).sort());
});
