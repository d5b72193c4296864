import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { items } from './capture';
import { accounts, users } from './identity';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const accountId = () =>
  uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });

export const ledgerSoftware = ['xero', 'quickbooks'] as const;
export type LedgerSoftware = (typeof ledgerSoftware)[number];
export const connectionStatuses = ['connected', 'needs_reconnecting', 'disconnected', 'error'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** An account's main accounting-software connection (Business settings > Connections). Tokens are sealed. */
export const ledgerConnections = pgTable('ledger_connections', {
  accountId: accountId().primaryKey(),
  software: text('software', { enum: ledgerSoftware }).notNull(),
  status: text('status', { enum: connectionStatuses }).notNull(),
  tenantId: text('tenant_id').notNull(),
  tenantName: text('tenant_name').notNull(),
  accessTokenSealed: text('access_token_sealed'),
  refreshTokenSealed: text('refresh_token_sealed'),
  expiresAt: at('expires_at'),
  lastSyncAt: at('last_sync_at'),
  /** A list refresh is running until then (one per account at a time, across processes; 0107). */
  listsRefreshingUntil: at('lists_refreshing_until'),
  lastError: text('last_error'),
  connectedByUserId: uuid('connected_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  connectedAt: at('connected_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** One-time OAuth `state` values, bound to the account and the browser session that started the connect. */
export const ledgerOauthStates = pgTable(
  'ledger_oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    accountId: accountId(),
    sessionHash: text('session_hash').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    software: text('software', { enum: ledgerSoftware }).notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('ledger_oauth_states_account_idx').on(t.accountId)],
);

export const ledgerListKinds = [
  'organisation',
  'account',
  'bank_account',
  'tax_rate',
  'contact',
  'tracking',
  'currency',
  'item',
] as const;
export type LedgerListKind = (typeof ledgerListKinds)[number];

/** The ledger's lists as last imported; `docketId` links a row to Docket's own list entry (category, tax rate, contact). */
export const ledgerListEntries = pgTable(
  'ledger_list_entries',
  {
    accountId: accountId(),
    kind: text('kind', { enum: ledgerListKinds }).notNull(),
    ledgerId: text('ledger_id').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    docketId: uuid('docket_id'),
    syncedAt: at('synced_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.kind, t.ledgerId] }),
    index('ledger_list_entries_docket_idx').on(t.accountId, t.docketId),
  ],
);

/** Publishing settings per account: destinations, statuses, tax policy, line mode, auto-publish. */
export const publishingSettings = pgTable('publishing_settings', {
  accountId: accountId().primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** A payment method's link to a ledger bank/card account, its QuickBooks payment type and auto-publish override. */
export const paymentMethodLinks = pgTable(
  'payment_method_links',
  {
    accountId: accountId(),
    paymentMethodId: uuid('payment_method_id').notNull(),
    bankAccountId: text('bank_account_id'),
    paymentType: text('payment_type', { enum: ['cash', 'check', 'credit_card'] }),
    autoPublish: boolean('auto_publish'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.paymentMethodId] })],
);

/** A payment Docket owes the ledger for a document published as paid (Xero "Paid (where possible)"). */
export interface PublicationPayment {
  readonly bankAccountId: string;
  readonly date: string;
  /** Minor units, as a decimal string (jsonb has no bigint). */
  readonly amountMinor: string;
  readonly currency: string;
  /** Sent with the payment call: a retry replays the first answer instead of paying again. */
  readonly idempotencyKey: string;
  /** The ledger's payment id once created; null while it is still owed. */
  readonly id: string | null;
}

export const publicationStates = ['held', 'queued', 'publishing', 'published', 'failed'] as const;
export type PublicationState = (typeof publicationStates)[number];

/**
 * What Docket knows about an item's document in the ledger. One row per item; `generation` moves on
 * when a person clears the publishing data, `attempt` after each definite failure, and together they
 * make the idempotency key sent to the ledger.
 */
export const publications = pgTable(
  'publications',
  {
    itemId: uuid('item_id')
      .primaryKey()
      .references(() => items.id, { onDelete: 'cascade' }),
    accountId: accountId(),
    software: text('software', { enum: ledgerSoftware }),
    tenantId: text('tenant_id'),
    state: text('state', { enum: publicationStates }).notNull(),
    generation: integer('generation').notNull().default(1),
    attempt: integer('attempt').notNull().default(1),
    kind: text('kind'),
    ledgerDocumentId: text('ledger_document_id'),
    ledgerNumber: text('ledger_number'),
    ledgerStatus: text('ledger_status'),
    ledgerUrl: text('ledger_url'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    attachmentError: text('attachment_error'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorFix: text('error_fix'),
    vendorMessage: text('vendor_message'),
    problems: jsonb('problems')
      .$type<{ code: string; message: string; fix: string }[]>()
      .notNull()
      .default([]),
    auto: boolean('auto').notNull().default(false),
    /** Paid publishing: the payment owed or made; it is created once, after the document. */
    payment: jsonb('payment').$type<PublicationPayment>(),
    /** What the user should know about a successful publish (e.g. "published as Awaiting Payment because ..."). */
    note: text('note'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    publishedAt: at('published_at'),
  },
  (t) => [
    index('publications_account_state_idx').on(t.accountId, t.state),
    // Ids are unique per kind of document (QuickBooks numbers bills, purchases and invoices apart).
    uniqueIndex('publications_ledger_document_key')
      .on(t.accountId, t.software, t.kind, t.ledgerDocumentId)
      .where(sql`${t.ledgerDocumentId} is not null`),
  ],
);
