import { LedgerError } from '../../integrations/ledgers/ledger-error';
import type {
  LedgerPort,
  LedgerSession,
  PublishDraft,
  PublishedDocument,
} from '../../integrations/ledgers/port';
import { Retryable } from '../../lib/errors';
import { publishingHooks } from '../review';
import { LISTS_MAX_AGE_MS, type PublishingContext } from './context';
import {
  ConnectionProblem,
  markNeedsReconnecting,
  openSession,
  refreshLists,
  refreshSession,
} from './connections';
import { explainFailure } from './error-catalogue';
import { payDocument } from './pay-document';
import { idempotencyKeyOf, planPublication, type Problem } from './publishing';
import {
  approvedBillsSince,
  billsInFlightAhead,
  claimPublication,
  getConnection,
  getPublication,
  getSettings,
  listEntries,
  paymentMethodLinksOf,
  publishedNumberExists,
  upsertPublication,
  type ConnectionRow,
  type PublicationRow,
  type Tenant,
} from './publishing.repo';
import { itemToPublish, snapshotOf } from './snapshot';
import { productsOf } from './products';
import type { PublicationPayment } from '../../db/schema';

export type PublishOutcome = 'published' | 'held' | 'failed' | 'skipped';

const CLAIM_STALE_MS = 15 * 60_000;
const IMAGE_FAILED = 'Sorry, we were not able to publish the image for this item.';

interface Run {
  readonly ctx: PublishingContext;
  readonly tenant: Tenant;
  readonly itemId: string;
  readonly userId: string | null;
}

/**
 * Publishes one item: the "already published" guard, the connection, the pre-check, the create
 * call with the publication's idempotency key (a look-up before retrying a timed-out call), the
 * original documents attached, then Archive. Safe to run again at any point.
 */
