import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { accounts, users } from './identity';
import type { TrackingPick } from './review';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => at('created_at').notNull().defaultNow();
const accountId = () =>
  uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });

export const workspaces = ['costs', 'sales'] as const;
export type Workspace = (typeof workspaces)[number];
export const captureModes = ['single', 'multiple'] as const;
export type CaptureMode = (typeof captureModes)[number];
export const duplicateModes = ['automatic', 'review', 'off'] as const;
export type DuplicateMode = (typeof duplicateModes)[number];

/** Per-account capture settings: duplicate handling and the monthly extraction limit (billing sets it). */
export const captureSettings = pgTable('capture_settings', {
  accountId: accountId().primaryKey(),
  duplicateMode: text('duplicate_mode', { enum: duplicateModes }).notNull().default('review'),
  /** Documents extracted per calendar month; null means no limit. */
  extractionLimit: integer('extraction_limit'),
});

export const submissionChannels = ['upload', 'email'] as const;
export const submissionStates = ['received', 'split', 'rejected', 'identical', 'container'] as const;
export type SubmissionState = (typeof submissionStates)[number];

/**
 * One thing sent in: an uploaded file, a file inside a ZIP, an email or one of its parts.
 * Containers (ZIPs, emails) have children; nothing sent in is ever dropped without a row here.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    workspace: text('workspace', { enum: workspaces }).notNull(),
    channel: text('channel', { enum: submissionChannels }).notNull(),
    mode: text('mode', { enum: captureModes }).notNull().default('single'),
    parentId: uuid('parent_id'),
    fileName: text('file_name').notNull(),
    /** The type decided from the bytes (pdf, jpeg, zip, email...). */
    kind: text('kind').notNull(),
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    sha256: text('sha256'),
    state: text('state', { enum: submissionStates }).notNull(),
    /** Why it was rejected, or what became of it, for a person. */
    reason: text('reason'),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    emailFrom: text('email_from'),
    emailSubject: text('email_subject'),
    createdAt: createdAt(),
  },
  (t) => [
    index('submissions_account_created_idx').on(t.accountId, t.workspace, t.createdAt),
    index('submissions_account_sha_idx').on(t.accountId, t.sha256),
    index('submissions_parent_idx').on(t.parentId),
  ],
);

export const itemStatuses = [
  'processing',
  'waiting',
  'failed',
  'to_review',
  'ready',
  'archived',
  'deleted',
  'merged',
  'duplicate',
] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export const itemSteps = ['extract', 'rules', 'duplicates', 'done'] as const;
export type ItemStep = (typeof itemSteps)[number];

/** One document being processed or reviewed in a workspace, with its fields. */
export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    workspace: text('workspace', { enum: workspaces }).notNull(),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'set null' }),
    /** Position inside the submission (page number in multiple mode); unique with the submission. */
    part: integer('part').notNull().default(0),
    status: text('status', { enum: itemStatuses }).notNull().default('processing'),
    step: text('step', { enum: itemSteps }).notNull().default('extract'),
    stepStartedAt: at('step_started_at'),
    statusReason: text('status_reason'),
    /** The status to go back to on restore/undo (deleted, merged, duplicate). */
    previousStatus: text('previous_status', { enum: itemStatuses }),
    extraction: jsonb('extraction'),
    extractedAt: at('extracted_at'),
    searchText: text('search_text').notNull().default(''),
    documentType: text('document_type').notNull().default('receipt'),
    contactId: uuid('contact_id'),
    contactName: text('contact_name'),
    date: text('date'),
    dueDate: text('due_date'),
    reference: text('reference'),
    currency: text('currency'),
    netMinor: bigint('net_minor', { mode: 'bigint' }),
    taxMinor: bigint('tax_minor', { mode: 'bigint' }),
    totalMinor: bigint('total_minor', { mode: 'bigint' }),
    categoryId: uuid('category_id'),
    taxRateId: uuid('tax_rate_id'),
    paymentMethodId: uuid('payment_method_id'),
    description: text('description'),
    paid: boolean('paid'),
    cardLast4: text('card_last4'),
    lineItems: jsonb('line_items').$type<unknown[]>().notNull().default([]),
    /** Tracking options picked for the item and its line items (ledger ids, checked against the imported lists). */
    tracking: jsonb('tracking').$type<TrackingPick[]>().notNull().default([]),
    confidence: jsonb('confidence').$type<Record<string, number>>().notNull().default({}),
    /** Field names a person changed: rules and re-extraction leave them alone. */
    editedFields: jsonb('edited_fields').$type<string[]>().notNull().default([]),
    reviewReasons: jsonb('review_reasons').$type<string[]>().notNull().default([]),
    duplicateOfItemId: uuid('duplicate_of_item_id'),
    notDuplicateOf: jsonb('not_duplicate_of').$type<string[]>().notNull().default([]),
    mergedIntoItemId: uuid('merged_into_item_id'),
    splitFromItemId: uuid('split_from_item_id'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('items_submission_part_key').on(t.submissionId, t.part),
    index('items_account_list_idx').on(t.accountId, t.workspace, t.status, t.createdAt, t.id),
    index('items_account_date_idx').on(t.accountId, t.workspace, t.date),
    index('items_account_total_idx').on(t.accountId, t.workspace, t.totalMinor),
    index('items_account_contact_idx').on(t.accountId, t.contactId),
    index('items_account_extracted_idx').on(t.accountId, t.extractedAt),
    index('items_pipeline_idx').on(t.status, t.step),
    index('items_inbox_idx')
      .on(t.accountId, t.workspace, t.createdAt, t.id)
      .where(sql`${t.status} in ('to_review', 'ready')`),
    index('items_contact_name_idx').on(t.accountId, sql`lower(${t.contactName}) text_pattern_ops`),
    index('items_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
  ],
);

/** The files an item shows, in order: one for most items, several after a merge. */
export const itemDocuments = pgTable(
  'item_documents',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    accountId: accountId(),
    sha256: text('sha256').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    pageCount: integer('page_count').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.position] }),
    index('item_documents_account_sha_idx').on(t.accountId, t.sha256),
  ],
);

/** Item history and notes: who did what, when. */
export const itemEvents = pgTable(
  'item_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    field: text('field'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    text: text('text'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('item_events_item_idx').on(t.itemId, t.at)],
);

/** Extract by Email addresses: per account (user null) and per user, per workspace and mode. */
export const emailAddresses = pgTable(
  'email_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: accountId(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    workspace: text('workspace', { enum: workspaces }).notNull(),
    mode: text('mode', { enum: captureModes }).notNull(),
    localPart: text('local_part').notNull(),
  },
  (t) => [
    uniqueIndex('email_addresses_local_part_key').on(sql`lower(${t.localPart})`),
    index('email_addresses_account_idx').on(t.accountId),
  ],
);
