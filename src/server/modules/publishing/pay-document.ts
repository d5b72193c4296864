import type { PublicationPayment } from '../../db/schema';
import { LedgerError } from '../../integrations/ledgers/ledger-error';
import type {
  LedgerPort,
  LedgerSession,
  PublishedDocument,
  RecordedPayment,
} from '../../integrations/ledgers/port';
import { Retryable } from '../../lib/errors';
import type { PublishingContext } from './context';
import { refreshSession } from './connections';
import { explainFailure } from './error-catalogue';
import { upsertPublication, type ConnectionRow, type Tenant } from './publishing.repo';

/**
 * Xero "Paid (where possible)": the payment of a bill or invoice Docket just created (approved).
 * It is recorded at most once: the intent is stored with the document id before the call, the
 * call carries its own idempotency key (a retry replays the first answer), and a run that
 * resumes an owed payment first looks for one already on the document.
 */

export interface PaymentStep {
  readonly ctx: PublishingContext;
  readonly tenant: Tenant;
  readonly itemId: string;
  readonly connection: ConnectionRow;
  readonly port: LedgerPort;
  readonly session: LedgerSession;
  readonly document: Pick<PublishedDocument, 'kind' | 'id' | 'number'>;
  readonly payment: PublicationPayment;
  /** True when an earlier run may have sent the payment already (resumed publish). */
  readonly resumed: boolean;
}

export type PaymentOutcome =
  | { readonly paid: true; readonly payment: PublicationPayment }
  | { readonly paid: false; readonly payment: PublicationPayment; readonly note: string };

/** Pays the document, or explains why it stays Awaiting Payment. Throws Retryable to try again later. */
export async function payDocument(step: PaymentStep): Promise<PaymentOutcome> {
  const { ctx, connection, payment } = step;
  if (payment.id !== null) return { paid: true, payment };
  let session = step.session;
  const limited = <T>(call: () => Promise<T>) =>
    ctx.limiter.run(connection.software, connection.tenantId, call);
  const lookUp = async (): Promise<RecordedPayment | null> =>
    (await limited(() => step.port.findPayments(session, step.document)))[0] ?? null;
  const record = () =>
    limited(() =>
      step.port.recordPayment(session, step.document, {
        idempotencyKey: payment.idempotencyKey,
        bankAccountId: payment.bankAccountId,
        date: payment.date,
        amountMinor: BigInt(payment.amountMinor),
        currency: payment.currency,
        reference: step.document.number,
      }),
    );

  try {
    const earlier = step.resumed ? await lookUp() : null;
    const made = earlier ?? (await record().catch(retryUnauthorized));
    return { paid: true, payment: await saved(step, { ...payment, id: made.id }) };
  } catch (error) {
    if (!(error instanceof LedgerError)) {
      // E.g. the connection needs reconnecting: the payment stays owed for the next run.
      await upsertPublication(ctx.db, step.tenant, step.itemId, {
        state: 'queued',
        updatedAt: ctx.clock.now(),
      });
      throw error;
    }
    if (error.retryable) {
      // A timed-out call may have gone through: look before the job tries again.
      const found = await lookUp().catch(() => null);
      if (found !== null) return { paid: true, payment: await saved(step, { ...payment, id: found.id }) };
      await upsertPublication(ctx.db, step.tenant, step.itemId, {
        state: 'queued',
        updatedAt: ctx.clock.now(),
      });
      throw new Retryable(error.vendorMessage, {
        cause: error,
        ...(error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
      });
    }
    const explained = explainFailure(connection.software, error);
    const label = ctx.ledgers.label(connection.software);
    return {
      paid: false,
      payment,
      note: `Published as Awaiting Payment: ${label} refused the payment. ${explained.message} ${explained.fix}`.trim(),
    };
  }

  async function retryUnauthorized(error: unknown): Promise<RecordedPayment> {
    if (!(error instanceof LedgerError) || error.code !== 'unauthorized') throw error;
    session = await refreshSession(ctx, step.tenant, connection, step.port);
    return record();
  }
}

async function saved(step: PaymentStep, payment: PublicationPayment): Promise<PublicationPayment> {
  await upsertPublication(step.ctx.db, step.tenant, step.itemId, {
    state: 'publishing',
    payment,
    ledgerStatus: 'PAID',
    updatedAt: step.ctx.clock.now(),
  });
  return payment;
}
