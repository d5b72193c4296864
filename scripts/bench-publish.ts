/**
 * `npm run bench:publish`: 1,000 Ready bills published to one Xero organisation, then 1,000 spread
 * over 10 organisations, through the real job queue (pg-boss on PGlite), Docket's per-organisation
 * rate limiter and the Xero simulator over HTTP on 127.0.0.1. Then 1,000 to one organisation by two
 * workers on the same database, with the limits shared through it (0109) and, as a control, without.
 * Prints figures; asserts nothing.
 *
 * Time: the simulator's rate limits (60 calls a minute, 5 in flight, 5,000 a day) and token expiry
 * run on one simulated clock that Docket shares. When Docket's limiter must wait (a full minute
 * window, or a 429's Retry-After) it moves that clock forward instead of sleeping, so "simulated
 * minutes" is what the run would take against Xero, and wall time is Docket's own cost. The clock
 * never moves while a request to the simulator is on its way or its answer is being read: a waiter
 * that wants to move it waits until no request is in flight (0109: before that, waiters moved it
 * by up to a minute while other calls were on their way, and the simulator saw them late).
 *
 * BENCH_SCENARIOS=one-org,ten-orgs,two-workers,two-workers-unshared runs only those (all by default).
 */
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { users } from '../src/server/db/schema';
import { connectDatabase } from '../src/server/db/connect';
import { migrateDatabase } from '../src/server/db/migrate';
import { buildApp } from '../src/server/http/app';
import { buildXeroSimulator, XERO_SIM_CLIENT } from '../src/server/integrations/ledgers/xero-sim';
import { createMailer } from '../src/server/integrations/mail/mailer';
import { blobStoreFor } from '../src/server/integrations/storage';
import { startJobQueue } from '../src/server/jobs/queue';
import { JobRegistry } from '../src/server/jobs/registry';
import { ManualClock } from '../src/server/lib/clock';
import { createLogger } from '../src/server/lib/logger';
import { SecretBox } from '../src/server/lib/secret-box';
import { createPublishing } from '../src/server/modules/publishing';
import { finishConnect, startConnect } from '../src/server/modules/publishing/connections';
import { requestPublish } from '../src/server/modules/publishing/jobs';
import { publicationsOf } from '../src/server/modules/publishing/publishing.repo';
import { readyItem, signUpClient } from '../src/server/modules/publishing/test-kit';
import { testDataDir } from '../test/support/paths';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'one-org,ten-orgs,two-workers,two-workers-unshared').split(
  ',',
);

const clock = new ManualClock('2026-03-02T09:00:00Z');
const xero = buildXeroSimulator({ clock: () => clock.now() });
const xeroUrl = await xero.app.listen({ port: 0, host: '127.0.0.1' });

let httpCalls = 0;
let http429 = 0;
/** Requests to the simulator on their way or being answered: the simulated clock stands still meanwhile. */
let inFlight = 0;
const whenIdle: (() => void)[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith(xeroUrl)) return realFetch(input, init);
  const counted = !url.includes('/_sim/');
  if (counted) httpCalls += 1;
  inFlight += 1;
  try {
    const response = await realFetch(input, init);
    if (counted && response.status === 429) http429 += 1;
    // Read the answer here, so the request is over (for the clock) once it is in hand.
    const body = await response.arrayBuffer();
    return new Response(body.byteLength === 0 ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } finally {
    inFlight -= 1;
    if (inFlight === 0) for (const wake of whenIdle.splice(0)) wake();
  }
};

const database = await connectDatabase({ pgliteDir: 'memory://' });
await migrateDatabase(database);
const config = loadConfig({
  DOCKET_DATA_DIR: testDataDir,
  DOCKET_SECRET: 'bench-secret-bench-secret-bench-secret',
  DOCKET_BASE_URL: 'http://docket.bench',
  LOG_LEVEL: 'silent',
});
const secrets = new SecretBox(config.secret);
const benchTimer = {
  now: () => clock.now().getTime(),
  sleep: async (ms: number) => {
    // Several waiters may want the same moment: move the clock to the latest asked-for time, never by the sum.
    const target = clock.now().getTime() + ms;
    await new Promise((resolve) => setImmediate(resolve));
    // Not while a request is in flight: with real time it would arrive in milliseconds.
    while (inFlight > 0) await new Promise<void>((resolve) => whenIdle.push(resolve));
    if (clock.now().getTime() < target) clock.set(new Date(target));
  },
};
const logger = createLogger('silent');

/** One worker: the publishing module and a pg-boss worker on the shared database (a `docket worker` process). */
async function startWorker(sharedLimits: boolean) {
  const worker = createPublishing({
    db: database.db,
    clock,
    secrets,
    storage: blobStoreFor(config.dataDir),
    ledgers: {
      xero: { ...XERO_SIM_CLIENT, baseUrl: xeroUrl, simulated: true },
      quickbooks: null,
      simulators: 'off',
      timeoutMs: 10_000,
    },
    publicBaseUrl: config.baseUrl,
    timer: benchTimer,
    sharedLimits,
  });
  const workerQueue = await startJobQueue(database, new JobRegistry().register(...worker.jobs), {
    logger,
    pollingIntervalSeconds: 0.5,
  });
  worker.attach(workerQueue);
  await workerQueue.work();
  return { publishing: worker, queue: workerQueue };
}

