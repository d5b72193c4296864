import { and, eq, inArray } from 'drizzle-orm';
import type { ItemPatch } from '../../../shared/contracts/review';
import { fromMinor, toMinor } from '../../../shared/money';
import type { Db } from '../../db/connect';
import { categories, items, users } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { Conflict, Invalid } from '../../lib/errors';
import type { Scope } from '../access';
import { getItem, getItems, recordEvents, updateItem, type ItemRow, type NewEvent } from './items.repo';
import { assertNoLedger, checkTracking } from './ledger-lists';
import { reasonsFor } from './review';
import { findOrCreateContact, ruleChanges } from './settle';
import { contacts } from '../../db/schema';

const INBOX = new Set(['to_review', 'ready']);

/**
 * Recomputes review reasons and, for Inbox items, Ready or To review. A status a person set by hand
 * (Move to Ready / Move to review, `status` in the edited fields) stays until they move it again.
 */
export function settled(row: ItemRow): Partial<ItemRow> {
  const reasons = reasonsFor(row);
  if (!INBOX.has(row.status) || row.editedFields.includes('status')) return { reviewReasons: reasons };
  return { reviewReasons: reasons, status: reasons.length === 0 ? 'ready' : 'to_review' };
}

const moneyFields = { net: 'netMinor', tax: 'taxMinor', total: 'totalMinor' } as const;

async function assertUserInAccount(db: Db, scope: Scope, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.accountId, scope.accountId), eq(users.id, userId)));
  if (!u)
    throw new Invalid('The document owner must be a user of this account.', {
      ownerUserId: 'not a user of this account',
    });
}

async function assertCategory(
  db: Db,
  scope: Scope,
  id: string | null | undefined,
  current: string | null,
): Promise<void> {
  if (!id) return;
  const [c] = await db
    .select({ id: categories.id, visible: categories.visible })
    .from(categories)
    .where(and(eq(categories.accountId, scope.accountId), eq(categories.id, id)));
  if (!c) throw new Invalid('No such category in this account.', { categoryId: 'no such category' });
  if (!c.visible && id !== current)
    throw new Invalid('This category is hidden: show it again in Business settings > Lists to use it.', {
      categoryId: 'hidden category',
    });
}

/** A person's edit: every changed field is recorded in the item's history (who, what, when). */
export async function editItem(
  db: Db,
  scope: Scope,
  id: string,
  patch: ItemPatch,
  clock: Clock,
): Promise<ItemRow> {
  const item = await getItem(db, scope, id);
  if (['deleted', 'merged', 'duplicate', 'processing'].includes(item.status)) {
    throw new Conflict('This item cannot be edited in its current state.');
  }
  await assertUserInAccount(db, scope, patch.ownerUserId);
  await assertCategory(db, scope, patch.categoryId, item.categoryId);
  const tracking =
    patch.tracking === undefined
      ? undefined
      : await checkTracking(db, scope, patch.tracking, item.lineItems.length);
  const set: Partial<ItemRow> = {};
  const events: NewEvent[] = [];
  const currency = patch.currency ?? item.currency ?? 'GBP';
  const note = (field: string, oldValue: unknown, newValue: unknown) => {
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue))
      events.push({ itemId: id, kind: 'edit', field, oldValue, newValue });
  };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key in moneyFields) {
      const column = moneyFields[key as keyof typeof moneyFields];
      const minor = value === null ? null : toMinor(value as string, currency);
      note(key, item[column] === null ? null : fromMinor(item[column], item.currency ?? currency), value);
      set[column] = minor;
    } else if (key === 'contactName') {
      note('contact', item.contactName, value);
      set.contactName = value as string | null;
      set.contactId = null;
      if (typeof value === 'string') {
        const contact = await findOrCreateContact(
          db,
          scope,
          item.workspace === 'costs' ? 'supplier' : 'customer',
          value,
        );
        set.contactId = contact.id;
        set.contactName = contact.name;
        Object.assign(
          set,
          ruleChanges({ ...item, editedFields: [...item.editedFields, ...Object.keys(patch)] }, contact),
        );
      }
    } else if (key === 'contactId') {
      if (value === null) {
        set.contactId = null;
        set.contactName = null;
      } else {
        const [c] = await db
          .select()
          .from(contacts)
          .where(and(eq(contacts.accountId, scope.accountId), eq(contacts.id, value as string)));
        if (!c) throw new Invalid('No such supplier or customer.', { contactId: 'no such contact' });
        set.contactId = c.id;
        set.contactName = c.name;
      }
      note('contact', item.contactName, set.contactName);
    } else if (key === 'tracking') {
      note('tracking', item.tracking, tracking);
      set.tracking = tracking ?? [];
    } else {
      note(key, item[key as keyof ItemRow], value);
      Object.assign(set, { [key]: value });
    }
  }
  const editedFields = [
    ...new Set([
      ...item.editedFields,
      ...Object.keys(patch).map((k) => (k in moneyFields ? moneyFields[k as keyof typeof moneyFields] : k)),
    ]),
  ];
  const merged = { ...item, ...set };
  const row = await updateItem(db, scope, id, {
    ...set,
    ...settled(merged),
    editedFields,
    updatedAt: clock.now(),
  });
  await recordEvents(db, scope, clock.now(), events);
  return row;
}

