import { and, eq } from 'drizzle-orm';
import { Client, signUpClient } from '../../../../test/support/app';
import { createTestDatabase } from '../../../../test/support/db';
import { testDataDir } from '../../../../test/support/paths';
import { loadConfig } from '../../config';
import type { Database } from '../../db/connect';
import { categories, contacts, itemDocuments, items, paymentMethods, taxRates } from '../../db/schema';
import { buildApp } from '../../http/app';
import type { ZodApp } from '../../http/deps';
import { createMailer } from '../../integrations/mail/mailer';
import {
  buildQuickBooksSimulator,
  QUICKBOOKS_SIM_CLIENT,
  type QuickBooksSimulator,
} from '../../integrations/ledgers/quickbooks-sim';
import { blobStoreFor } from '../../integrations/storage';
import { buildXeroSimulator, XERO_SIM_CLIENT, type XeroSimulator } from '../../integrations/ledgers/xero-sim';
import { ManualClock } from '../../lib/clock';
import { SecretBox } from '../../lib/secret-box';
import type { PublicationView } from '../../../shared/contracts/publishing';
import { createPublishing, type Publishing } from './index';

/**
 * Docket (in-process, a fresh database) and both ledger simulators on 127.0.0.1 random ports,
 * on one manual clock. The rate limiter sleeps by moving that clock, so Retry-After costs no time.
 */
export interface PublishingHarness {
  readonly app: ZodApp;
  readonly database: Database;
  readonly clock: ManualClock;
  readonly publishing: Publishing;
  readonly xero: XeroSimulator;
  readonly quickbooks: QuickBooksSimulator;
  readonly xeroUrl: string;
  readonly quickbooksUrl: string;
  close(): Promise<void>;
}

export async function buildPublishingHarness(): Promise<PublishingHarness> {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const simClock = () => clock.now();
  const xero = buildXeroSimulator({ clock: simClock });
  const quickbooks = buildQuickBooksSimulator({ clock: simClock });
  const xeroUrl = await xero.app.listen({ port: 0, host: '127.0.0.1' });
  const quickbooksUrl = await quickbooks.app.listen({ port: 0, host: '127.0.0.1' });
  const database = await createTestDatabase();
  const config = loadConfig({
    DOCKET_DATA_DIR: testDataDir,
    DOCKET_SECRET: 'test-secret-test-secret-test-secret-00',
    DOCKET_BASE_URL: 'http://docket.test',
    LOG_LEVEL: 'silent',
  });
  const secrets = new SecretBox(config.secret);
  const publishing = createPublishing({
    db: database.db,
    clock,
    secrets,
    storage: blobStoreFor(config.dataDir),
    ledgers: {
      xero: { ...XERO_SIM_CLIENT, baseUrl: xeroUrl, simulated: true },
      quickbooks: { ...QUICKBOOKS_SIM_CLIENT, baseUrl: quickbooksUrl, simulated: true },
      timeoutMs: 5000,
      simulators: 'off',
    },
    publicBaseUrl: config.baseUrl,
    timer: {
      now: () => clock.now().getTime(),
      sleep: async (ms) => {
        clock.advance(ms);
        await Promise.resolve();
      },
    },
  });
  const mailer = createMailer({ smtpUrl: undefined, from: 'Docket <no-reply@docket.test>' });
  const app = await buildApp(
    { config, database, queue: null, clock, mailer, secrets },
    { logger: false, serveWeb: false, publishing },
  );
  await app.ready();
  return {
    app,
    database,
    clock,
    publishing,
    xero,
    quickbooks,
    xeroUrl,
    quickbooksUrl,
    close: async () => {
      await app.close();
      await database.close();
      await xero.app.close();
      await quickbooks.app.close();
    },
  };
}

/** The user's side of the OAuth dance: Docket's Connect redirect, the consent page's form, the callback. */
export async function connectThroughBrowser(
  h: PublishingHarness,
  client: Client,
  accountId: string,
  software: 'xero' | 'quickbooks',
): Promise<string> {
  const start = await client.get(`/api/accounts/${accountId}/connections/${software}/connect`);
  if (start.statusCode !== 302) throw new Error(`connect: ${start.statusCode} ${start.body}`);
  const authorize = String(start.headers.location);
  const page = await (await fetch(authorize)).text();
  const fields = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1] ?? '',
      (m[2] ?? '').replaceAll('&amp;', '&'),
    ]),
  );
  const organisation = /<option value="([^"]+)" selected>/.exec(page)?.[1] ?? '';
  const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1] ?? '';
  const allowed = await fetch(new URL(action, authorize), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, organisation, decision: 'allow' }).toString(),
  });
  const back = new URL(allowed.headers.get('location') ?? '');
  const done = await client.get(`${back.pathname}${back.search}`);
  return String(done.headers.location);
}

export interface ItemSeed {
  workspace?: 'costs' | 'sales';
  contactName: string;
  date: string;
  reference: string | null;
  netMinor: bigint;
  taxMinor: bigint;
  categoryCode: string | null;
  taxCode: string | null;
  currency?: string;
  document?: Uint8Array;
  paymentMethodId?: string | null;
  paid?: boolean | null;
  /** Line items as review stores them (JSON), e.g. with a `productId`. */
  lineItems?: Record<string, unknown>[];
}

