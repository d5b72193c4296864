/**
 * The one door Docket's publishing module uses to reach an accounting ledger (Xero,
 * QuickBooks Online). Types are vendor-neutral: money is integer minor units plus an ISO
 * 4217 currency, dates are "YYYY-MM-DD", tax rates are basis points. Every failure is a
 * `LedgerError` (ledger-error.ts) with a normalised code.
 */

export type LedgerKind = 'xero' | 'quickbooks';

export interface LedgerTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

/** An organisation (Xero tenant) or company (QuickBooks realm) the user granted access to. */
export interface LedgerTenant {
  readonly id: string;
  readonly name: string;
}

export interface LedgerGrant {
  readonly tokens: LedgerTokens;
  readonly tenants: readonly LedgerTenant[];
}

/** What every API call needs: a live access token and the organisation it acts on. */
export interface LedgerSession {
  readonly accessToken: string;
  readonly tenantId: string;
}

export type AccountKind =
  | 'expense'
  | 'revenue'
  | 'bank'
  | 'credit_card'
  | 'payable'
  | 'receivable'
  | 'asset'
  | 'liability'
  | 'equity';

export interface LedgerAccount {
  /** What a line refers to: Xero's account code (AccountID when it has none), QuickBooks' Id. */
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly kind: AccountKind;
  readonly currency: string | null;
  readonly active: boolean;
}

export interface LedgerTaxRate {
  /** Xero TaxType, QuickBooks TaxCode Id. */
  readonly id: string;
  readonly name: string;
  readonly rateBasisPoints: number;
  readonly purchases: boolean;
  readonly sales: boolean;
  readonly active: boolean;
}

export interface LedgerContact {
  readonly id: string;
  readonly name: string;
  readonly supplier: boolean;
  readonly customer: boolean;
  readonly currency: string | null;
  readonly active: boolean;
}

/** Xero tracking categories; QuickBooks classes and locations (departments). */
export interface LedgerTrackingCategory {
  readonly id: string;
  readonly name: string;
  readonly kind: 'tracking' | 'class' | 'location';
  readonly options: readonly { readonly id: string; readonly name: string; readonly active: boolean }[];
}

/** A QuickBooks product or service (Item): sales invoice lines post through one. */
export interface LedgerProduct {
  readonly id: string;
  readonly name: string;
  /** Service, Inventory, NonInventory, ... as the ledger names it. */
  readonly type: string;
  /** The income account the product posts sales to, when it has one. */
  readonly incomeAccountId: string | null;
  readonly active: boolean;
}

export interface LedgerOrganisation {
  readonly id: string;
  readonly name: string;
  readonly baseCurrency: string;
  readonly countryCode: string | null;
  /** The latest lock / close-the-books date, when the ledger exposes it. */
  readonly lockDate: string | null;
  readonly plan: string | null;
}

export interface LedgerLists {
  readonly organisation: LedgerOrganisation;
  readonly accounts: readonly LedgerAccount[];
  readonly bankAccounts: readonly LedgerAccount[];
  readonly taxRates: readonly LedgerTaxRate[];
  readonly contacts: readonly LedgerContact[];
  readonly tracking: readonly LedgerTrackingCategory[];
  readonly currencies: readonly string[];
  /** Products and services (QuickBooks); empty where lines need none (Xero). */
  readonly products: readonly LedgerProduct[];
}

export type PublishKind = 'bill' | 'spend_money' | 'sales_invoice';

export interface DraftLine {
  readonly description: string;
  /** Net or gross per `amountsInclude`, in minor units of the draft's currency. */
  readonly amountMinor: bigint;
  readonly accountId: string;
  readonly taxRateId: string | null;
  /** Only when the document states the tax; otherwise the ledger computes it. */
  readonly taxMinor?: bigint;
  /** QuickBooks sales lines post through an item (Product/Service). */
  readonly itemId?: string;
  readonly tracking: readonly { readonly categoryId: string; readonly optionId: string }[];
}

export interface PublishDraft {
  readonly kind: PublishKind;
  /** Same key, same outcome: retried publishes never create a second document. */
  readonly idempotencyKey: string;
  readonly contact: { readonly id: string } | { readonly name: string };
  readonly documentNumber: string | null;
  readonly reference: string | null;
  readonly date: string;
  readonly dueDate: string | null;
  readonly currency: string;
  readonly amountsInclude: 'exclusive' | 'inclusive' | 'no_tax';
  readonly status: 'draft' | 'awaiting_approval' | 'awaiting_payment';
  readonly lines: readonly DraftLine[];
  /** Spend money / QuickBooks purchases: the paying bank or card account. */
  readonly bankAccountId?: string;
  readonly paymentType?: 'cash' | 'check' | 'credit_card';
  /** A link back to the item in Docket ("Go to Docket" in Xero). */
  readonly sourceUrl?: string;
  /**
   * Publish as paid: after the (approved) bill or invoice is created, a payment of its total from
   * this bank account is recorded (Xero "Paid (where possible)").
   */
  readonly payment?: { readonly bankAccountId: string; readonly date: string };
}

/** A payment of a published bill or invoice from a bank account. */
export interface PaymentToRecord {
  /** Same key, same outcome: a retried payment is never recorded twice. */
  readonly idempotencyKey: string;
  readonly bankAccountId: string;
  readonly date: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly reference: string | null;
}

export interface RecordedPayment {
  readonly id: string;
  readonly amountMinor: bigint;
  readonly currency: string;
}

export interface PublishedDocument {
  readonly kind: PublishKind;
  readonly id: string;
  readonly number: string | null;
  readonly status: string;
  readonly totalMinor: bigint;
  readonly currency: string;
}

export interface FileToAttach {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface AttachedFile {
  readonly id: string;
  readonly fileName: string;
  readonly sizeBytes: number;
}

export interface LedgerPort {
  readonly kind: LedgerKind;
  /** The consent page to send the user to. */
  authorizeUrl(input: { readonly state: string; readonly redirectUri: string }): string;
  /** Trades the code from the redirect; QuickBooks also returns `realmId` there. */
  exchangeCode(input: {
    readonly code: string;
    readonly redirectUri: string;
    readonly realmId?: string;
  }): Promise<LedgerGrant>;
  /** Refresh tokens rotate: store the new pair, the old refresh token is dead. */
  refresh(refreshToken: string): Promise<LedgerTokens>;
  revoke(refreshToken: string): Promise<void>;
  fetchLists(session: LedgerSession): Promise<LedgerLists>;
  publish(session: LedgerSession, draft: PublishDraft): Promise<PublishedDocument>;
  attachFile(
    session: LedgerSession,
    document: Pick<PublishedDocument, 'kind' | 'id'>,
    file: FileToAttach,
  ): Promise<AttachedFile>;
  /** Pays a published bill or invoice (Xero PUT /Payments); refused where the ledger has no such call. */
  recordPayment(
    session: LedgerSession,
    document: Pick<PublishedDocument, 'kind' | 'id'>,
    payment: PaymentToRecord,
  ): Promise<RecordedPayment>;
  /** The live payments already recorded against a document (the look-up before a retried payment). */
  findPayments(
    session: LedgerSession,
    document: Pick<PublishedDocument, 'kind' | 'id'>,
  ): Promise<RecordedPayment[]>;
  /** The document already in the ledger with this number (and supplier), if any. */
  findExisting(
    session: LedgerSession,
    query: { readonly kind: PublishKind; readonly documentNumber: string; readonly contactId?: string },
  ): Promise<PublishedDocument | null>;
}