export async function publishItem(
  ctx: PublishingContext,
  tenant: Tenant,
  itemId: string,
  options: { userId?: string | null } = {},
): Promise<PublishOutcome> {
  const run: Run = { ctx, tenant, itemId, userId: options.userId ?? null };
  const found = await publishingHooks.itemForPublishing(ctx.db, tenant, itemId);
  if (found === null) return 'skipped';
  const existing = await getPublication(ctx.db, tenant, itemId);
  if (existing?.state === 'published') return 'skipped';
  if (!['ready', 'to_review'].includes(found.item.status) && existing?.ledgerDocumentId == null)
    return 'skipped';
  const now = ctx.clock.now();
  const claimed = await claimPublication(
    ctx.db,
    tenant,
    itemId,
    now,
    new Date(now.getTime() - CLAIM_STALE_MS),
  );
  if (claimed === null) return 'skipped';

  let live: Awaited<ReturnType<typeof openSession>>;
  try {
    live = await openSession(ctx, tenant);
  } catch (error) {
    if (error instanceof ConnectionProblem)
      return fail(run, claimed, { code: 'connection', message: error.message, fix: '', vendorMessage: null });
    await upsertPublication(ctx.db, tenant, itemId, { state: 'queued', updatedAt: ctx.clock.now() });
    throw error;
  }
  const { connection, port } = live;
  let session = live.session;
  const base = { software: connection.software, tenantId: connection.tenantId };

  let document: PublishedDocument | null = null;
  let draft: PublishDraft | null = null;
  let payment: PublicationPayment | null = claimed.payment;
  let note: string | null = claimed.note;
  const resumed = claimed.ledgerDocumentId !== null;
  if (claimed.ledgerDocumentId !== null && claimed.kind !== null) {
    // Created by an earlier run that stopped before attaching: never create it twice.
    document = {
      kind: claimed.kind as PublishedDocument['kind'],
      id: claimed.ledgerDocumentId,
      number: claimed.ledgerNumber,
      status: claimed.ledgerStatus ?? '',
      totalMinor: 0n,
      currency: '',
    };
  } else {
    const planned = await plan(run, connection, port, session, claimed, found.item);
    if (!planned.ok) {
      await upsertPublication(ctx.db, tenant, itemId, {
        ...base,
        state: 'held',
        problems: [...planned.problems],
        updatedAt: ctx.clock.now(),
      });
      const message = `Held before publishing: ${planned.problems.map((p) => `${p.message} ${p.fix}`).join(' ')}`;
      await publishingHooks.holdItemForReview(ctx.db, tenant, itemId, ctx.clock.now(), message, run.userId);
      return 'held';
    }
    draft = planned.draft;
    note = planned.note;
    try {
      document = await create(run, connection, port, session, draft, (s) => (session = s));
    } catch (error) {
      if (error instanceof ConnectionProblem)
        return fail(run, claimed, {
          code: 'connection',
          message: error.message,
          fix: '',
          vendorMessage: null,
        });
      if (!(error instanceof LedgerError)) throw error;
      if (error.retryable) {
        await upsertPublication(ctx.db, tenant, itemId, {
          ...base,
          state: 'queued',
          updatedAt: ctx.clock.now(),
        });
        throw new Retryable(error.vendorMessage, {
          cause: error,
          ...(error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
        });
      }
      const explained = explainFailure(connection.software, error);
      return fail(run, claimed, explained);
    }
    await upsertPublication(ctx.db, tenant, itemId, {
      ...base,
      state: 'publishing',
      kind: document.kind,
      ledgerDocumentId: document.id,
      ledgerNumber: document.number,
      ledgerStatus: document.status,
      ledgerUrl: ctx.ledgers.documentUrl(connection.software, connection.tenantId, document),
      // The payment owed is stored with the document, so a later run pays it (once) instead of creating again.
      payment: (payment = paymentOwed(draft, document)),
      note,
      updatedAt: ctx.clock.now(),
    });
  }

  let paid = false;
  if (payment !== null) {
    const outcome = await payDocument({
      ctx,
      tenant,
      itemId,
      connection,
      port,
      session,
      document,
      payment,
      resumed,
    });
    payment = outcome.payment;
    paid = outcome.paid;
    if (!outcome.paid) note = outcome.note;
  }

  const attachment = await attach(run, connection, port, session, document, found.documents);
  const at = ctx.clock.now();
  await upsertPublication(ctx.db, tenant, itemId, {
    ...base,
    state: 'published',
    kind: document.kind,
    ledgerDocumentId: document.id,
    ledgerNumber: document.number,
    ledgerStatus: paid ? 'PAID' : document.status,
    ledgerUrl: ctx.ledgers.documentUrl(connection.software, connection.tenantId, document),
    payment,
    note,
    attachmentIds: attachment.ids,
    attachmentError: attachment.error,
    errorCode: null,
    errorMessage: null,
    errorFix: null,
    vendorMessage: null,
    problems: [],
    publishedAt: at,
    updatedAt: at,
  });
  const label = ctx.ledgers.label(connection.software);
  const published = `Published to ${label} (${document.kind.replace('_', ' ')}${document.number === null ? '' : ` ${document.number}`})${paid ? ' as Paid' : ''}.`;
  const text = note === null ? published : `${published} ${note}`;
  await publishingHooks.markItemPublished(ctx.db, tenant, itemId, at, text, run.userId);
  return 'published';
}

async function plan(
  run: Run,
  connection: ConnectionRow,
  port: LedgerPort,
  session: LedgerSession,
  claimed: PublicationRow,
  row: publishingHooks.ItemRow,
) {
  const { ctx, tenant } = run;
  const age = ctx.clock.now().getTime() - (connection.lastSyncAt?.getTime() ?? 0);
  // One refresh per account at a time: if another job is refreshing, lists under 5 minutes old are used.
  if (age > LISTS_MAX_AGE_MS)
    await refreshLists(ctx, tenant, { ifOlderThanMs: LISTS_MAX_AGE_MS }).catch(() => undefined);
  const item = itemToPublish(row);
  const entries = await listEntries(ctx.db, tenant);
  const links = snapshotOf(entries, item.currency ?? 'GBP');
  const settings = await getSettings(ctx.db, tenant);
  const pmLink = (await paymentMethodLinksOf(ctx.db, tenant)).find(
    (l) => l.paymentMethodId === row.paymentMethodId,
  );
  let duplicateNumber = false;
  if (item.workspace === 'sales' && item.reference !== null) {
    duplicateNumber = await publishedNumberExists(ctx.db, tenant, item.id, item.reference);
    if (!duplicateNumber) {
      const found = await ctx.limiter.run(connection.software, connection.tenantId, () =>
        port.findExisting(session, { kind: 'sales_invoice', documentNumber: item.reference ?? '' }),
      );
      duplicateNumber = found !== null;
    }
  } else if (item.reference !== null && connection.software === 'quickbooks') {
    // QuickBooks refuses a bill number already used for the supplier (its duplicate-number
    // warning is on by default); Docket's own publications are checked, without a call.
    duplicateNumber = await publishedNumberExists(ctx.db, tenant, item.id, item.reference, {
      contactId: item.contactId,
      contactName: item.contactName,
    });
  }
  const month = new Date(`${ctx.clock.now().toISOString().slice(0, 7)}-01T00:00:00Z`);
  return planPublication(
    {
      software: connection.software,
      settings,
      item,
      ledger: links.snapshot,
      categoryLinks: links.categoryLinks,
      taxRateLinks: links.taxRateLinks,
      products: productsOf(entries),
      paymentMethod:
        pmLink === undefined
          ? null
          : { bankAccountId: pmLink.bankAccountId, paymentType: pmLink.paymentType },
      duplicateNumber,
      approvedBillsThisMonth:
        (await approvedBillsSince(ctx.db, tenant, connection.tenantId, month)) +
        (await billsInFlightAhead(ctx.db, tenant, item.id, claimed.updatedAt)),
      sourceUrl: `${ctx.publicBaseUrl}/accounts/${tenant.accountId}/items/${item.id}`,
    },
    idempotencyKeyOf(item.id, claimed.generation, claimed.attempt),
  );
}

/** Paid publishing: the whole total of the created document, from the payment method's bank account. */
function paymentOwed(draft: PublishDraft, document: PublishedDocument): PublicationPayment | null {
  if (draft.payment === undefined) return null;
  return {
    bankAccountId: draft.payment.bankAccountId,
    date: draft.payment.date,
    amountMinor: document.totalMinor.toString(),
    currency: document.currency === '' ? draft.currency : document.currency,
    idempotencyKey: `${draft.idempotencyKey}-payment`,
    id: null,
  };
}

/** The create call: 401 -> refresh once; timeout -> look the document up before the job retries. */
async function create(
  run: Run,
  connection: ConnectionRow,
  port: LedgerPort,
  session: LedgerSession,
  draft: PublishDraft,
  setSession: (s: LedgerSession) => void,
): Promise<PublishedDocument> {
  const { ctx, tenant } = run;
  const call = (s: LedgerSession) =>
    ctx.limiter.run(connection.software, connection.tenantId, () => port.publish(s, draft));
  try {
    return await call(session);
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'unauthorized') {
      const fresh = await refreshSession(ctx, tenant, connection, port);
      setSession(fresh);
      try {
        return await call(fresh);
      } catch (again) {
        if (again instanceof LedgerError && again.code === 'unauthorized') {
          await markNeedsReconnecting(ctx, tenant, again.vendorMessage);
          throw new ConnectionProblem(
            `${ctx.ledgers.label(connection.software)} did not accept the connection. ${explainFailure(connection.software, again).fix}`,
          );
        }
        throw again;
      }
    }
    if (
      error instanceof LedgerError &&
      (error.code === 'timeout' || error.code === 'unavailable') &&
      draft.documentNumber !== null
    ) {
      const contactId = 'id' in draft.contact ? draft.contact.id : undefined;
      const found = await ctx.limiter
        .run(connection.software, connection.tenantId, () =>
          port.findExisting(session, {
            kind: draft.kind,
            documentNumber: draft.documentNumber ?? '',
            ...(contactId === undefined ? {} : { contactId }),
          }),
        )
        .catch(() => null);
      if (found !== null) return found;
    }
    throw error;
  }
}

