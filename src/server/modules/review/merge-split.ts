import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { itemDocuments, items } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { Conflict, Invalid } from '../../lib/errors';
import type { Scope } from '../access';
import { settled } from './edit-item';
import { documentsOf, getItem, getItems, recordEvents, type ItemRow } from './items.repo';

const MERGEABLE = new Set(['to_review', 'ready']);

/** What differs between items about to be merged (the person confirms before merging anyway). */
export function mergeWarnings(rows: readonly ItemRow[]): string[] {
  const differ = (f: (r: ItemRow) => unknown) =>
    new Set(rows.map((r) => JSON.stringify(f(r) ?? null))).size > 1;
  const out: string[] = [];
  if (differ((r) => r.totalMinor?.toString())) out.push('The totals differ.');
  if (differ((r) => r.date)) out.push('The dates differ.');
  if (differ((r) => r.ownerUserId)) out.push('The document owners differ.');
  return out;
}

function copyFields(r: ItemRow) {
  return {
    accountId: r.accountId,
    workspace: r.workspace,
    status: r.status,
    step: 'done' as const,
    documentType: r.documentType,
    contactId: r.contactId,
    contactName: r.contactName,
    date: r.date,
    dueDate: r.dueDate,
    reference: r.reference,
    currency: r.currency,
    netMinor: r.netMinor,
    taxMinor: r.taxMinor,
    totalMinor: r.totalMinor,
    categoryId: r.categoryId,
    taxRateId: r.taxRateId,
    paymentMethodId: r.paymentMethodId,
    description: r.description,
    paid: r.paid,
    cardLast4: r.cardLast4,
    lineItems: r.lineItems,
    confidence: r.confidence,
    extraction: r.extraction,
    extractedAt: r.extractedAt,
    searchText: r.searchText,
    editedFields: r.editedFields,
    ownerUserId: r.ownerUserId,
    submittedByUserId: r.submittedByUserId,
  };
}

/**
 * Merges two or more Inbox items of one workspace into a new item with every page; the originals
 * show as Merged in Submission history. With differing totals, dates or owners nothing happens
 * until the caller confirms.
 */
export async function mergeItems(
  db: Db,
  scope: Scope,
  ids: string[],
  confirm: boolean,
  clock: Clock,
): Promise<{ item: ItemRow | null; warnings: string[] }> {
  if (new Set(ids).size !== ids.length)
    throw new Invalid('Each item can be merged once.', { ids: 'repeated item' });
  const rows = await getItems(db, scope, ids);
  if (rows.some((r) => !MERGEABLE.has(r.status)))
    throw new Conflict('Only items in the Inbox can be merged.');
  if (new Set(rows.map((r) => r.workspace)).size > 1)
    throw new Conflict('Items from Costs and Sales cannot be merged together.');
  const warnings = mergeWarnings(rows);
  if (warnings.length > 0 && !confirm) return { item: null, warnings };
  const first = rows[0];
  if (!first) throw new Invalid('Choose at least two items.');
  const now = clock.now();
  const merged = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(items)
      .values({ ...copyFields(first), createdAt: now, updatedAt: now })
      .returning();
    if (!created) throw new Error('merge insert returned nothing');
    let position = 0;
    for (const r of rows) {
      const docs = await tx
        .select()
        .from(itemDocuments)
        .where(eq(itemDocuments.itemId, r.id))
        .orderBy(itemDocuments.position);
      for (const d of docs)
        await tx.insert(itemDocuments).values({ ...d, itemId: created.id, position: position++ });
      await tx
        .update(items)
        .set({
          status: 'merged',
          previousStatus: r.status,
          mergedIntoItemId: created.id,
          statusReason: 'Merged into another item.',
          updatedAt: now,
        })
        .where(and(eq(items.accountId, scope.accountId), eq(items.id, r.id)));
    }
    return created;
  });
  await recordEvents(db, scope, now, [
    { itemId: merged.id, kind: 'merge', newValue: ids, text: `Merged from ${ids.length} items.` },
    ...rows.map((r) => ({
      itemId: r.id,
      kind: 'merge',
      newValue: merged.id,
      text: 'Merged into another item.',
    })),
  ]);
  return { item: merged, warnings };
}

/** Undoes a merge: the originals come back as they were, the merged item goes. */
export async function unmergeItem(db: Db, scope: Scope, id: string, clock: Clock): Promise<ItemRow[]> {
  const merged = await getItem(db, scope, id);
  const originals = await db
    .select()
    .from(items)
    .where(and(eq(items.accountId, scope.accountId), eq(items.mergedIntoItemId, id)));
  if (originals.length === 0) throw new Conflict('This item is not the result of a merge.');
  const now = clock.now();
  const back = await db.transaction(async (tx) => {
    const out: ItemRow[] = [];
    for (const o of originals) {
      const [row] = await tx
        .update(items)
        .set({
          status: o.previousStatus ?? 'to_review',
          previousStatus: null,
          mergedIntoItemId: null,
          statusReason: null,
          updatedAt: now,
        })
        .where(eq(items.id, o.id))
        .returning();
      if (row) out.push(row);
    }
    await tx.delete(items).where(and(eq(items.accountId, scope.accountId), eq(items.id, merged.id)));
    return out;
  });
  await recordEvents(
    db,
    scope,
    now,
    back.map((r) => ({ itemId: r.id, kind: 'merge', text: 'Merge undone.' })),
  );
  return back;
}

/** Splits an item in two sharing the document: the new item copies the fields except amounts and category. */
export async function splitItem(
  db: Db,
  scope: Scope,
  id: string,
  clock: Clock,
): Promise<{ original: ItemRow; created: ItemRow }> {
  const original = await getItem(db, scope, id);
  if (!MERGEABLE.has(original.status)) throw new Conflict('Only items in the Inbox can be split.');
  const docs = await documentsOf(db, scope, id);
  const now = clock.now();
  const base = {
    ...copyFields(original),
    netMinor: null,
    taxMinor: null,
    totalMinor: null,
    categoryId: null,
    lineItems: [],
    editedFields: [],
  };
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(items)
      .values({ ...base, splitFromItemId: original.id, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('split insert returned nothing');
    for (const d of docs) await tx.insert(itemDocuments).values({ ...d, itemId: row.id });
    const [fixed] = await tx.update(items).set(settled(row)).where(eq(items.id, row.id)).returning();
    return fixed ?? row;
  });
  await recordEvents(db, scope, now, [
    { itemId: original.id, kind: 'split', newValue: created.id, text: 'Split into two items.' },
    { itemId: created.id, kind: 'split', oldValue: original.id, text: 'Split from another item.' },
  ]);
  return { original, created };
}
