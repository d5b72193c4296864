import { z } from 'zod';

/** Publishing: connections to accounting software, publishing settings, publications. */

export const Software = z.enum(['xero', 'quickbooks']);
export type Software = z.infer<typeof Software>;

export const SoftwareParams = z.strictObject({ accountId: z.uuid(), software: Software });
export const ItemParams = z.strictObject({ accountId: z.uuid(), itemId: z.uuid() });
export const PaymentMethodParams = z.strictObject({ accountId: z.uuid(), paymentMethodId: z.uuid() });

export const ConnectionStatus = z.enum(['connected', 'needs_reconnecting', 'disconnected', 'error']);

/** Business settings > Connections. */
export const ConnectionView = z.object({
  software: Software,
  /** "Xero (simulated)" when the demo simulators stand in for the vendor. */
  softwareName: z.string(),
  status: ConnectionStatus,
  organisation: z.object({ id: z.string(), name: z.string() }),
  lastSyncAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  connectedAt: z.iso.datetime(),
  /** What to do about the status, for people. */
  help: z.string().nullable(),
});

export const SoftwareOption = z.object({
  id: z.string(),
  name: z.string(),
  supported: z.boolean(),
  note: z.string().nullable(),
});

export const ConnectionsPage = z.object({
  connection: ConnectionView.nullable(),
  software: z.array(SoftwareOption),
});

export const ConnectStart = z.object({ authorizeUrl: z.url() });

export const CallbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  realmId: z.string().optional(),
  error: z.string().optional(),
  scope: z.string().optional(),
});

export const Status = z.enum(['draft', 'awaiting_approval', 'awaiting_payment']);

export const PublishingSettings = z.strictObject({
  costs: z.strictObject({
    /** Xero: Purchases (bills) or Bank Accounts (Spend Money). QuickBooks: bill, or a purchase when paid. */
    destination: z.enum(['purchases', 'bank']).default('purchases'),
    status: z.enum(['draft', 'awaiting_approval', 'awaiting_payment', 'paid']).default('awaiting_payment'),
  }),
  sales: z.strictObject({
    /** Xero: "paid" publishes the invoice approved and records its payment (Paid where possible). */
    status: z.enum(['draft', 'awaiting_approval', 'awaiting_payment', 'paid']).default('awaiting_payment'),
    /** QuickBooks: the product or service (ledger Item id) a sales line posts through when the line names none. */
    defaultItemId: z.string().min(1).max(100).nullable().default(null),
  }),
  /** extracted: send the tax read from the document; ledger: let the ledger calculate; exceptions: extracted but the ledger calculates for the listed categories. */
  taxPolicy: z.enum(['extracted', 'ledger', 'extracted_with_exceptions']).default('extracted'),
  taxExceptionCategoryIds: z.array(z.uuid()).max(500).default([]),
  lineMode: z.enum(['lines', 'summary']).default('summary'),
  /** off; rules: suppliers and payment methods marked auto-publish; all: every Ready item except the listed suppliers. */
  autoPublish: z.enum(['off', 'rules', 'all']).default('rules'),
  autoPublishExceptContactIds: z.array(z.uuid()).max(500).default([]),
});
export type PublishingSettings = z.infer<typeof PublishingSettings>;

export const DEFAULT_PUBLISHING_SETTINGS: PublishingSettings = {
  costs: { destination: 'purchases', status: 'awaiting_payment' },
  sales: { status: 'awaiting_payment', defaultItemId: null },
  taxPolicy: 'extracted',
  taxExceptionCategoryIds: [],
  lineMode: 'summary',
  autoPublish: 'rules',
  autoPublishExceptContactIds: [],
};

export const ListEntry = z.object({
  kind: z.enum([
    'organisation',
    'account',
    'bank_account',
    'tax_rate',
    'contact',
    'tracking',
    'currency',
    'item',
  ]),
  ledgerId: z.string(),
  name: z.string(),
  active: z.boolean(),
  docketId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const LedgerLists = z.object({ lastSyncAt: z.iso.datetime().nullable(), entries: z.array(ListEntry) });

export const PaymentMethodLink = z.strictObject({
  bankAccountId: z.string().nullable(),
  paymentType: z.enum(['cash', 'check', 'credit_card']).nullable(),
  /** Wins over the supplier's auto-publish; null follows the supplier. */
  autoPublish: z.boolean().nullable(),
});
export const PaymentMethodLinks = z.object({
  links: z.array(PaymentMethodLink.extend({ paymentMethodId: z.uuid() })),
});

export const Problem = z.object({ code: z.string(), message: z.string(), fix: z.string() });

export const PublicationView = z.object({
  itemId: z.uuid(),
  state: z.enum(['held', 'queued', 'publishing', 'published', 'failed']),
  software: Software.nullable(),
  kind: z.string().nullable(),
  ledgerDocumentId: z.string().nullable(),
  ledgerNumber: z.string().nullable(),
  ledgerStatus: z.string().nullable(),
  /** "Open in Xero" / "Open in QuickBooks". */
  ledgerUrl: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  attachmentError: z.string().nullable(),
  /** Ready (yellow): the last failure, kept until a publish succeeds. */
  error: z
    .object({ code: z.string(), message: z.string(), fix: z.string(), vendorMessage: z.string().nullable() })
    .nullable(),
  /** To review: what the pre-check found. */
  problems: z.array(Problem),
  /** Published as paid: the ledger's payment id once the payment is recorded. */
  paymentId: z.string().nullable(),
  /** What to know about a publish that went through (e.g. published as Awaiting Payment, and why). */
  note: z.string().nullable(),
  auto: z.boolean(),
  publishedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type PublicationView = z.infer<typeof PublicationView>;

export const PublicationList = z.object({ publications: z.array(PublicationView) });
export const PublicationQuery = z.object({ itemId: z.array(z.uuid()).or(z.uuid()).optional() });

export const PublishBody = z.strictObject({ itemIds: z.array(z.uuid()).min(1).max(500) });
export const PublishResult = z.object({
  queued: z.array(z.uuid()),
  skipped: z.array(z.object({ itemId: z.uuid(), reason: z.string() })),
});

export const ExportBody = z.strictObject({
  itemIds: z.array(z.uuid()).min(1).max(5000),
  /** Archive the exported items (clients without accounting software). */
  archive: z.boolean().default(true),
});
