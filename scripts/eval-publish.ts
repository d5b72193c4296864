/**
 * `npm run eval:publish`: first-time publish success on a seeded corpus full of traps.
 *
 * Starts the Xero and QuickBooks Online simulators and a Docket app (PGlite, pg-boss queue, the
 * real publish job), sets up organisations with the conditions a ledger refuses (lock dates, closed
 * books, archived categories, inactive tax rates, small plans, currencies, numbers already used),
 * generates items per software (clean ones mixed with every trap kind the pre-check knows, plus a
 * small share of traps it cannot know: changes made in the ledger after the lists were imported),
 * publishes every item through the queue and prints what the pre-check held (by reason), what was
 * sent, what the ledger accepted the first time and what it refused (by catalogue message).
 *
 * A held clean item, a trap held for another reason, a trap the pre-check let through and a
 * known trap refused by the ledger are defects; they are listed. Simulated time as in
 * bench-publish.ts: Docket's limiter moves the shared clock instead of sleeping.
 *
 * EVAL_ITEMS (per software, default 1000), EVAL_SEED (default 7).
 */
import { and, eq } from 'drizzle-orm';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/server/config';
import { connectDatabase, type Database } from '../src/server/db/connect';
import { migrateDatabase } from '../src/server/db/migrate';
import { categories, contacts, itemDocuments, items, taxRates, users } from '../src/server/db/schema';
import { buildApp } from '../src/server/http/app';
import { addEntity } from '../src/server/integrations/ledgers/quickbooks-sim/seed';
import {
  buildQuickBooksSimulator,
  QUICKBOOKS_SIM_CLIENT,
} from '../src/server/integrations/ledgers/quickbooks-sim';
import { buildInvoice } from '../src/server/integrations/ledgers/xero-sim/documents';
import { buildXeroSimulator, XERO_SIM_CLIENT } from '../src/server/integrations/ledgers/xero-sim';
import { createMailer } from '../src/server/integrations/mail/mailer';
import { blobStoreFor } from '../src/server/integrations/storage';
import { startJobQueue } from '../src/server/jobs/queue';
import { JobRegistry } from '../src/server/jobs/registry';
import { ManualClock } from '../src/server/lib/clock';
import { createLogger } from '../src/server/lib/logger';
import { SecretBox } from '../src/server/lib/secret-box';
import { createPublishing } from '../src/server/modules/publishing';
import { finishConnect, refreshLists, startConnect } from '../src/server/modules/publishing/connections';
import { requestPublish } from '../src/server/modules/publishing/jobs';
import {
  publicationsOf,
  savePaymentMethodLink,
  saveSettings,
  type PublicationRow,
} from '../src/server/modules/publishing/publishing.repo';
import { paymentMethod, signUpClient } from '../src/server/modules/publishing/test-kit';
import { DEFAULT_PUBLISHING_SETTINGS } from '../src/shared/contracts/publishing';
import { testDataDir } from '../test/support/paths';

type Software = 'xero' | 'quickbooks';

/** What should happen to an item. */
export type Expect =
  /** Published the first time; `payment`: a paid publish, a success only if its payment was made too. */
  | { readonly kind: 'clean'; readonly payment?: boolean }
  /** The pre-check must hold it with this reason. */
  | { readonly kind: 'trap'; readonly code: string }
  /** A small plan: published while within the plan's allowance, then held with this reason. */
  | { readonly kind: 'capped'; readonly code: string; readonly allowance: number }
  /** Changed in the ledger after the import: refused by the ledger, or held with this reason once lists refresh. */
  | { readonly kind: 'unknown'; readonly code: string };

interface Org {
  readonly software: Software;
  readonly name: string;
  readonly accountId: string;
  readonly tenantId: string;
}

interface Spec {
  readonly org: Org;
  readonly label: string;
  readonly expect: Expect;
  readonly workspace: 'costs' | 'sales';
  readonly contactName: string | null;
  readonly date: string | null;
  readonly reference: string | null;
  readonly currency: string;
  readonly netMinor: bigint | null;
  readonly taxMinor: bigint | null;
  readonly categoryCode: string | null;
  readonly taxCode: string | null;
  /** Which workspace's Docket tax rate the item carries (a sales rate on a cost is a trap). */
  readonly taxWorkspace: 'costs' | 'sales';
  /** Which of the organisation's payment methods the item carries (see `paymentMethodsFor`). */
  readonly paymentMethod?: string;
  readonly paid?: boolean;
}

export interface Outcome {
  readonly spec: Spec;
  readonly itemId: string;
  readonly publication: PublicationRow | undefined;
}

export interface SoftwareReport {
  readonly software: Software;
  readonly items: number;
  readonly held: number;
  readonly heldByReason: Record<string, number>;
  readonly attempted: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Paid publishes (document and payment): attempted, and document and payment made without a failed call. */
  readonly paidAttempted: number;
  readonly paidSucceeded: number;
  readonly failedByMessage: Record<string, number>;
  readonly share: number;
  readonly heldRight: number;
  readonly defects: string[];
  readonly unknownTraps: { items: number; failed: number; held: number; published: number };
  /** The share over the items the pre-check could know about (the traps changed in the ledger later left out). */
  readonly knownShare: number;
}

