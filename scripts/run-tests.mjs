#!/usr/bin/env node
// Runs the unit and integration suite with vitest and prints one closing line "N passed, N failed".
// `--pg` (or TEST_DATABASE_URL set) runs the same suite against PostgreSQL as well as PGlite.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';

const args = process.argv.slice(2);
const pgOnly = args.includes('--pg');
const extra = args.filter((a) => a !== '--pg');
const report = '.vitest-report.json';

function run(label, env) {
  rmSync(report, { force: true });
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    skipped = r.numPendingTests + r.numTodoTests;
    if (!r.success && failed === 0) failed = 1;
  } else if (res.status !== 0) {
    failed = 1;
  }
  return { passed, failed, skipped, status: res.status ?? 1 };
}

const runs = [];
if (!pgOnly) runs.push(run('PGlite (embedded PostgreSQL)', { TEST_DATABASE_URL: '' }));
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgOnly && !pgUrl) {
  console.error('test:pg needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}
if (pgUrl) runs.push(run(`PostgreSQL (${pgUrl.replace(/:[^:@/]*@/, ':***@')})`, { TEST_DATABASE_URL: pgUrl }));

const total = runs.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
const anyBad = runs.some((r) => r.status !== 0) || total.failed > 0;
if (total.passed === 0 && !anyBad) {
  console.error('No test ran: treating as a failure.');
  process.exit(1);
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(anyBad ? 1 : 0);
