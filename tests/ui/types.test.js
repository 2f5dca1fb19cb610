// The UI's type check: `tsc` reads every module in ui/ (JSDoc, `checkJs`) against the types
// generated from Rust in gen/wire.d.ts (tests/app/types.rs keeps that file current). The first
// test is the check itself; the others show it catches drift: a field renamed in the generated
// types, as a rename in Rust would rename it, must fail the check in the view that reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** Runs tsc over a tree laid out like the project's; returns its report. */
function check(tree) {
  // Run from the tree, so tsc names files as ui/views/...
  const run = spawnSync(process.execPath, [tsc, '-p', join('tests', 'ui')], { cwd: tree, encoding: 'utf8' });
  return { ok: run.status === 0, report: `${run.stdout}${run.stderr}` };
}

test('the UI type-checks against the types generated from Rust', () => {
  const { ok, report } = check(root);
  assert.ok(ok, `tsc -p tests/ui found errors:\n${report}`);
});

/** A copy of ui/, gen/ and the tsc settings with `field` renamed throughout the wire types. */
function withRenamed(field) {
  const tree = mkdtempSync(join(tmpdir(), 'headroom-types-'));
  cpSync(join(root, 'ui'), join(tree, 'ui'), { recursive: true });
  mkdirSync(join(tree, 'gen'));
  mkdirSync(join(tree, 'tests', 'ui'), { recursive: true });
  cpSync(join(root, 'tests', 'ui', 'tsconfig.json'), join(tree, 'tests', 'ui', 'tsconfig.json'));
  const wire = readFileSync(join(root, 'gen', 'wire.d.ts'), 'utf8');
  const renamed = wire.replace(new RegExp(`\\b${field}\\b`, 'g'), `${field}_renamed`);
  assert.notEqual(renamed, wire, `${field} is not in gen/wire.d.ts`);
  writeFileSync(join(tree, 'gen', 'wire.d.ts'), renamed);
  return tree;
}

// One field each area reads: the table, the detail, the advisor, the shortlist, Compare, the
// measured sound, and app_info.
const cases = [
  ['facets', 'ui/views/browse.js'],
  ['impedance_ohm', 'ui/views/detail.js'],
  ['figure_notes', 'ui/views/detail.js'],
  ['over_budget', 'ui/views/advisor.js'],
  ['shortlist', 'ui/views/shortlist.js'],
  ['differs', 'ui/views/compare.js'],
  ['unmeasured', 'ui/sound.js'],
  ['catalog_models', 'ui/'],
];

for (const [field, where] of cases) {
  test(`renaming ${field} in the wire types fails the check in ${where}`, () => {
    const tree = withRenamed(field);
    try {
      const { ok, report } = check(tree);
      assert.ok(!ok, `tsc accepted the UI with ${field} renamed`);
      const errors = report.split('\n').filter((l) => l.includes('error TS'));
      assert.ok(
        errors.some((l) => l.startsWith(where) && l.includes(`'${field}'`)),
        `no error in ${where} names '${field}':\n${report}`,
      );
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
}
