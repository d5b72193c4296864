import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /** Set when support disabled 2FA: the next sign-in must set it up again. */
    mustSetUp2fa: boolean('must_set_up_2fa').notNull().default(false),
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
    /** An Admin can require two-factor authentication of every user of the account. */
    require2fa: boolean('require_2fa').notNull().default(false),
    /** Account-level settings (for clients: the practice's New Client Defaults as applied at creation). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** Set while the account is deactivated: its documents wait unextracted. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true, mode: 'date' }),
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
    /** Removed users stay (inactive, without a login) so their paperwork still shows who submitted it. */
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
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
    /** 'full' once every factor is checked; 'mfa' waits for a code; 'setup_mfa' must set 2FA up first. */
    stage: text('stage', { enum: ['full', 'mfa', 'setup_mfa'] }).notNull().default('full'),
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

/** Authenticator-app (TOTP) second factor of a login. The secret is encrypted with DOCKET_SECRET. */
export const totpFactors = pgTable('totp_factors', {
  loginId: uuid('login_id')
    .primaryKey()
    .references(() => logins.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  /** A new secret while the user changes authenticator; replaces the active one once confirmed. */
  pendingSecretEncrypted: text('pending_secret_encrypted'),
  /** Null while being set up (the code has not been confirmed yet). */
  enabledAt: timestamp('enabled_at', { withTimezone: true, mode: 'date' }),
  /** The last 30-second time step a code was accepted for: a code works only once. */
  lastUsedStep: integer('last_used_step'),
  createdAt: createdAt(),
});

/** Single-use backup codes (12 at a time), stored hashed. */
export const backupCodes = pgTable(
  'backup_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loginId: uuid('login_id')
      .notNull()
      .references(() => logins.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('backup_codes_login_idx').on(t.loginId)],
);

/** "Don't ask again on this device for 30 days": a revocable token kept in a cookie; only its hash is stored. */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    id: text('id').primaryKey(),
    loginId: uuid('login_id')
      .notNull()
      .references(() => logins.id, { onDelete: 'cascade' }),
    label: text('label'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('trusted_devices_login_idx').on(t.loginId)],
);

/** Single-use links sent by email: verify an address, reset a password, confirm a support request. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: ['verify_email', 'reset_password', 'change_email', 'support_request', 'merge_logins'] }).notNull(),
    loginId: uuid('login_id').references(() => logins.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('email_tokens_login_idx').on(t.loginId)],
);

/** Failed sign-ins, for throttling per login (email) and per address. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sign_in_failures_email_idx').on(t.email, t.at), index('sign_in_failures_ip_idx').on(t.ip, t.at)],
);

/** Invitations to join an account, by email; accepting links a new or existing login. */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    invitedByUserId: uuid('invited_by_user_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_account_idx').on(t.accountId)],
);

/** Outgoing mail. Sent through SMTP_URL when configured; always kept here (the demo mailbox page reads it). */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    error: text('error'),
  },
  (t) => [index('outbox_to_idx').on(t.to, t.createdAt)],
);

/** Operators of this installation who handle support requests; not customer users. */
export const supportAgents = pgTable('support_agents', {
  loginId: uuid('login_id')
    .primaryKey()
    .references(() => logins.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** "I'm locked out of 2FA" requests: they reach agents only once confirmed from the login's own email. */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loginId: uuid('login_id')
      .notNull()
      .references(() => logins.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['disable_2fa'] }).notNull(),
    status: text('status', { enum: ['awaiting_confirmation', 'confirmed', 'approved', 'rejected'] }).notNull(),
    channel: text('channel', { enum: ['web', 'email'] }).notNull(),
    message: text('message'),
    createdAt: createdAt(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedByLoginId: uuid('decided_by_login_id'),
  },
  (t) => [index('support_requests_status_idx').on(t.status, t.createdAt)],
);