export async function addNote(db: Db, scope: Scope, id: string, text: string, clock: Clock): Promise<void> {
  await getItem(db, scope, id);
  await recordEvents(db, scope, clock.now(), [{ itemId: id, kind: 'note', text }]);
}

export type StatusAction = 'archive' | 'unarchive' | 'delete' | 'restore';

const allowedFrom: Record<StatusAction, readonly string[]> = {
  archive: ['to_review', 'ready'],
  unarchive: ['archived'],
  delete: ['to_review', 'ready', 'archived', 'failed', 'waiting'],
  restore: ['deleted', 'duplicate'],
};

/** Archive / Unarchive / Delete (to Submission history) / Restore. */
export async function changeStatus(
  db: Db,
  scope: Scope,
  id: string,
  action: StatusAction,
  clock: Clock,
): Promise<ItemRow> {
  const item = await getItem(db, scope, id);
  if (!allowedFrom[action].includes(item.status)) {
    throw new Conflict(
      `This item is ${item.status.replace('_', ' ')}; it cannot be ${action === 'unarchive' ? 'unarchived' : `${action}d`}.`,
    );
  }
  let set: Partial<ItemRow>;
  if (action === 'archive' || action === 'delete') {
    set = {
      status: action === 'archive' ? 'archived' : 'deleted',
      previousStatus: item.status,
      statusReason: null,
    };
  } else {
    // Back in the Inbox, the fields decide Ready or To review again (a manual status is forgotten).
    const base: ItemRow = {
      ...item,
      status: 'to_review',
      editedFields: item.editedFields.filter((f) => f !== 'status'),
    };
    if (item.status === 'duplicate' && item.duplicateOfItemId) {
      base.notDuplicateOf = [...item.notDuplicateOf, item.duplicateOfItemId];
      base.duplicateOfItemId = null;
    }
    const wasArchived = action === 'restore' && item.previousStatus === 'archived';
    set = {
      ...settled(base),
      ...(wasArchived ? { status: 'archived' as const } : {}),
      duplicateOfItemId: base.duplicateOfItemId,
      notDuplicateOf: base.notDuplicateOf,
      editedFields: base.editedFields,
      previousStatus: null,
      statusReason: null,
    };
  }
  const row = await updateItem(db, scope, id, { ...set, updatedAt: clock.now() });
  await recordEvents(db, scope, clock.now(), [
    { itemId: id, kind: 'status', field: 'status', oldValue: item.status, newValue: row.status },
  ]);
  return row;
}

export type ManualStatus = 'ready' | 'to_review';

/**
 * Move to Ready / Move to review by hand, for businesses without accounting software (with one,
 * Ready is decided by the fields and the publishing pre-check). The choice holds through later edits.
 */