/** A payment method in the business's lists (Lists > Payment methods). */
export async function paymentMethod(db: Database['db'], accountId: string, name: string): Promise<string> {
  const [row] = await db
    .insert(paymentMethods)
    .values({ accountId, name })
    .returning({ id: paymentMethods.id });
  if (!row) throw new Error('payment method insert failed');
  return row.id;
}

/** A Ready item with the Docket list entries the import created, and its original document in the blob store. */
export async function readyItem(db: Database['db'], accountId: string, seed: ItemSeed): Promise<string> {
  const workspace = seed.workspace ?? 'costs';
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.name, seed.contactName)));
  const [category] =
    seed.categoryCode === null
      ? []
      : await db
          .select()
          .from(categories)
          .where(and(eq(categories.accountId, accountId), eq(categories.code, seed.categoryCode)));
  const [rate] =
    seed.taxCode === null
      ? []
      : await db
          .select()
          .from(taxRates)
          .where(
            and(
              eq(taxRates.accountId, accountId),
              eq(taxRates.code, seed.taxCode),
              eq(taxRates.workspace, workspace),
            ),
          );
  const [row] = await db
    .insert(items)
    .values({
      accountId,
      workspace,
      status: 'ready',
      step: 'done',
      documentType: 'invoice',
      contactId: contact?.id ?? null,
      contactName: seed.contactName,
      date: seed.date,
      reference: seed.reference,
      currency: seed.currency ?? 'GBP',
      netMinor: seed.netMinor,
      taxMinor: seed.taxMinor,
      totalMinor: seed.netMinor + seed.taxMinor,
      categoryId: category?.id ?? null,
      taxRateId: rate?.id ?? null,
      paymentMethodId: seed.paymentMethodId ?? null,
      paid: seed.paid ?? null,
      ...(seed.lineItems === undefined ? {} : { lineItems: seed.lineItems }),
    })
    .returning({ id: items.id });
  if (!row) throw new Error('item insert failed');
  const bytes =
    seed.document ?? new TextEncoder().encode(`%PDF-1.4\n% receipt ${seed.reference ?? row.id}\n%%EOF\n`);
  const stored = await blobStoreFor(testDataDir).put(bytes);
  await db.insert(itemDocuments).values({
    itemId: row.id,
    position: 0,
    accountId,
    sha256: stored.sha256,
    kind: 'pdf',
    fileName: `${seed.reference ?? 'receipt'}.pdf`,
  });
  return row.id;
}

/** Bills on the simulators' sample lists: a known supplier, category and tax rate, 100.00 + 20.00. */
const SAMPLE_BILL = {
  xero: { categoryCode: '429', taxCode: 'INPUT2' },
  quickbooks: { categoryCode: '5', taxCode: '1' },
} as const;

/** A Ready bill from "ABC Furniture" dated 2026-02-20, coded for the ledger's sample lists. */
export function sampleBill(
  h: PublishingHarness,
  accountId: string,
  ledger: keyof typeof SAMPLE_BILL,
  reference: string | null,
  extra: Partial<ItemSeed> = {},
): Promise<string> {
  return readyItem(h.database.db, accountId, {
    contactName: 'ABC Furniture',
    date: '2026-02-20',
    reference,
    netMinor: 10_000n,
    taxMinor: 2_000n,
    ...SAMPLE_BILL[ledger],
    ...extra,
  });
}

/**
 * What a test does through the API for one account: publish an item, read its latest publication,
 * read its row. `session` is read at call time (tests build the harness and sign up in beforeAll).
 */
export function accountPublishing(
  session: () => { h: PublishingHarness; client: Client; accountId: string },
): {
  publish: (itemId: string) => ReturnType<Client['post']>;
  publication: (itemId: string) => Promise<PublicationView | undefined>;
  item: (itemId: string) => Promise<typeof items.$inferSelect | undefined>;
} {
  return {
    publish: (itemId) => {
      const { client, accountId } = session();
      return client.post(`/api/accounts/${accountId}/publications`, { itemIds: [itemId] });
    },
    publication: async (itemId) => {
      const { client, accountId } = session();
      const res = await client.get(`/api/accounts/${accountId}/publications?itemId=${itemId}`);
      return res.json<{ publications: PublicationView[] }>().publications[0];
    },
    item: async (itemId) => {
      const { h } = session();
      return (await h.database.db.select().from(items).where(eq(items.id, itemId)))[0];
    },
  };
}

/** GET a simulator's test-only JSON view. */
export async function simGet<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

/** Sends JSON to a simulator's test-only endpoint (traps, list changes). */
export function simSend(url: string, body: unknown, method: 'POST' | 'PATCH' = 'POST'): Promise<Response> {
  return fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** The tenant id of the Xero simulator's first organisation. */
export async function firstXeroTenant(h: PublishingHarness): Promise<string> {
  return (await simGet<{ tenantId: string }[]>(`${h.xeroUrl}/_sim/organisations`))[0]?.tenantId ?? '';
}

/** The realm id of the QuickBooks simulator's first company. */
export async function firstQuickBooksRealm(h: PublishingHarness): Promise<string> {
  return (await simGet<{ realmId: string }[]>(`${h.quickbooksUrl}/_sim/companies`))[0]?.realmId ?? '';
}

export { Client, signUpClient };