async function attach(
  run: Run,
  connection: ConnectionRow,
  port: LedgerPort,
  session: LedgerSession,
  document: PublishedDocument,
  documents: readonly publishingHooks.ItemDocumentRef[],
): Promise<{ ids: string[]; error: string | null }> {
  const ids: string[] = [];
  try {
    for (const [i, doc] of documents.entries()) {
      const bytes = await run.ctx.storage.get(doc.sha256);
      const fileName = doc.fileName.trim() === '' ? `document-${i + 1}.${doc.kind}` : doc.fileName;
      const attached = await run.ctx.limiter.run(connection.software, connection.tenantId, () =>
        port.attachFile(session, document, {
          fileName,
          contentType: contentTypeOf(doc.kind, fileName),
          bytes: new Uint8Array(bytes),
        }),
      );
      ids.push(attached.id);
    }
    return { ids, error: null };
  } catch (error) {
    run.ctx.logger?.warn({ err: error, itemId: run.itemId }, 'attachment failed');
    return { ids, error: IMAGE_FAILED };
  }
}

function contentTypeOf(kind: string, fileName: string): string {
  const k = `${kind} ${fileName}`.toLowerCase();
  if (k.includes('pdf')) return 'application/pdf';
  if (/png/.test(k)) return 'image/png';
  if (/jpe?g/.test(k)) return 'image/jpeg';
  if (/gif/.test(k)) return 'image/gif';
  if (/tiff?/.test(k)) return 'image/tiff';
  return 'application/octet-stream';
}

/** A definite failure: Ready (yellow) with the plain message and fix; the next attempt gets a new key. */
async function fail(
  run: Run,
  claimed: PublicationRow,
  error: Pick<Problem, 'code' | 'message' | 'fix'> & { vendorMessage: string | null },
): Promise<PublishOutcome> {
  const { ctx, tenant, itemId } = run;
  const at = ctx.clock.now();
  const connection = await getConnection(ctx.db, tenant);
  await upsertPublication(ctx.db, tenant, itemId, {
    software: connection?.software ?? null,
    tenantId: connection?.tenantId ?? null,
    state: 'failed',
    attempt: claimed.attempt + 1,
    errorCode: error.code,
    errorMessage: error.message,
    errorFix: error.fix,
    vendorMessage: error.vendorMessage,
    problems: [],
    updatedAt: at,
  });
  const message = [error.message, error.fix, error.vendorMessage === null ? '' : `(${error.vendorMessage})`]
    .filter((s) => s !== '')
    .join(' ');
  await publishingHooks.markItemPublishFailed(ctx.db, tenant, itemId, at, message, run.userId);
  return 'failed';
}
