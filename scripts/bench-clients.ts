/**
 * npm run bench:clients — the Clients page for a practice with 5,000 clients (and 20 items each):
 * p50/p95 of a page of 50 sorted by name, a search, a filter, sorting by items to review, and
 * the CSV export, through the real HTTP app (in-process inject), on PGlite and, with
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL), on PostgreSQL. Prints figures; asserts nothing.
 */
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { connectDatabase, type Database } from '../src/server/db/connect';
import { migrateDatabase } from '../src/server/db/migrate';
import { buildApp } from '../src/server/http/app';
import { createMailer } from '../src/server/integrations/mail/mailer';
import { systemClock } from '../src/server/lib/clock';
import { SecretBox } from '../src/server/lib/secret-box';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLIENTS = Number(process.env.CLIENTS ?? 5000);
const ITEMS_PER_CLIENT = Number(process.env.ITEMS_PER_CLIENT ?? 20);
const RUNS = Number(process.env.RUNS ?? 40);

async function seed(
  database: Database,
): Promise<{ practiceId: string; cookie: string; app: Awaited<ReturnType<typeof buildApp>> }> {
  const config = loadConfig({
    DOCKET_DATA_DIR: mkdtempSync(join(tmpdir(), 'docket-bench-clients-')),
    LOG_LEVEL: 'silent',
    DOCKET_DEMO: 'off',
  });
  const app = await buildApp(
    {
      config,
      database,
      queue: null,
      clock: systemClock,
      mailer: createMailer({ smtpUrl: undefined, from: 'x@y' }),
      secrets: new SecretBox(config.secret),
    },
    { logger: { level: 'error' }, serveWeb: false },
  );
  await app.ready();
  const headers = { 'x-docket-client': 'bench' };
  const signUp = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    headers,
    payload: {
      kind: 'practice',
      accountName: 'Bench Practice',
      name: 'B',
      email: 'bench@practice.example',
      password: 'bench practice password',
    },
  });
  const practiceId = signUp.json<{ currentAccountId: string }>().currentAccountId;
  const cookie = `docket_session=${signUp.cookies.find((c) => c.name === 'docket_session')?.value ?? ''}`;
  const t0 = performance.now();
  await database.executeSql(
    `create table bench_clients as select g as n, gen_random_uuid() as id from generate_series(1, ${CLIENTS}) g`,
  );
  await database.executeSql(
    `insert into accounts (id, kind, name, country, currency)
     select id, 'business', 'Client ' || lpad(n::text, 5, '0') || ' ' || (array['Bakery','Plumbing','Studio','Garage','Cafe'])[1 + n % 5], 'GB', 'GBP'
     from bench_clients`,
  );
  await database.executeSql(
    `insert into client_links (business_account_id, practice_account_id, status, payer, practice_code, connected_at)
     select id, $1, 'active', case when n % 3 = 0 then 'practice' else 'client' end, 'C' || lpad(n::text, 5, '0'), now() - (n || ' minutes')::interval
     from bench_clients`,
    [practiceId],
  );
  await database.executeSql(
    `insert into items (account_id, workspace, status, step, created_at)
     select c.id, case when g % 4 = 0 then 'sales' else 'costs' end,
            (array['to_review','ready','archived','ready'])[1 + g % 4], 'done', now() - (g || ' seconds')::interval
     from generate_series(1, ${CLIENTS * ITEMS_PER_CLIENT}) g join bench_clients c on c.n = 1 + (g % ${CLIENTS})`,
  );
  await database.executeSql('drop table bench_clients');
  await database.executeSql('analyze');
  console.log(
    `  seeded ${CLIENTS} clients and ${CLIENTS * ITEMS_PER_CLIENT} items in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { practiceId, cookie, app };
}

async function measure(label: string, database: Database): Promise<void> {
  console.log(`${label}:`);
  const { practiceId, cookie, app } = await seed(database);
  const base = `/api/accounts/${practiceId}/clients`;
  const cases: [string, string][] = [
    ['page 1 by name', `${base}?pageSize=50`],
    ['page 60 by name', `${base}?pageSize=50&page=60`],
    ['search "plumb"', `${base}?pageSize=50&search=plumb`],
    ['filter payer=practice', `${base}?pageSize=50&payer=practice&sort=practiceCode`],
    ['sort by to review', `${base}?pageSize=50&sort=toReview&direction=desc`],
    ['CSV export (all)', `/api/accounts/${practiceId}/clients.csv`],
  ];
  for (const [name, url] of cases) {
    const times: number[] = [];
    const runs = name.startsWith('CSV') ? Math.max(3, Math.floor(RUNS / 10)) : RUNS;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(
      `  ${name.padEnd(24)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms   (${runs} runs)`,
    );
  }
  await app.close();
}

const lite = await connectDatabase({ pgliteDir: 'memory://' });
await migrateDatabase(lite);
await measure('PGlite (embedded)', lite);
await lite.close();

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const name = `docket_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  const database = await connectDatabase({ databaseUrl: u.toString() });
  try {
    await migrateDatabase(database);
    await measure('PostgreSQL', database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://... to measure it too)');
}
