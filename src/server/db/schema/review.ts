import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { duplicateModes, workspaces } from './capture';
import { accounts } from './identity';

const accountId = () =>
  uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * A tracking option picked on an item (or one of its line items, by 0-based index; null is the whole
 * item): the ledger's ids as imported (Xero tracking category and option; QuickBooks "class" or
 * "location" and the class or department id).
 */
export interface TrackingPick {
  categoryId: string;
  optionId: string;
  line: number | null;
}

export const contactKinds = ['supplier', 'customer'] as const;
export type ContactKind = (typeof contactKinds)[number];

/** Suppliers (Costs) and customers (Sales), with the rules applied to their items. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    kind: text('kind', { enum: contactKinds }).notNull(),
    name: text('name').notNull(),
    /** Lower-case name without punctuation or company suffixes, for matching. */
    matchKey: text('match_key').notNull(),
    categoryId: uuid('category_id'),
    taxRateId: uuid('tax_rate_id'),
    paymentMethodId: uuid('payment_method_id'),
    description: text('description'),
    currency: text('currency'),
    paid: boolean('paid'),
    autoPublish: boolean('auto_publish').notNull().default(false),
    duplicateMode: text('duplicate_mode', { enum: duplicateModes }),
    /** Default tracking options for the supplier's items (whole item picks only). */
    tracking: jsonb('tracking').$type<TrackingPick[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_account_kind_key').on(t.accountId, t.kind, t.matchKey)],
);

/** The chart of accounts items are coded to. */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    name: text('name').notNull(),
    code: text('code'),
    visible: boolean('visible').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('categories_account_name_key').on(t.accountId, sql`lower(${t.name})`)],
);

/** Tax rates, separately for Costs and Sales; the rate is a decimal percentage string. */
export const taxRates = pgTable(
  'tax_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    workspace: text('workspace', { enum: workspaces }).notNull(),
    name: text('name').notNull(),
    code: text('code'),
    rate: text('rate').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('tax_rates_account_idx').on(t.accountId, t.workspace)],
);

/** Payment methods; a card's last 4 digits match the digits read from a receipt. */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    name: text('name').notNull(),
    cardLast4: text('card_last4'),
    createdAt: createdAt(),
  },
  (t) => [index('payment_methods_account_idx').on(t.accountId)],
);
