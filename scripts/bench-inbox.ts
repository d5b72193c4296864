/**
 * npm run bench:inbox — seeds 100,000 items in one account (SQL generate_series), then prints the
 * p50/p95 of an Inbox page, a filtered search and a free-text search through the real repo
 * function, on PGlite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL.
 * Prints figures; asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ItemQuery } from '../src/shared/contracts/review';
import { connectDatabase, type Database } from '../src/server/db/connect';
import { migrateDatabase } from '../src/server/db/migrate';
import { accounts, logins, users } from '../src/server/db/schema';
import { resolveScope } from '../src/server/modules/access';
import { listItems } from '../src/server/modules/review/items.repo';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

async function seed(database: Database): Promise<{ loginId: string; accountId: string }> {
  const db = database.db;
  const [login] = await db
    .insert(logins)
    .values({ email: `bench-${Date.now()}@example.com`, name: 'Bench' })
    .returning();
  const [account] = await db.insert(accounts).values({ kind: 'business', name: 'Bench Ltd' }).returning();
  if (!login || !account) throw new Error('seed failed');
  await db
    .insert(users)
    .values({ accountId: account.id, loginId: login.id, name: 'Bench', email: login.email, role: 'admin' });
  const started = performance.now();
  await db.execute(sql`
    insert into items (account_id, workspace, status, step, document_type, contact_name, date, currency,
                       total_minor, net_minor, tax_minor, search_text, review_reasons, created_at, updated_at)
    select ${account.id}::uuid,
           case when g % 10 = 0 then 'sales' else 'costs' end,
           (array['to_review','ready','ready','archived','archived','archived'])[1 + g % 6],
           'done', 'receipt',
           'Supplier ' || (g % 500),
           to_char(date '2024-01-01' + (g % 730), 'YYYY-MM-DD'),
           'GBP',
           (g * 7919) % 100000, ((g * 7919) % 100000) * 5 / 6, ((g * 7919) % 100000) / 6,
           'Supplier ' || (g % 500) || ' receipt ' || g || ' '
             || (array['coffee','sandwich','fuel','parking','stationery','hotel','train','taxi','printer','lunch'])[1 + g % 10]
             || ' ' || (array['london','leeds','york','bristol','cardiff'])[1 + g % 5] || ' word' || (g % 2000),
           '[]'::jsonb,
           now() - (g || ' minutes')::interval,
           now()
    from generate_series(1, ${ITEMS}) as g`);
  await db.execute(sql`analyze items`);
  process.stdout.write(
    `  seeded ${ITEMS.toLocaleString('en-GB')} items in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return { loginId: login.id, accountId: account.id };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function bench(label: string, database: Database): Promise<void> {
  process.stdout.write(`\n${label}\n`);
  await migrateDatabase(database);
  const { loginId, accountId } = await seed(database);
  const scope = await resolveScope(database.db, loginId, accountId);
  const cases: [string, Record<string, string>][] = [
    ['Inbox page (50, newest first)', {}],
    ['Inbox To review tab, page 3', { tab: 'to_review', offset: '100' }],
    [
      'Filtered: supplier + dates + amounts',
      {
        supplier: 'Supplier 42',
        dateFrom: '2024-03-01',
        dateTo: '2025-06-30',
        amountMin: '10',
        amountMax: '900',
        view: 'all',
      },
    ],
    ['Free text ("hotel london")', { q: 'hotel london', view: 'all' }],
    ['Free text, rare word ("word1234")', { q: 'word1234', view: 'all' }],
    ['Archive sorted by total', { view: 'archive', sort: 'total', order: 'desc' }],
  ];
  for (const [name, params] of cases) {
    const q = ItemQuery.parse(params);
    let total = 0;
    for (let i = 0; i < 5; i++) total = (await listItems(database.db, scope, q, 'GBP')).total;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await listItems(database.db, scope, q, 'GBP');
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `  ${name.padEnd(40)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms   p95 ${pct(times, 95).toFixed(1).padStart(7)} ms   (${total.toLocaleString('en-GB')} matches)\n`,
    );
  }
}

async function main(): Promise<void> {
  process.stdout.write(
    `bench:inbox — ${ITEMS.toLocaleString('en-GB')} items in one account, ${RUNS} runs per query\n`,
  );
  const lite = await connectDatabase({ pgliteDir: 'memory://' });
  try {
    await bench('PGlite (embedded PostgreSQL 18)', lite);
  } finally {
    await lite.close();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!pgUrl) {
    process.stdout.write('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
    return;
  }
  const name = `docket_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  const server = await connectDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  try {
    await bench(`PostgreSQL ${await server.version()}`, server);
  } finally {
    await server.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