const first = await startWorker(false);
const publishing = first.publishing;
const queue = first.queue;
const app = await buildApp(
  {
    config,
    database,
    queue,
    clock,
    mailer: createMailer({ smtpUrl: undefined, from: 'b@docket.bench' }),
    secrets,
  },
  { logger: false, serveWeb: false, publishing },
);
await app.ready();

async function connect(
  connectCtx: typeof publishing.ctx,
  accountId: string,
  userId: string,
  tenantId: string,
): Promise<void> {
  const url = new URL(await startConnect(connectCtx, { accountId, userId }, 'xero', 'bench-session'));
  const redirectUri = url.searchParams.get('redirect_uri') ?? '';
  const answer = await realFetch(`${xeroUrl}/_sim/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ redirectUri, tenantId }),
  });
  const { code } = (await answer.json()) as { code: string };
  await finishConnect(connectCtx, {
    software: 'xero',
    code,
    state: url.searchParams.get('state') ?? '',
    sessionId: 'bench-session',
  });
}

async function scenario(
  name: string,
  organisations: number,
  workers: readonly (typeof publishing)[] = [publishing],
): Promise<void> {
  const ctx = (workers[0] ?? publishing).ctx;
  const limited = () => workers.reduce((n, w) => n + w.ctx.limiter.stats.rateLimited, 0);
  const accounts: { accountId: string; tenantId: string }[] = [];
  for (let o = 0; o < organisations; o += 1) {
    const created = await realFetch(`${xeroUrl}/_sim/organisations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `${name} org ${o + 1}` }),
    });
    const { tenantId } = (await created.json()) as { tenantId: string };
    const { accountId } = await signUpClient(app);
    const [user] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.accountId, accountId));
    const userId = user?.id ?? '';
    await connect(ctx, accountId, userId, tenantId);
    accounts.push({ accountId, tenantId });
  }
  const itemIds: { accountId: string; itemId: string }[] = [];
  for (let i = 0; i < ITEMS; i += 1) {
    const target = accounts[i % accounts.length];
    if (target === undefined) continue;
    const itemId = await readyItem(database.db, target.accountId, {
      contactName: 'ABC Furniture',
      date: '2026-02-20',
      reference: `${name}-${i + 1}`,
      netMinor: 1_000n + BigInt(i),
      taxMinor: 200n,
      categoryCode: '429',
      taxCode: 'INPUT2',
    });
    itemIds.push({ accountId: target.accountId, itemId });
  }
  const callsBefore = httpCalls;
  const http429Before = http429;
  const limitedBefore = limited();
  const simStart = clock.now().getTime();
  const started = performance.now();
  for (const { accountId, itemId } of itemIds) await requestPublish(ctx, { accountId }, itemId);
  let published = 0;
  let failed = 0;
  for (;;) {
    published = 0;
    failed = 0;
    for (const { accountId } of accounts) {
      for (const p of await publicationsOf(database.db, { accountId })) {
        if (p.state === 'published') published += 1;
        else if (p.state === 'failed' || p.state === 'held') failed += 1;
      }
    }
    if (published + failed >= itemIds.length) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const wallMs = performance.now() - started;
  let duplicates = 0;
  let attachments = 0;
  for (const { tenantId } of accounts) {
    const dump = (await (await realFetch(`${xeroUrl}/_sim/organisations/${tenantId}`)).json()) as {
      invoices: { InvoiceNumber?: string }[];
      attachments: Record<string, unknown[]>;
    };
    const seen = new Map<string, number>();
    for (const inv of dump.invoices)
      seen.set(inv.InvoiceNumber ?? '', (seen.get(inv.InvoiceNumber ?? '') ?? 0) + 1);
    for (const n of seen.values()) if (n > 1) duplicates += n - 1;
    attachments += Object.values(dump.attachments).reduce((s, list) => s + list.length, 0);
  }
  const calls = httpCalls - callsBefore;
  console.log(
    [
      `${name}: ${itemIds.length} items over ${organisations} Xero organisation(s), ${workers.length} worker(s)${workers.length > 1 ? (workers[0]?.ctx.limiter.shared === true ? ' sharing limits through the database' : ' with per-process limits') : ''}`,
      `  published ${published}, failed or held ${failed}, attachments ${attachments}`,
      `  wall time ${(wallMs / 1000).toFixed(1)} s; simulated time ${((clock.now().getTime() - simStart) / 60_000).toFixed(1)} min`,
      `  calls made ${calls} (${(calls / Math.max(1, itemIds.length)).toFixed(2)} per item, token refreshes and list refreshes included)`,
      `  429s received ${http429 - http429Before} (${limited() - limitedBefore} waited out and the same call sent again)`,
      `  duplicates created ${duplicates}`,
    ].join('\n'),
  );
}

if (SCENARIOS.includes('one-org')) await scenario('one-org', 1);
if (SCENARIOS.includes('ten-orgs')) await scenario('ten-orgs', 10);
await queue.stop();
// Two `docket worker` processes on one database (0109), then the same without shared limits.
for (const shared of [true, false]) {
  if (!SCENARIOS.includes(shared ? 'two-workers' : 'two-workers-unshared')) continue;
  const pair = [await startWorker(shared), await startWorker(shared)];
  await scenario(
    shared ? 'two-workers' : 'two-workers-unshared',
    1,
    pair.map((w) => w.publishing),
  );
  for (const w of pair) await w.queue.stop();
}
await app.close();
await database.close();
await xero.app.close();
