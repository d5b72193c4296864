import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { categories, contacts, itemDocuments, itemEvents, items, taxRates } from '../../db/schema';
import { settled } from './edit-item';
import { visibleItems, type ItemRow } from './items.repo';
import type { Scope } from '../access';
import { findOrCreateContact, type Tenant } from './settle';

/**
 * What the publishing module may do to review's items and lists, in one place: read an item with
 * its documents, move it after a publish (Archive), after a failure (Ready with the message) or
 * after the pre-check (To review with the reason), and import the ledger's lists.
 */

export { itemsCsv } from './csv';
export type { ItemRow } from './items.repo';

export interface ItemDocumentRef {
  readonly sha256: string;
  readonly fileName: string;
  readonly kind: string;
}

export async function itemForPublishing(
  db: Db,
  tenant: Tenant,
  itemId: string,
): Promise<{ item: ItemRow; documents: ItemDocumentRef[] } | null> {
  const [item] = await db
    .select()
    .from(items)
    .where(and(eq(items.accountId, tenant.accountId), eq(items.id, itemId)));
  if (!item) return null;
  const documents = await db
    .select({ sha256: itemDocuments.sha256, fileName: itemDocuments.fileName, kind: itemDocuments.kind })
    .from(itemDocuments)
    .where(and(eq(itemDocuments.accountId, tenant.accountId), eq(itemDocuments.itemId, itemId)))
    .orderBy(asc(itemDocuments.position));
  return { item, documents };
}

export interface ReadyItem {
  readonly id: string;
  readonly contactId: string | null;
  readonly paymentMethodId: string | null;
  readonly contactAutoPublish: boolean;
  readonly updatedAt: Date;
}

/** Ready items of an account (oldest first), with their supplier's auto-publish flag. */
export async function readyItems(db: Db, tenant: Tenant, limit: number): Promise<ReadyItem[]> {
  const rows = await db
    .select({
      id: items.id,
      contactId: items.contactId,
      paymentMethodId: items.paymentMethodId,
      contactAutoPublish: sql<boolean>`coalesce(${contacts.autoPublish}, false)`,
      updatedAt: items.updatedAt,
    })
    .from(items)
    .leftJoin(contacts, and(eq(contacts.id, items.contactId), eq(contacts.accountId, items.accountId)))
    .where(and(eq(items.accountId, tenant.accountId), eq(items.status, 'ready')))
    .orderBy(asc(items.updatedAt))
    .limit(limit);
  return rows;
}

async function moveItem(
  db: Db,
  tenant: Tenant,
  itemId: string,
  at: Date,
  from: readonly ItemRow['status'][],
  set: Partial<ItemRow>,
  event: { kind: string; text: string; userId: string | null },
): Promise<boolean> {
  const [row] = await db
    .update(items)
    .set({ ...set, updatedAt: at })
    .where(and(eq(items.accountId, tenant.accountId), eq(items.id, itemId), inArray(items.status, [...from])))
    .returning({ id: items.id });
  if (!row) return false;
  await db.insert(itemEvents).values({
    accountId: tenant.accountId,
    itemId,
    userId: event.userId,
    kind: event.kind,
    text: event.text,
    at,
  });
  return true;
}

/** Published: Ready (or To review) -> Archive. */
export function markItemPublished(
  db: Db,
  tenant: Tenant,
  itemId: string,
  at: Date,
  text: string,
  userId: string | null = null,
): Promise<boolean> {
  return moveItem(
    db,
    tenant,
    itemId,
    at,
    ['ready', 'to_review'],
    { status: 'archived', previousStatus: null, statusReason: null },
    { kind: 'publish', text, userId },
  );
}

/** The publish failed: the item is Ready (yellow) with the message, until a publish succeeds. */
export function markItemPublishFailed(
  db: Db,
  tenant: Tenant,
  itemId: string,
  at: Date,
  message: string,
  userId: string | null = null,
): Promise<boolean> {
  return moveItem(
    db,
    tenant,
    itemId,
    at,
    ['ready', 'to_review'],
    { status: 'ready', statusReason: message },
    { kind: 'publish_failed', text: message, userId },
  );
}

/** The pre-check found what the ledger would refuse: the item goes (or stays) in To review with the reason. */
export function holdItemForReview(
  db: Db,
  tenant: Tenant,
  itemId: string,
  at: Date,
  message: string,
  userId: string | null = null,
): Promise<boolean> {
  return moveItem(
    db,
    tenant,
    itemId,
    at,
    ['ready', 'to_review'],
    { status: 'to_review', statusReason: message },
    { kind: 'publish_held', text: message, userId },
  );
}