export interface EvalReport {
  readonly perSoftware: SoftwareReport[];
  readonly outcomes: Outcome[];
  readonly simulatedMinutes: number;
  readonly wallSeconds: number;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each kind of trap the pre-check cannot know takes this share of a software's items (2 kinds each). */
const UNKNOWN_SHARE = 0.002;

type Kind = (n: number, org: Org) => Omit<Spec, 'org'>;

const base = (n: number, over: Partial<Omit<Spec, 'org'>>): Omit<Spec, 'org'> => ({
  label: 'clean bill',
  expect: { kind: 'clean' },
  workspace: 'costs',
  contactName: 'ABC Furniture',
  date: `2026-02-${String(1 + (n % 27)).padStart(2, '0')}`,
  reference: `B-${n}`,
  currency: 'GBP',
  netMinor: 1_000n + BigInt(n),
  taxMinor: 200n,
  categoryCode: '429',
  taxCode: 'INPUT2',
  taxWorkspace: 'costs',
  ...over,
});
const trap = (code: string): Expect => ({ kind: 'trap', code });

/** Xero: the standard organisation's mix (weights sum to about 1). */
function xeroKinds(cleanSales: string[], externalSales: string[]): [number, string, Kind][] {
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
  return [
    [0.46, 'clean bill', (n) => base(n, { categoryCode: pick(['429', '400', '461', '493', '310'], n) })],
    [0.05, 'clean bill, zero-rated', (n) => base(n, { categoryCode: '494', taxCode: 'ZERORATEDINPUT' })],
    [0.03, 'clean bill, new supplier', (n) => base(n, { contactName: `New Supplier ${n}` })],
    [0.04, 'clean bill in EUR', (n) => base(n, { currency: 'EUR', contactName: 'Office Supplies Co' })],
    [
      0.1,
      'clean sale',
      (n) => {
        const reference = `INV-${n}`;
        cleanSales.push(reference);
        return base(n, {
          label: 'clean sale',
          workspace: 'sales',
          contactName: 'Bayside Club',
          reference,
          categoryCode: '200',
          taxCode: 'OUTPUT2',
          taxWorkspace: 'sales',
        });
      },
    ],
    [0.02, 'missing supplier', (n) => base(n, { contactName: null, expect: trap('missing_supplier') })],
    [0.02, 'missing date', (n) => base(n, { date: null, expect: trap('missing_date') })],
    [
      0.02,
      'missing total',
      (n) => base(n, { netMinor: null, taxMinor: null, expect: trap('missing_total') }),
    ],
    [0.02, 'missing category', (n) => base(n, { categoryCode: null, expect: trap('missing_category') })],
    [0.03, 'archived category', (n) => base(n, { categoryCode: '445', expect: trap('category_archived') })],
    [
      0.02,
      'sales category on a cost',
      (n) => base(n, { categoryCode: '260', taxCode: 'NONE', expect: trap('category_wrong_kind') }),
    ],
    [0.03, 'inactive tax rate', (n) => base(n, { taxCode: 'RRINPUT', expect: trap('tax_rate_inactive') })],
    [
      0.02,
      'sales tax rate on a cost',
      (n) => base(n, { taxCode: 'OUTPUT2', taxWorkspace: 'sales', expect: trap('tax_rate_wrong_direction') }),
    ],
    [
      0.02,
      'tax larger than net',
      (n) => base(n, { netMinor: 100n, taxMinor: 500n, expect: trap('tax_greater_than_net') }),
    ],
    [
      0.03,
      'date inside the lock date',
      (n) => base(n, { date: `2026-01-${String(1 + (n % 28)).padStart(2, '0')}`, expect: trap('lock_date') }),
    ],
    [
      0.03,
      'sales number already in Xero',
      (n) =>
        base(n, {
          label: 'sales number already in Xero',
          workspace: 'sales',
          contactName: 'Bayside Club',
          reference: pick(externalSales, n),
          categoryCode: '200',
          taxCode: 'OUTPUT2',
          taxWorkspace: 'sales',
          expect: trap('duplicate_number'),
        }),
    ],
    [
      0.01,
      'sales number used earlier in the corpus',
      (n) =>
        base(n, {
          workspace: 'sales',
          contactName: 'Bayside Club',
          // Far enough back that the first one is published before this one is checked.
          reference: cleanSales.length > 30 ? (cleanSales[cleanSales.length - 30] ?? null) : `INV-${n}`,
          categoryCode: '200',
          taxCode: 'OUTPUT2',
          taxWorkspace: 'sales',
          expect: cleanSales.length > 30 ? trap('duplicate_number') : { kind: 'clean' },
        }),
    ],
    [0.03, 'currency not enabled', (n) => base(n, { currency: 'AUD', expect: trap('currency_not_enabled') })],
    [
      UNKNOWN_SHARE,
      'category archived in Xero after the import',
      (n) => base(n, { categoryCode: '463', expect: { kind: 'unknown', code: 'category_archived' } }),
    ],
    [
      UNKNOWN_SHARE,
      'supplier archived in Xero after the import',
      (n) => base(n, { contactName: 'PowerDirect', expect: { kind: 'unknown', code: 'contact_archived' } }),
    ],
  ];
}

/** Xero with costs sent to Bank Accounts (Spend Money). */
function xeroBankKinds(): [number, string, Kind][] {
  return [
    [
      0.8,
      'clean spend money',
      (n) => base(n, { label: 'clean spend money', paymentMethod: 'bank', paid: true }),
    ],
    [
      0.2,
      'spend money without a linked bank account',
      (n) => base(n, { paymentMethod: 'unlinked', paid: true, expect: trap('bank_link_missing') }),
    ],
  ];
}

/** Xero with costs and sales "Paid (where possible)". */
function xeroPaidKinds(): [number, string, Kind][] {
  const paidClean: Expect = { kind: 'clean', payment: true };
  return [
    [0.5, 'clean paid bill', (n) => base(n, { paymentMethod: 'bank', paid: true, expect: paidClean })],
    [
      0.2,
      'clean paid sale',
      (n) =>
        base(n, {
          workspace: 'sales',
          contactName: 'Bayside Club',
          reference: `PINV-${n}`,
          categoryCode: '200',
          taxCode: 'OUTPUT2',
          taxWorkspace: 'sales',
          paymentMethod: 'bank',
          paid: true,
          expect: paidClean,
        }),
    ],
    [
      0.15,
      'paid bill without a linked bank account (Awaiting Payment)',
      (n) => base(n, { paymentMethod: 'unlinked', paid: true }),
    ],
    [
      0.15,
      'paid bill from an archived bank account',
      (n) => base(n, { paymentMethod: 'archived', paid: true, expect: trap('bank_account_unknown') }),
    ],
  ];
}

/** QuickBooks: the Plus company's mix. Codes are QuickBooks ids (Docket uses them as codes). */
function quickbooksKinds(
  cleanBills: { ref: string; vendor: string }[],
  external: string[],
): [number, string, Kind][] {
  const q = (n: number, over: Partial<Omit<Spec, 'org'>>) =>
    base(n, { categoryCode: '5', taxCode: '1', reference: `QB-${n}`, ...over });
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
  return [
    [
      0.5,
      'clean bill',
      (n) => {
        const vendor = pick(['ABC Furniture', 'PowerDirect'], n);
        const spec = q(n, {
          contactName: vendor,
          categoryCode: pick(['5', '12', '13'], n),
          taxCode: pick(['1', '3', '4'], n),
        });
        cleanBills.push({ ref: spec.reference ?? '', vendor });
        return spec;
      },
    ],
    [0.05, 'clean bill in EUR', (n) => q(n, { currency: 'EUR', contactName: 'Euro Supplies GmbH' })],
    [0.03, 'clean bill, new supplier', (n) => q(n, { contactName: `New Vendor ${n}` })],
    [0.02, 'missing supplier', (n) => q(n, { contactName: null, expect: trap('missing_supplier') })],
    [0.02, 'missing date', (n) => q(n, { date: null, expect: trap('missing_date') })],
    [0.02, 'missing total', (n) => q(n, { netMinor: null, taxMinor: null, expect: trap('missing_total') })],
    [0.02, 'missing category', (n) => q(n, { categoryCode: null, expect: trap('missing_category') })],
    [0.02, 'missing tax rate', (n) => q(n, { taxCode: null, expect: trap('missing_tax_rate') })],
    [0.03, 'inactive category', (n) => q(n, { categoryCode: '7', expect: trap('category_archived') })],
    [
      0.02,
      'income category on a bill',
      (n) => q(n, { categoryCode: '8', expect: trap('category_wrong_kind') }),
    ],
    [0.03, 'inactive tax rate', (n) => q(n, { taxCode: '2', expect: trap('tax_rate_inactive') })],
    [
      0.02,
      'sales-only tax rate on a bill',
      (n) => q(n, { taxCode: '6', taxWorkspace: 'sales', expect: trap('tax_rate_wrong_direction') }),
    ],
    [
      0.02,
      'tax larger than net',
      (n) => q(n, { netMinor: 100n, taxMinor: 500n, expect: trap('tax_greater_than_net') }),
    ],
    [
      0.03,
      'date in closed books',
      (n) =>
        q(n, { date: `2026-01-${String(1 + (n % 28)).padStart(2, '0')}`, expect: trap('period_closed') }),
    ],
    [
      0.03,
      'bill number used earlier for the same supplier',
      (n) => {
        const earlier = cleanBills.length > 30 ? cleanBills[cleanBills.length - 30] : undefined;
        return earlier === undefined
          ? q(n, {})
          : q(n, { contactName: earlier.vendor, reference: earlier.ref, expect: trap('duplicate_number') });
      },
    ],
    [0.03, 'currency not enabled', (n) => q(n, { currency: 'AUD', expect: trap('currency_not_enabled') })],
    [
      0.08,
      'clean sales invoice (product by income account)',
      (n) =>
        q(n, {
          workspace: 'sales',
          contactName: 'Bayside Club',
          reference: `QINV-${n}`,
          categoryCode: '8',
          taxWorkspace: 'sales',
        }),
    ],
    [
      0.02,
      'sales invoice without an active product',
      (n) =>
        q(n, {
          workspace: 'sales',
          contactName: 'Bayside Club',
          reference: `QINV-${n}`,
          categoryCode: null,
          taxWorkspace: 'sales',
          expect: trap('sales_item_missing'),
        }),
    ],
    [0.04, 'clean paid cost (Cash purchase)', (n) => q(n, { paymentMethod: 'bank', paid: true })],
    [0.03, 'clean paid cost (Credit card purchase)', (n) => q(n, { paymentMethod: 'card', paid: true })],
    [
      0.02,
      'paid cost, Check from a card account',
      (n) => q(n, { paymentMethod: 'check_on_card', paid: true, expect: trap('payment_type_account') }),
    ],
    [
      UNKNOWN_SHARE,
      'category made inactive in QuickBooks after the import',
      (n) => q(n, { categoryCode: '6', expect: { kind: 'unknown', code: 'category_archived' } }),
    ],
    [
      UNKNOWN_SHARE,
      'bill number entered in QuickBooks after the import',
      (n) => q(n, { reference: pick(external, n), expect: { kind: 'unknown', code: 'duplicate_number' } }),
    ],
  ];
}

function chooser(
  random: () => number,
  kinds: [number, string, Kind][],
  everyKind: boolean,
): (n: number, org: Org) => Spec {
  const total = kinds.reduce((s, [w]) => s + w, 0);
  let turn = 0;
  return (n, org) => {
    if (everyKind) {
      // Each kind in turn (small runs and the test): every trap appears at least once.
      const kind = kinds[turn % kinds.length];
      turn += 1;
      if (kind !== undefined) return { org, ...kind[2](n, org), label: kind[1] };
    }
    let r = random() * total;
    for (const [w, label, make] of kinds) {
      r -= w;
      if (r <= 0) return { org, ...make(n, org), label };
    }
    const last = kinds.at(-1);
    if (last === undefined) throw new Error('no kinds');
    return { org, ...last[2](n, org), label: last[1] };
  };
}

export async function runPublishEval(options: {
  itemsPerSoftware: number;
  seed: number;
  /** Every kind in turn instead of drawn by weight (small runs). */
  everyKind?: boolean;
  database?: Database;
  log?: (line: string) => void;
}): Promise<EvalReport> {
  const log = options.log ?? (() => undefined);
  const random = prng(options.seed);
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const xero = buildXeroSimulator({ clock: () => clock.now() });
  const quickbooks = buildQuickBooksSimulator({ clock: () => clock.now() });
  const xeroUrl = await xero.app.listen({ port: 0, host: '127.0.0.1' });
  const quickbooksUrl = await quickbooks.app.listen({ port: 0, host: '127.0.0.1' });
  const ownDatabase = options.database === undefined;
  const database = options.database ?? (await connectDatabase({ pgliteDir: 'memory://' }));
  if (ownDatabase) await migrateDatabase(database);
  const config = loadConfig({
    DOCKET_DATA_DIR: testDataDir,
    DOCKET_SECRET: 'eval-secret-eval-secret-eval-secret-00',
    DOCKET_BASE_URL: 'http://docket.eval',
    LOG_LEVEL: 'silent',
  });
  const secrets = new SecretBox(config.secret);
  const storage = blobStoreFor(config.dataDir);
  const publishing = createPublishing({
    db: database.db,
    clock,
    secrets,
    storage,
    ledgers: {
      xero: { ...XERO_SIM_CLIENT, baseUrl: xeroUrl, simulated: true },
      quickbooks: { ...QUICKBOOKS_SIM_CLIENT, baseUrl: quickbooksUrl, simulated: true },
      simulators: 'off',
      timeoutMs: 10_000,
    },
    publicBaseUrl: config.baseUrl,
    timer: {
      now: () => clock.now().getTime(),
      sleep: async (ms) => {
        const target = clock.now().getTime() + ms;
        await new Promise((resolve) => setImmediate(resolve));
        if (clock.now().getTime() < target) clock.set(new Date(target));
      },
    },
  });
  const queue = await startJobQueue(database, new JobRegistry().register(...publishing.jobs), {
    logger: createLogger('silent'),
    pollingIntervalSeconds: 0.5,
  });
  publishing.attach(queue);
  await queue.work();
  const app = await buildApp(
    {
      config,
      database,
      queue,
      clock,
      mailer: createMailer({ smtpUrl: undefined, from: 'e@docket.eval' }),
      secrets,
    },
    { logger: false, serveWeb: false, publishing },
  );
  await app.ready();
  const ctx = publishing.ctx;
  const db = database.db;
  const started = performance.now();
  const simStart = clock.now().getTime();

  const post = async (url: string, body: unknown, method = 'POST') => {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  async function connectOrg(software: Software, name: string, tenantId: string): Promise<Org> {
    const { accountId } = await signUpClient(app);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.accountId, accountId));
    const url = new URL(
      await startConnect(ctx, { accountId, userId: user?.id ?? '' }, software, 'eval-session'),
    );
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    const simUrl = software === 'xero' ? xeroUrl : quickbooksUrl;
    const answer = await post(
      `${simUrl}/_sim/authorize`,
      software === 'xero' ? { redirectUri, tenantId } : { redirectUri, realmId: tenantId },
    );
    await finishConnect(ctx, {
      software,
      code: String(answer['code']),
      state: url.searchParams.get('state') ?? '',
      ...(software === 'quickbooks' ? { realmId: tenantId } : {}),
      sessionId: 'eval-session',
    });
    return { software, name, accountId, tenantId };
  }