export async function setManualStatus(
  db: Db,
  scope: Scope,
  id: string,
  status: ManualStatus,
  clock: Clock,
): Promise<ItemRow> {
  await assertNoLedger(db, scope);
  const item = await getItem(db, scope, id);
  if (!INBOX.has(item.status))
    throw new Conflict(
      `This item is ${item.status.replace('_', ' ')}; only Inbox items can be moved to ${status === 'ready' ? 'Ready' : 'To review'}.`,
    );
  const editedFields = [...new Set([...item.editedFields, 'status'])];
  const row = await updateItem(db, scope, id, {
    status,
    statusReason: null,
    editedFields,
    reviewReasons: reasonsFor(item),
    updatedAt: clock.now(),
  });
  if (item.status !== status)
    await recordEvents(db, scope, clock.now(), [
      { itemId: id, kind: 'status', field: 'status', oldValue: item.status, newValue: status },
    ]);
  return row;
}

/** Move between Costs and Sales: the supplier/customer and category no longer apply. */
export async function moveItem(
  db: Db,
  scope: Scope,
  id: string,
  workspace: 'costs' | 'sales',
  clock: Clock,
): Promise<ItemRow> {
  const item = await getItem(db, scope, id);
  if (item.workspace === workspace) return item;
  const next: ItemRow = {
    ...item,
    workspace,
    contactId: null,
    categoryId: null,
    taxRateId: null,
    duplicateOfItemId: null,
  };
  const row = await updateItem(db, scope, id, {
    workspace,
    contactId: null,
    categoryId: null,
    taxRateId: null,
    duplicateOfItemId: null,
    ...settled(next),
    updatedAt: clock.now(),
  });
  await recordEvents(db, scope, clock.now(), [
    { itemId: id, kind: 'move', field: 'workspace', oldValue: item.workspace, newValue: workspace },
  ]);
  return row;
}

/** Review-mode duplicates: "same purchase" removes it (restorable), "different purchase" clears the flag for good. */
export async function resolveDuplicate(
  db: Db,
  scope: Scope,
  id: string,
  decision: 'same' | 'different',
  clock: Clock,
): Promise<ItemRow> {
  const item = await getItem(db, scope, id);
  if (!item.duplicateOfItemId) throw new Conflict('This item is not marked as a suspected duplicate.');
  let row: ItemRow;
  if (decision === 'same') {
    row = await updateItem(db, scope, id, {
      status: 'duplicate',
      previousStatus: item.status,
      statusReason: 'Removed as the same purchase; restore it from Submission history.',
      updatedAt: clock.now(),
    });
  } else {
    const next: ItemRow = {
      ...item,
      duplicateOfItemId: null,
      notDuplicateOf: [...item.notDuplicateOf, item.duplicateOfItemId],
    };
    row = await updateItem(db, scope, id, {
      duplicateOfItemId: null,
      notDuplicateOf: next.notDuplicateOf,
      ...settled(next),
      updatedAt: clock.now(),
    });
  }
  await recordEvents(db, scope, clock.now(), [
    { itemId: id, kind: 'duplicate', text: decision === 'same' ? 'Same purchase' : 'Different purchase' },
  ]);
  return row;
}

/** Bulk actions over the selected items (all must be visible to the scope). */
export async function bulkAction(
  db: Db,
  scope: Scope,
  body: {
    ids: string[];
    action: 'archive' | 'delete' | 'set_category' | 'set_owner' | 'ready' | 'to_review';
    categoryId?: string | null | undefined;
    ownerUserId?: string | null | undefined;
  },
  clock: Clock,
): Promise<number> {
  if (body.action === 'ready' || body.action === 'to_review') await assertNoLedger(db, scope);
  const rows = await getItems(db, scope, body.ids);
  let updated = 0;
  for (const row of rows) {
    if (body.action === 'ready' || body.action === 'to_review') {
      if (!INBOX.has(row.status)) continue;
      await setManualStatus(db, scope, row.id, body.action, clock);
    } else if (body.action === 'archive' || body.action === 'delete') {
      if (!allowedFrom[body.action].includes(row.status)) continue;
      await changeStatus(db, scope, row.id, body.action, clock);
    } else if (body.action === 'set_category') {
      await editItem(db, scope, row.id, { categoryId: body.categoryId ?? null }, clock);
    } else {
      await editItem(db, scope, row.id, { ownerUserId: body.ownerUserId ?? null }, clock);
    }
    updated += 1;
  }
  return updated;
}

export async function itemsByIds(db: Db, scope: Scope, ids: string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(items)
    .where(and(eq(items.accountId, scope.accountId), inArray(items.id, ids)));
}
