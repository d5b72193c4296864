import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { accounts, users } from './identity';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * The link between a business (the client) and the practice that serves it. A business has at most
 * one active or pending link at a time; ended links stay as history. A pending link waits for a
 * firm that is not on Docket yet to sign up with the invited email.
 */
export const clientLinks = pgTable(
  'client_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessAccountId: uuid('business_account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    practiceAccountId: uuid('practice_account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    invitedEmail: text('invited_email'),
    status: text('status', { enum: ['pending', 'active', 'ended'] }).notNull(),
    /** Who pays for the business's subscription while linked. */
    payer: text('payer', { enum: ['client', 'practice'] }).notNull().default('client'),
    practiceCode: text('practice_code'),
    accountManagerUserId: uuid('account_manager_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByPractice: text('created_by_practice', { enum: ['yes', 'no'] }).notNull().default('no'),
    connectedAt: timestamp('connected_at', { withTimezone: true, mode: 'date' }),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endedReason: text('ended_reason', { enum: ['disconnected_by_practice', 'disconnected_by_client', 'reallocated', 'invitation_replaced'] }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('client_links_one_open_key').on(t.businessAccountId).where(sql`status in ('pending', 'active')`),
    index('client_links_practice_idx').on(t.practiceAccountId, t.status),
    index('client_links_email_idx').on(sql`lower(${t.invitedEmail})`).where(sql`status = 'pending'`),
  ],
);

/** Clients a Standard practice user may work in (Practice and Client Admins reach every client). */
export const clientAccess = pgTable(
  'client_access',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    businessAccountId: uuid('business_account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.businessAccountId] }), index('client_access_business_idx').on(t.businessAccountId)],
);

/** Practice settings > New Client Defaults: applied to clients created afterwards, never to existing ones. */
export const practiceSettings = pgTable('practice_settings', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  newClientDefaults: jsonb('new_client_defaults').$type<Record<string, unknown>>().notNull().default({}),
});