  // --- Xero organisations -------------------------------------------------------------------
  const xeroOrg = async (name: string, seed: Record<string, unknown>) =>
    String((await post(`${xeroUrl}/_sim/organisations`, { name, ...seed }))['tenantId']);
  const xStandard = await connectOrg(
    'xero',
    'Xero standard',
    await xeroOrg('Eval Standard', { periodLockDate: '2026-01-31', currencies: ['EUR', 'USD'] }),
  );
  const xSimple = await connectOrg(
    'xero',
    'Xero Simple plan',
    await xeroOrg('Eval Simple', { plan: { name: 'Simple', approvedBillsPerMonth: 5 } }),
  );
  const xSimpleDraft = await connectOrg(
    'xero',
    'Xero Simple plan, publish as Draft',
    await xeroOrg('Eval Simple Draft', { plan: { name: 'Simple', approvedBillsPerMonth: 5 } }),
  );
  await saveSettings(
    db,
    { accountId: xSimpleDraft.accountId },
    { ...DEFAULT_PUBLISHING_SETTINGS, costs: { destination: 'purchases', status: 'draft' } },
    clock.now(),
  );
  // Costs to Bank Accounts (Spend Money); and "Paid (where possible)" for costs and sales, with a
  // second bank account archived before the import (a payment method still linked to it is held).
  const xBank = await connectOrg('xero', 'Xero Spend Money', await xeroOrg('Eval Bank', {}));
  await saveSettings(
    db,
    { accountId: xBank.accountId },
    { ...DEFAULT_PUBLISHING_SETTINGS, costs: { destination: 'bank', status: 'awaiting_payment' } },
    clock.now(),
  );
  const xPaidTenant = await xeroOrg('Eval Paid', {});
  await post(`${xeroUrl}/_sim/organisations/${xPaidTenant}/accounts/091/archive`, {});
  const xPaid = await connectOrg('xero', 'Xero Paid (where possible)', xPaidTenant);
  await refreshLists(ctx, { accountId: xPaid.accountId });
  await saveSettings(
    db,
    { accountId: xPaid.accountId },
    {
      ...DEFAULT_PUBLISHING_SETTINGS,
      costs: { destination: 'purchases', status: 'paid' },
      sales: { ...DEFAULT_PUBLISHING_SETTINGS.sales, status: 'paid' },
    },
    clock.now(),
  );
  // Payment methods per organisation, by the key a spec names.
  const methods = new Map<string, Map<string, string>>();
  const method = async (
    org: Org,
    key: string,
    link: { bankAccountId: string; paymentType: 'cash' | 'check' | 'credit_card' | null } | null,
  ) => {
    const id = await paymentMethod(db, org.accountId, `Eval ${key}`);
    if (link !== null)
      await savePaymentMethodLink(
        db,
        { accountId: org.accountId },
        { paymentMethodId: id, autoPublish: null, ...link },
      );
    const forOrg = methods.get(org.accountId) ?? new Map<string, string>();
    forOrg.set(key, id);
    methods.set(org.accountId, forOrg);
  };
  for (const org of [xBank, xPaid]) {
    await method(org, 'bank', { bankAccountId: '090', paymentType: null });
    await method(org, 'unlinked', null);
  }
  await method(xPaid, 'archived', { bankAccountId: '091', paymentType: null });
  // Known to the pre-check: changed in Xero, then the lists refreshed.
  const xState = xero.state.orgs.get(xStandard.tenantId);
  if (xState === undefined) throw new Error('Xero organisation missing');
  await post(`${xeroUrl}/_sim/organisations/${xStandard.tenantId}/accounts/445/archive`, {});
  for (const rate of xState.taxRates) if (rate.TaxType === 'RRINPUT') rate.Status = 'DELETED';
  // Sales invoices entered in Xero by someone else (their numbers are taken).
  const bayside = xState.contacts.find((c) => c.Name === 'Bayside Club');
  const externalSales: string[] = [];
  for (let i = 1; i <= 10; i += 1) {
    if (bayside === undefined) break;
    const number = `INV-EXT-${i}`;
    externalSales.push(number);
    xState.invoices.push(
      buildInvoice(
        xState,
        {
          Type: 'ACCREC',
          InvoiceNumber: number,
          Status: 'AUTHORISED',
          LineItems: [{ Description: 'Consulting', LineAmount: 100, AccountCode: '200', TaxType: 'OUTPUT2' }],
        },
        bayside,
        '2026-02-10',
        clock.now(),
        undefined,
      ),
    );
  }
  await refreshLists(ctx, { accountId: xStandard.accountId });

