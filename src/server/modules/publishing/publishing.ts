/**
 * Pure publishing rules (no I/O): the types they share, the plan (pre-check, then draft) and the
 * idempotency key. The rules live beside it: precheck.ts (what the ledger would refuse), draft.ts
 * (destination and the document to create), auto-publish.ts (whether an item publishes on its own).
 */
import type { PublishingSettings } from '../../../shared/contracts/publishing';
import type { LedgerKind, PublishDraft } from '../../integrations/ledgers/port';
import { buildDraft, destinationOf } from './draft';
import { precheck } from './precheck';

export { autoPublishes } from './auto-publish';
export {
  buildDraft,
  destinationOf,
  ledgerCalculatesTax,
  linesOf,
  productOf,
  purchasePaymentType,
  type Destination,
} from './draft';
export { isSmallXeroPlan, precheck, SMALL_PLAN_APPROVED_BILLS } from './precheck';

export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

export interface SnapshotAccount {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly kind: string;
  readonly currency: string | null;
}
export interface SnapshotTaxRate {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly purchases: boolean;
  readonly sales: boolean;
}
/** A QuickBooks product or service (Item). */
export interface SnapshotProduct {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly incomeAccountId: string | null;
}

export interface SnapshotContact {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
}

/** The ledger as Docket last imported it. */
export interface LedgerSnapshot {
  readonly baseCurrency: string;
  readonly lockDate: string | null;
  readonly plan: string | null;
  readonly currencies: readonly string[];
  readonly accounts: ReadonlyMap<string, SnapshotAccount>;
  readonly taxRates: ReadonlyMap<string, SnapshotTaxRate>;
  /** By Docket contact id. */
  readonly contacts: ReadonlyMap<string, SnapshotContact>;
  /** Archived or inactive contacts by lower-case name: a document sent with that name is refused. */
  readonly inactiveContactsByName?: ReadonlyMap<string, SnapshotContact>;
}

export interface ItemLine {
  /** Tracking options (ledger ids): Xero tracking, QuickBooks class / location. */
  readonly tracking?: readonly { readonly categoryId: string; readonly optionId: string }[];
  readonly description: string | null;
  readonly amountMinor: bigint | null;
  readonly taxMinor: bigint | null;
  readonly categoryId: string | null;
  readonly taxRateId: string | null;
  /** The ledger product or service the line names (QuickBooks sales), when it names one. */
  readonly productId?: string | null;
}

export interface ItemToPublish {
  /** Tracking options (ledger ids): Xero tracking, QuickBooks class / location. */
  readonly tracking?: readonly { readonly categoryId: string; readonly optionId: string }[];
  readonly id: string;
  readonly workspace: 'costs' | 'sales';
  readonly contactId: string | null;
  readonly contactName: string | null;
  readonly date: string | null;
  readonly dueDate: string | null;
  readonly reference: string | null;
  readonly description: string | null;
  readonly currency: string | null;
  readonly netMinor: bigint | null;
  readonly taxMinor: bigint | null;
  readonly totalMinor: bigint | null;
  readonly categoryId: string | null;
  readonly taxRateId: string | null;
  readonly paid: boolean | null;
  readonly lines: readonly ItemLine[];
}

export interface PublishInput {
  readonly software: LedgerKind;
  readonly settings: PublishingSettings;
  readonly item: ItemToPublish;
  readonly ledger: LedgerSnapshot;
  /** Docket category id -> ledger account id. */
  readonly categoryLinks: ReadonlyMap<string, string>;
  /** Docket tax rate id -> ledger tax rate id. */
  readonly taxRateLinks: ReadonlyMap<string, string>;
  /** QuickBooks products and services by ledger id (sales invoice lines post through one). */
  readonly products?: ReadonlyMap<string, SnapshotProduct>;
  readonly paymentMethod: {
    readonly bankAccountId: string | null;
    readonly paymentType: 'cash' | 'check' | 'credit_card' | null;
  } | null;
  /** Another live document with this number (and supplier) exists in the ledger or was published by Docket. */
  readonly duplicateNumber: boolean;
  /** Non-draft bills Docket published to this organisation this month (small Xero plans). */
  readonly approvedBillsThisMonth: number;
  readonly sourceUrl?: string;
}

export type Plan =
  | { readonly ok: true; readonly draft: PublishDraft; readonly note: string | null }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Pre-check, then the draft. */
export function planPublication(input: PublishInput, idempotencyKey: string): Plan {
  const problems = precheck(input);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, draft: buildDraft(input, idempotencyKey), note: destinationOf(input).note };
}

/** The key sent to the ledger: the same for retries of one attempt, new after a definite failure or a clear. */
export function idempotencyKeyOf(itemId: string, generation: number, attempt: number): string {
  return `${itemId}-g${generation}-a${attempt}`;
}
