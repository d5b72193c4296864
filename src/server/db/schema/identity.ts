import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** A person's credentials: one email + password, usable in many accounts. */
export const logins = pgTable(
  'logins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    name: text('name').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('logins_email_key').on(sql`lower(${t.email})`)],
);

export const accountKinds = ['practice', 'business'] as const;
export type AccountKind = (typeof accountKinds)[number];

/** A practice account (a firm) or a business account (a client or a self-serve business). */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: accountKinds }).notNull(),
    name: text('name').notNull(),
    country: text('country').notNull().default('GB'),
    currency: text('currency').notNull().default('GBP'),
    /** The user who owns the account: cannot be removed, deactivated or re-permissioned except by support. */
    ownerUserId: uuid('owner_user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('accounts_kind_idx').on(t.kind)],
);

export const practiceRoles = ['practice_admin', 'client_admin', 'standard'] as const;
export const businessRoles = ['admin', 'standard'] as const;
export const roles = [...practiceRoles, ...businessRoles] as const;
export type Role = (typeof roles)[number];

/**
 * A user: one person inside one account, with a role. `login_id` is null for auto-generated
 * users (created without an invitation), who cannot sign in until invited.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    loginId: uuid('login_id').references(() => logins.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: roles }).notNull(),
    /** Optional permissions of Standard users (e.g. add_clients, practice_insights, publish). */
    permissions: jsonb('permissions').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('users_account_idx').on(t.accountId),
    index('users_login_idx').on(t.loginId),
    uniqueIndex('users_account_login_key').on(t.accountId, t.loginId),
  ],
);

/** A signed-in browser or API client. The id is the SHA-256 of the cookie token; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    loginId: uuid('login_id')
      .notNull()
      .references(() => logins.id, { onDelete: 'cascade' }),
    /** The account the session currently works in (the account switcher changes it). */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_login_idx').on(t.loginId)],
);

/** Security and administrative events, per login and per account. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id'),
    loginId: uuid('login_id'),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_account_idx').on(t.accountId, t.at),
    index('audit_events_login_idx').on(t.loginId, t.at),
  ],
);