  // --- QuickBooks companies -----------------------------------------------------------------
  const qboCompany = async (name: string, seed: Record<string, unknown>) =>
    String((await post(`${quickbooksUrl}/_sim/companies`, { name, ...seed }))['realmId']);
  // Explicit realm ids: the simulator's counter starts above 2^53, so two generated ids can be equal.
  const qPlusId = await qboCompany('Eval Plus', { realmId: '4620816365000101', bookCloseDate: '2026-01-31' });
  const qPlus = quickbooks.state.companies.get(qPlusId);
  if (qPlus === undefined) throw new Error('QuickBooks company missing');
  const gbp = { value: 'GBP', name: 'GBP' };
  for (const Name of ['Repairs and Maintenance', 'Software'])
    addEntity(
      qPlus,
      'Account',
      {
        Name,
        FullyQualifiedName: Name,
        AccountType: 'Expense',
        AccountSubType: 'OtherMiscellaneousServiceCost',
        Classification: 'Expense',
        CurrencyRef: gbp,
        Active: true,
        CurrentBalance: 0,
      },
      clock.now(),
    );
  // A sales-only tax code (id 6).
  addEntity(
    qPlus,
    'TaxCode',
    {
      Name: '5.0% R (sales only)',
      Active: true,
      Taxable: true,
      PurchaseTaxRateList: { TaxRateDetail: [] },
      SalesTaxRateList: {
        TaxRateDetail: [{ TaxRateRef: { value: '2' }, TaxTypeApplicable: 'TaxOnAmount', TaxOrder: 0 }],
      },
    },
    clock.now(),
  );
  const qStandard = await connectOrg('quickbooks', 'QuickBooks Plus', qPlusId);
  const deactivate = (realmId: string, entity: string, id: string) =>
    post(`${quickbooksUrl}/_sim/companies/${realmId}/deactivate`, { entity, id });
  await deactivate(qPlusId, 'Account', '7');
  await deactivate(qPlusId, 'TaxCode', '2');
  await refreshLists(ctx, { accountId: qStandard.accountId });
  // Paid costs: Cash from the bank account (1), Credit card from the card account (2), and a
  // payment method set to Check but linked to the card account (held: wrong account type).
  await method(qStandard, 'bank', { bankAccountId: '1', paymentType: null });
  await method(qStandard, 'card', { bankAccountId: '2', paymentType: null });
  await method(qStandard, 'check_on_card', { bankAccountId: '2', paymentType: 'check' });
  const qSimple = await connectOrg(
    'quickbooks',
    'QuickBooks Simple Start',
    await qboCompany('Eval Simple Start', { realmId: '4620816365000102', plan: 'SimpleStart' }),
  );

