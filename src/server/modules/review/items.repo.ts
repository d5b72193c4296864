import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ItemQuery, ItemSummary } from '../../../shared/contracts/review';
import { fromMinor, toMinor } from '../../../shared/money';
import type { Db } from '../../db/connect';
import { itemDocuments, itemEvents, items } from '../../db/schema';
import { NotFound } from '../../lib/errors';
import { can, type Scope } from '../access';
import { reviewReasonText, type ReviewReason } from './review';

export type ItemRow = typeof items.$inferSelect;

export const COUNT_CAP = 10_000;

/** Items a scope may see: all with documents.read.all, else those it owns or sent in. */
export function visibleItems(scope: Scope): SQL {
  const account = eq(items.accountId, scope.accountId);
  if (can(scope, 'documents.read.all')) return account;
  return (
    and(account, or(eq(items.ownerUserId, scope.userId), eq(items.submittedByUserId, scope.userId))) ??
    account
  );
}

export async function getItem(db: Db, scope: Scope, id: string): Promise<ItemRow> {
  const [row] = await db
    .select()
    .from(items)
    .where(and(visibleItems(scope), eq(items.id, id)))
    .limit(1);
  if (!row) throw new NotFound('No such item.');
  return row;
}

export async function getItems(db: Db, scope: Scope, ids: readonly string[]): Promise<ItemRow[]> {
  const rows = await db
    .select()
    .from(items)
    .where(and(visibleItems(scope), inArray(items.id, [...ids])));
  if (rows.length !== new Set(ids).size) throw new NotFound('No such item.');
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is ItemRow => r !== undefined);
}

const money = (v: bigint | null, currency: string | null) =>
  v === null ? null : fromMinor(v, currency ?? 'GBP');

export function toSummary(row: ItemRow): ItemSummary {
  return {
    id: row.id,
    workspace: row.workspace,
    status: row.status,
    statusReason: row.statusReason,
    reviewReasons: row.reviewReasons.map((code) => ({
      code,
      text: code in reviewReasonText ? reviewReasonText[code as ReviewReason] : code,
    })),
    documentType: row.documentType,
    contact: row.contactName ? { id: row.contactId, name: row.contactName } : null,
    date: row.date,
    dueDate: row.dueDate,
    reference: row.reference,
    currency: row.currency,
    net: money(row.netMinor, row.currency),
    tax: money(row.taxMinor, row.currency),
    total: money(row.totalMinor, row.currency),
    categoryId: row.categoryId,
    ownerUserId: row.ownerUserId,
    duplicateOfItemId: row.duplicateOfItemId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The words of a free-text search as a prefix tsquery ("coffee shop" -> coffee:* & shop:*). */
export function prefixQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

function filters(scope: Scope, q: ItemQuery, currency: string): SQL[] {
  const where: SQL[] = [visibleItems(scope), eq(items.workspace, q.workspace)];
  if (q.status) where.push(eq(items.status, q.status));
  else if (q.view === 'inbox')
    where.push(q.tab ? eq(items.status, q.tab) : inArray(items.status, ['to_review', 'ready']));
  else if (q.view === 'archive') where.push(eq(items.status, 'archived'));
  if (q.contactId) where.push(eq(items.contactId, q.contactId));
  if (q.supplier) {
    // Starts-with, case-insensitive: served by items_contact_name_idx on both engines (no pg_trgm needed).
    const prefix = q.supplier.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`);
    where.push(sql`lower(${items.contactName}) like ${`${prefix}%`}`);
  }
  if (q.dateFrom) where.push(gte(items.date, q.dateFrom));
  if (q.dateTo) where.push(lte(items.date, q.dateTo));
  const min = q.amountMin ? toMinor(q.amountMin, currency) : null;
  const max = q.amountMax ? toMinor(q.amountMax, currency) : null;
  if (min !== null) where.push(gte(items.totalMinor, min));
  if (max !== null) where.push(lte(items.totalMinor, max));
  if (q.ownerUserId) where.push(eq(items.ownerUserId, q.ownerUserId));
  if (q.duplicates === 'true') where.push(sql`${items.duplicateOfItemId} is not null`);
  const tsq = q.q ? prefixQuery(q.q) : null;
  if (tsq) where.push(sql`to_tsvector('simple', ${items.searchText}) @@ to_tsquery('simple', ${tsq})`);
  return where;
}

/** Inbox, Archive and search: filters, sorting and offset paging over what the scope may see. */
export async function listItems(
  db: Db,
  scope: Scope,
  q: ItemQuery,
  currency: string,
): Promise<{ rows: ItemRow[]; total: number; totalIsLowerBound: boolean }> {
  const where = and(...filters(scope, q, currency));
  const dir = q.order === 'asc' ? asc : desc;
  const sortColumn =
    q.sort === 'date'
      ? items.date
      : q.sort === 'total'
        ? items.totalMinor
        : q.sort === 'supplier'
          ? items.contactName
          : items.createdAt;
  const rows = await db
    .select()
    .from(items)
    .where(where)
    .orderBy(dir(sortColumn), dir(items.id))
    .limit(q.limit)
    .offset(q.offset);
  // Counting stops at COUNT_CAP rows so a page of a huge Inbox stays fast ("10,000+").
  const capped = db
    .select({ one: sql`1` })
    .from(items)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('capped');
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = counted?.n ?? 0;
  return { rows, total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
}

export async function documentsOf(db: Db, scope: Scope, itemId: string) {
  return db
    .select()
    .from(itemDocuments)
    .where(and(eq(itemDocuments.accountId, scope.accountId), eq(itemDocuments.itemId, itemId)))
    .orderBy(asc(itemDocuments.position));
}

export async function eventsOf(db: Db, scope: Scope, itemId: string) {
  return db
    .select()
    .from(itemEvents)
    .where(and(eq(itemEvents.accountId, scope.accountId), eq(itemEvents.itemId, itemId)))
    .orderBy(asc(itemEvents.at), asc(itemEvents.id));
}

export interface NewEvent {
  itemId: string;
  kind: string;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  text?: string | null;
}

export async function recordEvents(
  db: Db,
  scope: Scope,
  at: Date,
  events: readonly NewEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db.insert(itemEvents).values(
    events.map((e) => ({
      accountId: scope.accountId,
      itemId: e.itemId,
      userId: scope.userId,
      kind: e.kind,
      field: e.field ?? null,
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      text: e.text ?? null,
      at,
    })),
  );
}

export async function updateItem(db: Db, scope: Scope, id: string, set: Partial<ItemRow>): Promise<ItemRow> {
  const [row] = await db
    .update(items)
    .set(set)
    .where(and(visibleItems(scope), eq(items.id, id)))
    .returning();
  if (!row) throw new NotFound('No such item.');
  return row;
}