/** Archive > Unarchive with "Clear publishing data": back to the Inbox, ready to publish again on purpose. */
export async function unarchiveForRepublish(
  db: Db,
  tenant: Tenant,
  itemId: string,
  at: Date,
  userId: string | null,
): Promise<boolean> {
  const [item] = await db
    .select()
    .from(items)
    .where(and(eq(items.accountId, tenant.accountId), eq(items.id, itemId)));
  if (!item) return false;
  const editedFields = item.editedFields.filter((f) => f !== 'status');
  const next = settled({ ...item, status: 'to_review', editedFields });
  return moveItem(
    db,
    tenant,
    itemId,
    at,
    ['archived', 'ready', 'to_review'],
    { ...next, editedFields, statusReason: null, previousStatus: null },
    { kind: 'publish_cleared', text: 'Unarchived; publishing data cleared.', userId },
  );
}

export interface LedgerListImport {
  readonly categories: readonly {
    readonly key: string;
    readonly name: string;
    readonly code: string | null;
    readonly active: boolean;
  }[];
  readonly taxRates: readonly {
    readonly key: string;
    readonly workspace: 'costs' | 'sales';
    readonly name: string;
    readonly code: string;
    readonly rate: string;
    readonly active: boolean;
  }[];
  readonly contacts: readonly {
    readonly key: string;
    readonly kind: 'supplier' | 'customer';
    readonly name: string;
  }[];
}

/** Adds the ledger's categories, tax rates and contacts to Docket's lists; returns key -> Docket id. */
export async function importLedgerLists(
  db: Db,
  tenant: Tenant,
  lists: LedgerListImport,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const existingCategories = await db
    .select()
    .from(categories)
    .where(eq(categories.accountId, tenant.accountId));
  for (const c of lists.categories) {
    const found =
      existingCategories.find((e) => c.code !== null && e.code === c.code) ??
      existingCategories.find((e) => e.name.toLowerCase() === c.name.toLowerCase());
    if (found) {
      // The ledger's name and code win (categories are read-only in Docket while connected).
      const taken = existingCategories.some(
        (e) => e.id !== found.id && e.name.toLowerCase() === c.name.toLowerCase(),
      );
      if (found.code !== c.code || (found.name !== c.name && !taken)) {
        await db
          .update(categories)
          .set({ code: c.code, ...(taken ? {} : { name: c.name }) })
          .where(eq(categories.id, found.id));
      }
      ids.set(c.key, found.id);
      continue;
    }
    if (!c.active) continue;
    const [row] = await db
      .insert(categories)
      .values({ accountId: tenant.accountId, name: c.name, code: c.code })
      .onConflictDoNothing()
      .returning({ id: categories.id });
    if (row) ids.set(c.key, row.id);
  }
  const existingRates = await db.select().from(taxRates).where(eq(taxRates.accountId, tenant.accountId));
  for (const t of lists.taxRates) {
    const found = existingRates.find((e) => e.workspace === t.workspace && e.code === t.code);
    if (found) {
      if (found.name !== t.name || found.rate !== t.rate) {
        await db.update(taxRates).set({ name: t.name, rate: t.rate }).where(eq(taxRates.id, found.id));
      }
      ids.set(t.key, found.id);
      continue;
    }
    if (!t.active) continue;
    const [row] = await db
      .insert(taxRates)
      .values({
        accountId: tenant.accountId,
        workspace: t.workspace,
        name: t.name,
        code: t.code,
        rate: t.rate,
      })
      .returning({ id: taxRates.id });
    if (row) ids.set(t.key, row.id);
  }
  for (const c of lists.contacts) {
    const row = await findOrCreateContact(db, tenant, c.kind, c.name);
    ids.set(c.key, row.id);
  }
  return ids;
}

/** Contacts by id (name and supplier rules) for the accounts' items. */
export async function contactsByIds(db: Db, tenant: Tenant, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, tenant.accountId), inArray(contacts.id, [...ids])));
}

/** True when the scope may see the item (all items with "access all documents", else its own). */
export async function visibleToScope(db: Db, scope: Scope, itemId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(visibleItems(scope), eq(items.id, itemId)));
  return row !== undefined;
}
