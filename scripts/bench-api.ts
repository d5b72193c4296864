/**
 * npm run bench:api — requests per second and latency of an authenticated JSON route (the
 * account's users list, which resolves the session and the scope) with autocannon, against the
 * all-in-one process on PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) is set. Prints figures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from './lib/ports';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/docket.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), SMTP_PORT: String(await freePort()), LOG_LEVEL: 'warn', DOCKET_DEMO: 'on', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('docket exited');
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base };
}

async function measure(label: string, env: Record<string, string>): Promise<void> {
  const { child, base } = await start(env);
  try {
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-docket-client': 'bench' },
      body: JSON.stringify({ email: 'demo@docket.example', password: 'docket-demo-password' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = (await signIn.json()) as { currentAccountId: string };
    const url = `${base}/api/accounts/${me.currentAccountId}/users`;
    const check = await fetch(url, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`route answered ${check.status}`);
    const times: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url, connections, duration, headers: { cookie } }, (err, r) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(r);
      });
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        times.push(responseTime);
      });
    });
    times.sort((a, b) => a - b);
    const pct = (p: number) => (times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(1);
    console.log(
      `${label.padEnd(12)} GET /api/accounts/:id/users  ${result.requests.average.toFixed(0)} req/s  ` +
        `p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms  errors ${result.errors}  non-2xx ${result.non2xx}  ` +
        `(${times.length} requests, ${connections} connections, ${duration} s)`,
    );
  } finally {
    const done = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await done;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'docket-bench-api-'));
await measure('PGlite', { DOCKET_DATA_DIR: dir });
rmSync(dir, { recursive: true, force: true });

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const name = `docket_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  const dir2 = mkdtempSync(join(tmpdir(), 'docket-bench-api-'));
  try {
    await measure('PostgreSQL', { DOCKET_DATA_DIR: dir2, DATABASE_URL: u.toString() });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir2, { recursive: true, force: true });
  }
} else {
  console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://... to measure it too)');
}
