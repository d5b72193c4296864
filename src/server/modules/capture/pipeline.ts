import { and, count, eq, gte } from 'drizzle-orm';
import type { ExtractionResult } from '../../../shared/contracts/extraction';
import { toMinor } from '../../../shared/money';
import type { Db } from '../../db/connect';
import { accounts, captureSettings, contacts, itemDocuments, items } from '../../db/schema';
import type { JobQueue } from '../../jobs/queue';
import { defineJob, type JobDefinition } from '../../jobs/registry';
import type { BlobStore } from '../../integrations/storage';
import type { Clock } from '../../lib/clock';
import { Invalid } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { applyRules, settleItem } from '../review';
import { findStalled } from './capture.repo';
import { enqueueItemStep, enqueueSplit, pipelineSteps, type ItemStepName } from './jobs';
import { splitSubmission } from './split';

/** The extraction engine's front door, as this module uses it (injected by the composition root). */
export type ExtractFn = (
  input: { bytes: Uint8Array; fileName: string },
  options: { country?: string; currency?: string; knownSuppliers?: string[] },
) => Promise<ExtractionResult>;

export interface PipelinePorts {
  db: Db;
  clock: Clock;
  storage: BlobStore;
  extract: ExtractFn;
  logger: Logger;
  /** How many documents one worker reads at once. */
  extractConcurrency: number;
  /** Work untouched for this long is re-enqueued by the recovery sweep (a worker died). */
  staleSeconds: number;
}

export const LIMIT_REASON = 'Monthly extraction limit reached';
export const DEACTIVATED_REASON = 'The account is deactivated: documents wait until it is reactivated.';

export interface CapturePipeline {
  readonly jobs: JobDefinition[];
  /** Gives the steps the queue to enqueue the next step on (set once the queue has started). */
  attach(queue: JobQueue): void;
  /** Re-enqueues stalled work and resumes waiting items that may now go on. */
  recover(): Promise<{ resumed: number }>;
}

const stepAfter: Record<ItemStepName, ItemStepName | null> = {
  extract: 'rules',
  rules: 'duplicates',
  duplicates: null,
};

export function capturePipeline(ports: PipelinePorts): CapturePipeline {
  let queue: JobQueue | null = null;
  const { db, clock } = ports;

  const split = defineJob({
    ...pipelineSteps.split,
    retryLimit: 3,
    expireInSeconds: 10 * 60,
    handler: async ({ submissionId }) => {
      const itemIds = await splitSubmission(ports, submissionId);
      for (const id of itemIds) await enqueueItemStep(queue, 'extract', id);
    },
  });

  const itemStep = (step: ItemStepName, run: (itemId: string, accountId: string) => Promise<boolean>) =>
    defineJob({
      ...pipelineSteps[step],
      retryLimit: 3,
      expireInSeconds: 10 * 60,
      concurrency: step === 'extract' ? ports.extractConcurrency : 1,
      handler: async ({ itemId }) => {
        const [row] = await db
          .select({ step: items.step, status: items.status, accountId: items.accountId })
          .from(items)
          .where(eq(items.id, itemId));
        if (row?.status !== 'processing' || row.step !== step) return;
        await db.update(items).set({ stepStartedAt: clock.now() }).where(eq(items.id, itemId));
        const advanced = await run(itemId, row.accountId);
        const next = stepAfter[step];
        if (advanced && next) await enqueueItemStep(queue, next, itemId);
      },
    });

  const jobs: JobDefinition[] = [
    split,
    itemStep('extract', (id, accountId) => extractItem(ports, id, accountId)),
    itemStep('rules', async (id, accountId) => {
      await applyRules(db, { accountId }, id, clock);
      return true;
    }),
    itemStep('duplicates', async (id, accountId) => {
      await settleItem(db, { accountId }, id, clock);
      return true;
    }),
  ];

  return {
    jobs,
    attach(q) {
      queue = q;
    },
    async recover() {
      const generation = `:r${Math.floor(clock.now().getTime() / 1000)}`;
      const stalled = await findStalled(db, new Date(clock.now().getTime() - ports.staleSeconds * 1000));
      for (const s of stalled.submissions) await enqueueSplit(queue, s.id, generation);
      for (const i of stalled.items) {
        if (i.step !== 'done') await enqueueItemStep(queue, i.step, i.id, generation);
      }
      const waitingAccounts = await db
        .selectDistinct({ accountId: items.accountId })
        .from(items)
        .where(eq(items.status, 'waiting'));
      let woken = 0;
      for (const { accountId } of waitingAccounts) {
        if ((await waitReason(db, accountId, clock.now())) === null) {
          woken += await resumeWaiting(db, queue, accountId, clock);
        }
      }
      return { resumed: stalled.submissions.length + stalled.items.length + woken };
    },
  };
}

