#!/usr/bin/env node
// Builds the web app, then runs the browser journeys (test/e2e/*.e2e.ts) with node's test runner,
// each file against its own Docket server. Prints one closing line "N passed, N failed, N skipped".
// Pass journey files to run only those: npm run test:e2e -- test/e2e/identity.e2e.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const e2eDir = join('test', 'e2e');
const reportDir = join('test-results', 'e2e');
// One report per run: two runs in one working tree must not read each other's counts.
const tapReport = join(reportDir, `report-${process.pid}.tap`);

const requested = process.argv.slice(2);
const files =
  requested.length > 0
    ? requested
    : readdirSync(e2eDir)
        .filter((f) => f.endsWith('.e2e.ts'))
        .sort()
        .map((f) => join(e2eDir, f));
if (files.length === 0) {
  console.error(`No journey found: expected ${e2eDir}/*.e2e.ts files.`);
  process.exit(1);
}
const missing = files.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`No such journey file: ${missing.join(', ')}`);
  process.exit(1);
}

console.log('=== Building the web app ===');
const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The web app did not build: no journey ran.');
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

console.log(`\n=== Journeys (${files.length} files) ===`);
mkdirSync(reportDir, { recursive: true });
rmSync(tapReport, { force: true });
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapReport}`,
    ...files,
  ],
  { stdio: 'inherit' },
);

function count(tap, name) {
  const found = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1);
  return found ? Number(found[1]) : 0;
}
const tap = existsSync(tapReport) ? readFileSync(tapReport, 'utf8') : '';
rmSync(tapReport, { force: true });
const passed = count(tap, 'pass');
let failed = count(tap, 'fail') + count(tap, 'cancelled');
const skipped = count(tap, 'skipped') + count(tap, 'todo');
if (run.status !== 0 && failed === 0) failed = 1;
if (passed === 0 && failed === 0) {
  console.error('No journey ran: treating as a failure.');
  failed = 1;
}
if (failed > 0) console.log(`Screenshots of failed journeys, if any, are in ${reportDir}/`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