  // --- The corpus ---------------------------------------------------------------------------
  const specs: Spec[] = [];
  const n = options.itemsPerSoftware;
  const xSimpleCount = Math.round(n * 0.1);
  const xDraftCount = Math.round(n * 0.06);
  const cleanSales: string[] = [];
  const pickXero = chooser(random, xeroKinds(cleanSales, externalSales), options.everyKind === true);
  const bankKinds = xeroBankKinds();
  const paidKinds = xeroPaidKinds();
  const atLeast = (count: number, kinds: unknown[]) =>
    options.everyKind === true ? Math.max(count, kinds.length) : count;
  const xBankCount = atLeast(Math.round(n * 0.04), bankKinds);
  const xPaidCount = atLeast(Math.round(n * 0.08), paidKinds);
  const pickBank = chooser(random, bankKinds, options.everyKind === true);
  const pickPaid = chooser(random, paidKinds, options.everyKind === true);
  for (let i = 0; i < n - xSimpleCount - xDraftCount - xBankCount - xPaidCount; i += 1)
    specs.push(pickXero(i + 1, xStandard));
  for (let i = 0; i < xBankCount; i += 1) specs.push(pickBank(i + 1, xBank));
  for (let i = 0; i < xPaidCount; i += 1) specs.push(pickPaid(i + 1, xPaid));
  for (let i = 0; i < xSimpleCount; i += 1)
    specs.push({
      org: xSimple,
      ...base(i + 1, {
        label: 'bill on the Simple plan',
        expect: { kind: 'capped', code: 'plan_limit', allowance: 5 },
      }),
    });
  for (let i = 0; i < xDraftCount; i += 1)
    specs.push({ org: xSimpleDraft, ...base(i + 1, { label: 'draft bill on the Simple plan' }) });

