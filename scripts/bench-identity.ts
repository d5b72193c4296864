/**
 * npm run bench:identity — argon2id hash and verify time, and sign-in latency (p50/p95) without and
 * with two-factor authentication, through the real HTTP app on PGlite. Prints figures; asserts nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { loadConfig } from '../src/server/config';
import { connectDatabase } from '../src/server/db/connect';
import { migrateDatabase } from '../src/server/db/migrate';
import { buildApp } from '../src/server/http/app';
import { createMailer } from '../src/server/integrations/mail/mailer';
import { ManualClock } from '../src/server/lib/clock';
import { SecretBox } from '../src/server/lib/secret-box';
import { hashPassword, verifyPassword } from '../src/server/modules/identity';

const RUNS = Number(process.env.RUNS ?? 40);
const pct = (xs: number[], q: number) =>
  ([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0).toFixed(1);
const line = (name: string, xs: number[]) =>
  console.log(
    `  ${name.padEnd(34)} p50 ${pct(xs, 0.5).padStart(6)} ms   p95 ${pct(xs, 0.95).padStart(6)} ms   (${xs.length} runs)`,
  );

const hashes: number[] = [];
const verifies: number[] = [];
let phc = '';
for (let i = 0; i < 20; i++) {
  let t = performance.now();
  phc = await hashPassword(`a long enough password ${i}`);
  hashes.push(performance.now() - t);
  t = performance.now();
  await verifyPassword(phc, `a long enough password ${i}`);
  verifies.push(performance.now() - t);
}
console.log('argon2id (m=19 MiB, t=2, p=1):');
line('hash', hashes);
line('verify', verifies);

const database = await connectDatabase({ pgliteDir: 'memory://' });
await migrateDatabase(database);
const config = loadConfig({
  DOCKET_DATA_DIR: mkdtempSync(join(tmpdir(), 'docket-bench-id-')),
  LOG_LEVEL: 'silent',
  DOCKET_DEMO: 'off',
});
const clock = new ManualClock(new Date());
const app = await buildApp(
  {
    config,
    database,
    queue: null,
    clock,
    mailer: createMailer({ smtpUrl: undefined, from: 'x@y' }),
    secrets: new SecretBox(config.secret),
  },
  { logger: false, serveWeb: false },
);
await app.ready();
const headers = { 'x-docket-client': 'bench' };
const password = 'bench login password';
const make = async (email: string) => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    headers,
    payload: { kind: 'business', accountName: 'B', name: 'B', email, password },
  });
  return `docket_session=${r.cookies.find((c) => c.name === 'docket_session')?.value ?? ''}`;
};
await make('plain@bench.example');
const cookie = await make('twofa@bench.example');
const setup = (
  await app.inject({ method: 'POST', url: '/api/me/2fa/setup', headers: { ...headers, cookie } })
).json<{ key: string }>();
const totp = new TOTP({ secret: Secret.fromBase32(setup.key.replace(/\s/g, '')), digits: 6, period: 30 });
await app.inject({
  method: 'POST',
  url: '/api/me/2fa/confirm',
  headers: { ...headers, cookie },
  payload: { code: totp.generate({ timestamp: clock.now().getTime() }) },
});

const plain: number[] = [];
const withCode: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers,
    payload: { email: 'plain@bench.example', password },
  });
  plain.push(performance.now() - t);
  if (r.statusCode !== 200) throw new Error(`sign-in ${r.statusCode}`);
  // Each code works once: move to the next 30-second step for every sign-in.
  clock.advance(30_000);
  t = performance.now();
  const first = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers,
    payload: { email: 'twofa@bench.example', password },
  });
  const pending = `docket_session=${first.cookies.find((c) => c.name === 'docket_session')?.value ?? ''}`;
  const second = await app.inject({
    method: 'POST',
    url: '/api/auth/2fa',
    headers: { ...headers, cookie: pending },
    payload: { code: totp.generate({ timestamp: clock.now().getTime() }) },
  });
  withCode.push(performance.now() - t);
  if (second.statusCode !== 200) throw new Error(`2fa ${second.statusCode} ${second.body}`);
}
console.log('Sign-in through the HTTP app (PGlite, in-process):');
line('password only', plain);
line('password + authenticator code', withCode);
await app.close();
await database.close();
