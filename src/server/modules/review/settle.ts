import { and, asc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { captureSettings, contacts, items, paymentMethods, type DuplicateMode } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { bestMatch, matchKeyOf, reasonsFor, sameDocument } from './review';

export interface Tenant {
  readonly accountId: string;
}
type ItemRow = typeof items.$inferSelect;
type ContactRow = typeof contacts.$inferSelect;

async function loadItem(db: Db, tenant: Tenant, itemId: string): Promise<ItemRow | null> {
  const rows = await db
    .select()
    .from(items)
    .where(and(eq(items.accountId, tenant.accountId), eq(items.id, itemId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Finds the supplier (Costs) or customer (Sales) a name means, fuzzily; creates it when none matches. */
export async function findOrCreateContact(
  db: Db,
  tenant: Tenant,
  kind: 'supplier' | 'customer',
  name: string,
): Promise<ContactRow> {
  const existing = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, tenant.accountId), eq(contacts.kind, kind)));
  const match = bestMatch(name, existing);
  if (match) return match;
  const matchKey = matchKeyOf(name);
  await db
    .insert(contacts)
    .values({ accountId: tenant.accountId, kind, name: name.trim(), matchKey })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(contacts)
    .where(
      and(eq(contacts.accountId, tenant.accountId), eq(contacts.kind, kind), eq(contacts.matchKey, matchKey)),
    );
  if (!row) throw new Error('contact vanished after insert');
  return row;
}

/** The rule fields a contact sets on its items, leaving alone what a person edited. */
export function ruleChanges(item: ItemRow, contact: ContactRow): Partial<ItemRow> {
  const edited = new Set(item.editedFields);
  const set: Partial<ItemRow> = {};
  if (contact.categoryId && !edited.has('categoryId')) set.categoryId = contact.categoryId;
  if (contact.taxRateId && !edited.has('taxRateId')) set.taxRateId = contact.taxRateId;
  if (contact.paymentMethodId && !edited.has('paymentMethodId'))
    set.paymentMethodId = contact.paymentMethodId;
  if (contact.description && !edited.has('description')) set.description = contact.description;
  if (contact.currency && !item.currency && !edited.has('currency')) set.currency = contact.currency;
  if (contact.paid !== null && !edited.has('paid')) set.paid = contact.paid;
  if (contact.tracking.length > 0 && !edited.has('tracking')) {
    const tracking = [...contact.tracking, ...item.tracking.filter((t) => t.line !== null)];
    if (JSON.stringify(tracking) !== JSON.stringify(item.tracking)) set.tracking = tracking;
  }
  return set;
}

/** Pipeline step "rules": links the supplier/customer (creating it if new) and applies its rules. */
export async function applyRules(db: Db, tenant: Tenant, itemId: string, clock: Clock): Promise<void> {
  const item = await loadItem(db, tenant, itemId);
  if (!item) return;
  const set: Partial<ItemRow> = {};
  let contact: ContactRow | null = null;
  if (item.contactId) {
    const rows = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.accountId, tenant.accountId), eq(contacts.id, item.contactId)));
    contact = rows[0] ?? null;
  } else if (item.contactName?.trim()) {
    contact = await findOrCreateContact(
      db,
      tenant,
      item.workspace === 'costs' ? 'supplier' : 'customer',
      item.contactName,
    );
    set.contactId = contact.id;
    set.contactName = contact.name;
  }
  if (contact) Object.assign(set, ruleChanges(item, contact));
  if (!item.paymentMethodId && !set.paymentMethodId && item.cardLast4) {
    const [pm] = await db
      .select({ id: paymentMethods.id })
      .from(paymentMethods)
      .where(
        and(eq(paymentMethods.accountId, tenant.accountId), eq(paymentMethods.cardLast4, item.cardLast4)),
      )
      .limit(1);
    if (pm) set.paymentMethodId = pm.id;
  }
  await db
    .update(items)
    .set({ ...set, step: 'duplicates', stepStartedAt: null, updatedAt: clock.now() })
    .where(and(eq(items.accountId, tenant.accountId), eq(items.id, itemId), eq(items.step, 'rules')));
}

export async function duplicateModeFor(
  db: Db,
  tenant: Tenant,
  contactId: string | null,
): Promise<DuplicateMode> {
  if (contactId) {
    const [c] = await db
      .select({ mode: contacts.duplicateMode })
      .from(contacts)
      .where(and(eq(contacts.accountId, tenant.accountId), eq(contacts.id, contactId)));
    if (c?.mode) return c.mode;
  }
  const [s] = await db
    .select({ mode: captureSettings.duplicateMode })
    .from(captureSettings)
    .where(eq(captureSettings.accountId, tenant.accountId));
  return s?.mode ?? 'review';
}

/** The earliest other item (archived ones included) that is the same purchase, or null. */
export async function findDuplicateOf(db: Db, tenant: Tenant, item: ItemRow): Promise<string | null> {
  if (item.workspace !== 'costs' || !item.contactId || item.totalMinor === null) return null;
  const candidates = await db
    .select()
    .from(items)
    .where(
      and(
        eq(items.accountId, tenant.accountId),
        eq(items.workspace, 'costs'),
        eq(items.contactId, item.contactId),
        eq(items.totalMinor, item.totalMinor),
        ne(items.id, item.id),
        inArray(items.status, ['to_review', 'ready', 'archived']),
        item.notDuplicateOf.length ? notInArray(items.id, item.notDuplicateOf) : undefined,
      ),
    )
    .orderBy(asc(items.createdAt))
    .limit(50);
  const match = candidates.find((c) => sameDocument(item, c));
  return match?.id ?? null;
}

/** The Inbox status an item's fields earn, and why. */
export function statusOf(item: ItemRow): { status: 'ready' | 'to_review'; reasons: string[] } {
  const reasons = reasonsFor(item);
  return { status: reasons.length === 0 ? 'ready' : 'to_review', reasons };
}

/**
 * Pipeline step "duplicates", then the end of the pipeline: flags or removes a duplicate as the
 * mode says, and puts the item in the Inbox as Ready or To review.
 */
export async function settleItem(db: Db, tenant: Tenant, itemId: string, clock: Clock): Promise<void> {
  const item = await loadItem(db, tenant, itemId);
  if (!item || item.step !== 'duplicates') return;
  const mode = await duplicateModeFor(db, tenant, item.contactId);
  const duplicateOf = mode === 'off' ? null : await findDuplicateOf(db, tenant, item);
  const next = { ...item, duplicateOfItemId: duplicateOf };
  const { status, reasons } = statusOf(next);
  const removed = duplicateOf !== null && mode === 'automatic';
  await db
    .update(items)
    .set({
      step: 'done',
      stepStartedAt: null,
      duplicateOfItemId: duplicateOf,
      reviewReasons: reasons,
      status: removed ? 'duplicate' : status,
      previousStatus: removed ? status : null,
      statusReason: removed
        ? 'Removed automatically as a duplicate; restore it from Submission history.'
        : null,
      updatedAt: clock.now(),
    })
    .where(and(eq(items.accountId, tenant.accountId), eq(items.id, itemId), eq(items.step, 'duplicates')));
}