  const qSimpleCount = Math.round(n * 0.12);
  const cleanBills: { ref: string; vendor: string }[] = [];
  const externalBills = ['QEXT-1', 'QEXT-2', 'QEXT-3'];
  const pickQbo = chooser(random, quickbooksKinds(cleanBills, externalBills), options.everyKind === true);
  for (let i = 0; i < n - qSimpleCount; i += 1) specs.push(pickQbo(i + 1, qStandard));
  for (let i = 0; i < qSimpleCount; i += 1)
    specs.push({
      org: qSimple,
      ...base(i + 1, {
        label: 'bill on Simple Start',
        reference: `QS-${i + 1}`,
        categoryCode: '5',
        taxCode: '1',
        expect: trap('plan_no_bills'),
      }),
    });

  // Interleave the organisations, as a practice's queue would.
  const order = specs.map((s, i) => ({ s, k: i + random() * 40 })).sort((a, b) => a.k - b.k);
  const ordered = order.map((o) => o.s);

  const lookups = new Map<string, string | null>();
  const idOf = async (
    table: 'category' | 'tax' | 'contact',
    accountId: string,
    key: string,
    workspace: 'costs' | 'sales',
  ): Promise<string | null> => {
    const cacheKey = `${table}|${accountId}|${key}|${workspace}`;
    if (lookups.has(cacheKey)) return lookups.get(cacheKey) ?? null;
    let id: string | null = null;
    if (table === 'category') {
      const [row] = await db
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.accountId, accountId), eq(categories.code, key)));
      id = row?.id ?? null;
    } else if (table === 'tax') {
      const [row] = await db
        .select({ id: taxRates.id })
        .from(taxRates)
        .where(
          and(eq(taxRates.accountId, accountId), eq(taxRates.code, key), eq(taxRates.workspace, workspace)),
        );
      id = row?.id ?? null;
    } else {
      const [row] = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(
          and(
            eq(contacts.accountId, accountId),
            eq(contacts.name, key),
            eq(contacts.kind, workspace === 'costs' ? 'supplier' : 'customer'),
          ),
        );
      id = row?.id ?? null;
    }
    lookups.set(cacheKey, id);
    return id;
  };

  const stored = await storage.put(new TextEncoder().encode('%PDF-1.4\n% eval receipt\n%%EOF\n'));
  const outcomes: { spec: Spec; itemId: string }[] = [];
  for (const spec of ordered) {
    const accountId = spec.org.accountId;
    const categoryId =
      spec.categoryCode === null
        ? null
        : await idOf('category', accountId, spec.categoryCode, spec.workspace);
    const taxRateId =
      spec.taxCode === null ? null : await idOf('tax', accountId, spec.taxCode, spec.taxWorkspace);
    if (spec.categoryCode !== null && categoryId === null)
      throw new Error(`${spec.org.name}: no Docket category ${spec.categoryCode}`);
    if (spec.taxCode !== null && taxRateId === null)
      throw new Error(`${spec.org.name}: no Docket tax rate ${spec.taxCode} (${spec.taxWorkspace})`);
    const contactId =
      spec.contactName === null ? null : await idOf('contact', accountId, spec.contactName, spec.workspace);
    const total = spec.netMinor === null || spec.taxMinor === null ? null : spec.netMinor + spec.taxMinor;
    const paymentMethodId =
      spec.paymentMethod === undefined ? undefined : methods.get(accountId)?.get(spec.paymentMethod);
    if (spec.paymentMethod !== undefined && paymentMethodId === undefined)
      throw new Error(`${spec.org.name}: no payment method ${spec.paymentMethod}`);
    const [row] = await db
      .insert(items)
      .values({
        accountId,
        workspace: spec.workspace,
        status: 'ready',
        step: 'done',
        documentType: 'invoice',
        contactId,
        contactName: spec.contactName,
        date: spec.date,
        reference: spec.reference,
        currency: spec.currency,
        netMinor: spec.netMinor,
        taxMinor: spec.taxMinor,
        totalMinor: total,
        categoryId,
        taxRateId,
        paymentMethodId: paymentMethodId ?? null,
        paid: spec.paid ?? null,
      })
      .returning({ id: items.id });
    if (row === undefined) throw new Error('item insert failed');
    await db.insert(itemDocuments).values({
      itemId: row.id,
      position: 0,
      accountId,
      sha256: stored.sha256,
      kind: 'pdf',
      fileName: `${spec.reference ?? 'receipt'}.pdf`,
    });
    outcomes.push({ spec, itemId: row.id });
  }

  // Unknown to the pre-check: changed in the ledgers after the last import.
  await post(`${xeroUrl}/_sim/organisations/${xStandard.tenantId}/accounts/463/archive`, {});
  await post(`${xeroUrl}/_sim/organisations/${xStandard.tenantId}/contacts/archive`, { name: 'PowerDirect' });
  await deactivate(qPlusId, 'Account', '6');
  for (const number of externalBills)
    addEntity(
      qPlus,
      'Bill',
      {
        DocNumber: number,
        TxnDate: '2026-02-11',
        VendorRef: { value: '1', name: 'ABC Furniture' },
        Line: [
          {
            Amount: 10,
            DetailType: 'AccountBasedExpenseLineDetail',
            AccountBasedExpenseLineDetail: { AccountRef: { value: '5' } },
          },
        ],
        CurrencyRef: gbp,
        TotalAmt: 10,
      },
      clock.now(),
    );

  log(`corpus: ${outcomes.length} items; publishing through the queue...`);
  for (const { spec, itemId } of outcomes)
    await requestPublish(ctx, { accountId: spec.org.accountId }, itemId);
  const orgs = [xStandard, xSimple, xSimpleDraft, xBank, xPaid, qStandard, qSimple];
  const deadline = Date.now() + 45 * 60_000;
  let rows = new Map<string, PublicationRow>();
  for (;;) {
    rows = new Map();
    for (const org of orgs)
      for (const p of await publicationsOf(db, { accountId: org.accountId })) rows.set(p.itemId, p);
    const done = [...rows.values()].filter((p) => ['published', 'failed', 'held'].includes(p.state)).length;
    if (done >= outcomes.length || Date.now() > deadline) break;
    log(`  ${done}/${outcomes.length} settled`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const simulatedMinutes = (clock.now().getTime() - simStart) / 60_000;
  await app.close();
  await queue.stop();
  if (ownDatabase) await database.close();
  await xero.app.close();
  await quickbooks.app.close();

  const full: Outcome[] = outcomes.map((o) => ({ ...o, publication: rows.get(o.itemId) }));
  return {
    perSoftware: (['xero', 'quickbooks'] as const).map((s) =>
      summarise(
        s,
        full.filter((o) => o.spec.org.software === s),
      ),
    ),
    outcomes: full,
    simulatedMinutes,
    wallSeconds,
  };
}

const bump = (r: Record<string, number>, key: string) => {
  r[key] = (r[key] ?? 0) + 1;
};

function summarise(software: Software, outcomes: Outcome[]): SoftwareReport {
  const heldByReason: Record<string, number> = {};
  const failedByMessage: Record<string, number> = {};
  const defects: string[] = [];
  const unknownTraps = { items: 0, failed: 0, held: 0, published: 0 };
  const publishedPerOrg = new Map<string, number>();
  let held = 0;
  let attempted = 0;
  let succeeded = 0;
  let failed = 0;
  let heldRight = 0;
  let paidAttempted = 0;
  let paidSucceeded = 0;
  for (const { spec, publication: p } of outcomes) {
    const where = `${spec.org.name} ${spec.reference ?? '(no number)'}: ${spec.label}`;
    if (p === undefined || !['published', 'failed', 'held'].includes(p.state)) {
      defects.push(`${where}: not settled (${p?.state ?? 'no publication'})`);
      continue;
    }
    const codes = p.problems.map((x) => x.code);
    const e = spec.expect;
    if (p.state === 'held') {
      held += 1;
      for (const c of codes) bump(heldByReason, c);
    } else {
      attempted += 1;
      const payment = e.kind === 'clean' && e.payment === true;
      // A paid publish succeeds the first time only if the document and its payment were made in the
      // first attempt: a payment refused (note, no payment id) or a retried attempt is a failure.
      const paidOk = p.payment?.id != null && p.note === null && p.attempt === 1 && p.errorCode === null;
      if (payment) paidAttempted += 1;
      if (p.state === 'published' && payment && !paidOk) {
        failed += 1;
        bump(
          failedByMessage,
          `paid publish without its payment: ${p.note ?? p.errorMessage ?? 'no payment'}`,
        );
        defects.push(`${where}: paid item published without its payment (${p.note ?? 'no note'})`);
        continue;
      }
      if (p.state === 'published') {
        if (payment) paidSucceeded += 1;
        succeeded += 1;
        publishedPerOrg.set(spec.org.name, (publishedPerOrg.get(spec.org.name) ?? 0) + 1);
      } else {
        failed += 1;
        bump(failedByMessage, p.errorMessage ?? p.errorCode ?? 'unknown');
      }
    }
    if (e.kind === 'unknown') {
      unknownTraps.items += 1;
      if (p.state === 'failed') unknownTraps.failed += 1;
      if (p.state === 'published') {
        unknownTraps.published += 1;
        defects.push(`${where}: the ledger accepted an item it should refuse`);
      }
      if (p.state === 'held') {
        unknownTraps.held += 1;
        if (codes.includes(e.code)) heldRight += 1;
        else defects.push(`${where}: held for ${codes.join(', ')}, expected ${e.code}`);
      }
      continue;
    }
    if (e.kind === 'clean') {
      if (p.state === 'held') defects.push(`${where}: clean item held (${codes.join(', ')})`);
      if (p.state === 'failed')
        defects.push(`${where}: clean item refused: ${p.errorMessage ?? ''} ${p.vendorMessage ?? ''}`);
      continue;
    }
    if (p.state === 'held') {
      if (codes.includes(e.code)) {
        heldRight += 1;
        const extra = codes.filter((c) => c !== e.code);
        if (extra.length > 0) defects.push(`${where}: held for ${e.code} and also ${extra.join(', ')}`);
      } else defects.push(`${where}: held for ${codes.join(', ')}, expected ${e.code}`);
      continue;
    }
    if (e.kind === 'capped' && p.state === 'published') continue;
    if (p.state === 'failed')
      defects.push(
        `${where}: known trap (${e.code}) reached the ledger: ${p.errorMessage ?? ''} (${p.vendorMessage ?? ''})`,
      );
    else defects.push(`${where}: trap (${e.code}) was published`);
  }
  for (const { spec } of outcomes) {
    if (spec.expect.kind !== 'capped') continue;
    const count = publishedPerOrg.get(spec.org.name) ?? 0;
    if (count > spec.expect.allowance)
      defects.push(`${spec.org.name}: ${count} published, the plan allows ${spec.expect.allowance}`);
    break;
  }
  return {
    software,
    items: outcomes.length,
    held,
    heldByReason,
    attempted,
    succeeded,
    failed,
    failedByMessage,
    paidAttempted,
    paidSucceeded,
    share: attempted === 0 ? 1 : succeeded / attempted,
    knownShare: attempted - unknownTraps.failed === 0 ? 1 : succeeded / (attempted - unknownTraps.failed),
    heldRight,
    defects,
    unknownTraps,
  };
}

export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const sorted = (r: Record<string, number>) =>
    Object.entries(r)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `      ${String(v).padStart(4)}  ${k}`);
  let attempted = 0;
  let succeeded = 0;
  for (const s of report.perSoftware) {
    attempted += s.attempted;
    succeeded += s.succeeded;
    lines.push(
      `${s.software === 'xero' ? 'Xero' : 'QuickBooks Online'}: ${s.items} items`,
      `  held by the pre-check: ${s.held} (held for the right reason: ${s.heldRight})`,
      ...sorted(s.heldByReason),
      `  publishes attempted: ${s.attempted}; succeeded first time: ${s.succeeded}; failed: ${s.failed}`,
      ...sorted(s.failedByMessage),
      `  paid publishes (document and payment, no failed call): ${s.paidSucceeded}/${s.paidAttempted}`,
      `  first-time success: ${pct(s.share)} (${pct(s.knownShare)} leaving out the traps unknown to the pre-check)`,
      `  traps unknown to the pre-check (changed in the ledger after the import): ${s.unknownTraps.items} (refused by the ledger ${s.unknownTraps.failed}, held after a list refresh ${s.unknownTraps.held}, published ${s.unknownTraps.published})`,
      `  defects: ${s.defects.length}`,
      ...s.defects.slice(0, 25).map((d) => `      ${d}`),
      ...(s.defects.length > 25 ? [`      ... and ${s.defects.length - 25} more`] : []),
    );
  }
  lines.push(
    `All: ${report.outcomes.length} items; first-time success ${succeeded}/${attempted} = ${pct(attempted === 0 ? 1 : succeeded / attempted)} (target 99.5%)`,
    `  wall time ${report.wallSeconds.toFixed(1)} s; simulated time ${report.simulatedMinutes.toFixed(1)} min`,
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await runPublishEval({
    itemsPerSoftware: Number(process.env.EVAL_ITEMS ?? 1000),
    seed: Number(process.env.EVAL_SEED ?? 7),
    log: (line) => {
      console.error(line);
    },
  });
  console.log(formatReport(report));
}