/** Why the account's documents must wait, or null when extraction may go ahead. */
async function waitReason(db: Db, accountId: string, now: Date): Promise<string | null> {
  const [account] = await db
    .select({ deactivatedAt: accounts.deactivatedAt, limit: captureSettings.extractionLimit })
    .from(accounts)
    .leftJoin(captureSettings, eq(captureSettings.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  if (!account) return DEACTIVATED_REASON;
  if (account.deactivatedAt) return DEACTIVATED_REASON;
  if (account.limit === null) return null;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [used] = await db
    .select({ n: count() })
    .from(items)
    .where(and(eq(items.accountId, accountId), gte(items.extractedAt, monthStart)));
  return (used?.n ?? 0) >= account.limit ? LIMIT_REASON : null;
}

/** Pipeline step "text/fields": runs extraction once and stores its result on the item. */
async function extractItem(ports: PipelinePorts, itemId: string, accountId: string): Promise<boolean> {
  const { db, clock } = ports;
  const reason = await waitReason(db, accountId, clock.now());
  if (reason) {
    await db
      .update(items)
      .set({ status: 'waiting', statusReason: reason, updatedAt: clock.now() })
      .where(eq(items.id, itemId));
    return false;
  }
  const [doc] = await db
    .select()
    .from(itemDocuments)
    .where(and(eq(itemDocuments.itemId, itemId), eq(itemDocuments.position, 0)));
  const [account] = await db
    .select({ country: accounts.country, currency: accounts.currency })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!doc || !account) return false;
  const known = await db
    .select({ name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.kind, 'supplier')))
    .limit(500);
  let result: ExtractionResult;
  try {
    const bytes = await ports.storage.get(doc.sha256);
    result = await ports.extract(
      { bytes, fileName: doc.fileName },
      { country: account.country, currency: account.currency, knownSuppliers: known.map((k) => k.name) },
    );
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    await db
      .update(items)
      .set({ status: 'failed', step: 'done', statusReason: error.message, updatedAt: clock.now() })
      .where(eq(items.id, itemId));
    return false;
  }
  const [item] = await db
    .select({ workspace: items.workspace, edited: items.editedFields })
    .from(items)
    .where(eq(items.id, itemId));
  const edited = new Set(item?.edited ?? []);
  const currency = result.currency ?? account.currency;
  const minor = (v: string | null) => (v === null ? null : toMinor(v, currency));
  const fields = {
    documentType: result.documentType === 'other' ? 'receipt' : result.documentType,
    contactName: item?.workspace === 'sales' ? result.customer.name : result.supplier.name,
    date: result.date,
    dueDate: result.dueDate,
    reference: result.invoiceNumber,
    currency,
    netMinor: minor(result.net),
    taxMinor: minor(result.tax),
    totalMinor: minor(result.total),
    cardLast4: result.cardLast4,
    lineItems: result.lineItems,
  };
  const kept = Object.fromEntries(Object.entries(fields).filter(([k]) => !edited.has(k)));
  await db
    .update(items)
    .set({
      ...kept,
      extraction: result,
      extractedAt: clock.now(),
      searchText: result.text.slice(0, 100_000),
      confidence: result.confidence,
      step: 'rules',
      stepStartedAt: null,
      updatedAt: clock.now(),
    })
    .where(and(eq(items.id, itemId), eq(items.step, 'extract')));
  if (doc.kind === 'pdf' && result.pageCount > 0) {
    await db
      .update(itemDocuments)
      .set({ pageCount: result.pageCount })
      .where(and(eq(itemDocuments.itemId, itemId), eq(itemDocuments.position, 0)));
  }
  return true;
}

/** For other modules (deactivation, billing): wake an account's waiting items. */
export async function resumeWaiting(
  db: Db,
  queue: JobQueue | null,
  accountId: string,
  clock: Clock,
): Promise<number> {
  const rows = await db
    .update(items)
    .set({ status: 'processing', statusReason: null, updatedAt: clock.now() })
    .where(and(eq(items.accountId, accountId), eq(items.status, 'waiting')))
    .returning({ id: items.id });
  const generation = `:w${clock.now().getTime()}`;
  for (const r of rows) await enqueueItemStep(queue, 'extract', r.id, generation);
  return rows.length;
}
