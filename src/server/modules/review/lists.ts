import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import {
  captureSettings,
  categories,
  contacts,
  items,
  paymentMethods,
  taxRates,
  type DuplicateMode,
} from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import type { Scope } from '../access';
import { settled } from './edit-item';
import { recordEvents } from './items.repo';
import { assertListEditable, checkTracking } from './ledger-lists';
import { matchKeyOf } from './review';
import { ruleChanges } from './settle';

type ContactRow = typeof contacts.$inferSelect;
export type ContactRules = Partial<
  Pick<
    ContactRow,
    | 'name'
    | 'categoryId'
    | 'taxRateId'
    | 'paymentMethodId'
    | 'description'
    | 'currency'
    | 'paid'
    | 'autoPublish'
    | 'duplicateMode'
    | 'tracking'
  >
>;

/** A supplier's default tracking: options of the imported lists, for the whole item. */
async function contactTracking(
  db: Db,
  scope: Scope,
  rules: { tracking?: readonly { categoryId: string; optionId: string; line?: number | null }[] | undefined },
): Promise<Pick<ContactRules, 'tracking'>> {
  if (rules.tracking === undefined) return {};
  if (rules.tracking.some((t) => t.line != null))
    throw new Invalid('Supplier rules set tracking for the whole item, not for a line.', {
      tracking: 'line must be empty',
    });
  return { tracking: await checkTracking(db, scope, rules.tracking, 0) };
}

const isUnique = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
};

export async function listContacts(
  db: Db,
  scope: Scope,
  kind: 'supplier' | 'customer',
): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, scope.accountId), eq(contacts.kind, kind)))
    .orderBy(asc(contacts.name));
}

export async function createContact(
  db: Db,
  scope: Scope,
  kind: 'supplier' | 'customer',
  rules: ContactRules & { name: string },
): Promise<ContactRow> {
  const tracking = await contactTracking(db, scope, rules);
  try {
    const [row] = await db
      .insert(contacts)
      .values({ ...rules, ...tracking, accountId: scope.accountId, kind, matchKey: matchKeyOf(rules.name) })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  } catch (error) {
    if (isUnique(error)) throw new Conflict(`A ${kind} with this name already exists.`);
    throw error;
  }
}

/**
 * Changes a supplier's or customer's rules. A supplier's new rules re-apply to its items in the
 * Inbox (fields a person edited stay); a customer's do not (as in the reference product).
 */
export async function updateContact(
  db: Db,
  scope: Scope,
  id: string,
  rules: ContactRules,
  clock: Clock,
): Promise<{ contact: ContactRow; reapplied: number }> {
  const set: Partial<ContactRow> = { ...rules, ...(await contactTracking(db, scope, rules)) };
  if (rules.name) set.matchKey = matchKeyOf(rules.name);
  let contact: ContactRow | undefined;
  try {
    [contact] = await db
      .update(contacts)
      .set(set)
      .where(and(eq(contacts.accountId, scope.accountId), eq(contacts.id, id)))
      .returning();
  } catch (error) {
    if (isUnique(error)) throw new Conflict('Another contact already has this name.');
    throw error;
  }
  if (!contact) throw new NotFound('No such supplier or customer.');
  let reapplied = 0;
  if (contact.kind === 'supplier') {
    const inbox = await db
      .select()
      .from(items)
      .where(
        and(
          eq(items.accountId, scope.accountId),
          eq(items.contactId, contact.id),
          inArray(items.status, ['to_review', 'ready']),
        ),
      );
    for (const item of inbox) {
      const change = { ...ruleChanges(item, contact), ...(rules.name ? { contactName: contact.name } : {}) };
      if (Object.keys(change).length === 0) continue;
      await db
        .update(items)
        .set({ ...change, ...settled({ ...item, ...change }), updatedAt: clock.now() })
        .where(eq(items.id, item.id));
      await recordEvents(db, scope, clock.now(), [
        { itemId: item.id, kind: 'rules', newValue: Object.keys(change), text: 'Supplier rules applied.' },
      ]);
      reapplied += 1;
    }
  }
  return { contact, reapplied };
}

export const listCategories = (db: Db, scope: Scope) =>
  db.select().from(categories).where(eq(categories.accountId, scope.accountId)).orderBy(asc(categories.name));

export async function createCategory(
  db: Db,
  scope: Scope,
  v: { name: string; code?: string | null | undefined },
) {
  await assertListEditable(db, scope, 'categories');
  try {
    const [row] = await db
      .insert(categories)
      .values({ accountId: scope.accountId, name: v.name, code: v.code ?? null })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  } catch (error) {
    if (isUnique(error)) throw new Conflict('A category with this name already exists.');
    throw error;
  }
}

export async function updateCategory(
  db: Db,
  scope: Scope,
  id: string,
  v: { name?: string | undefined; code?: string | null | undefined; visible?: boolean | undefined },
) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if ('name' in set || 'code' in set) {
    await findOwn(db, scope, categories, id, 'No such category.');
    await assertListEditable(db, scope, 'categories');
  }
  if (Object.keys(set).length === 0) return findOwn(db, scope, categories, id, 'No such category.');
  try {
    const [row] = await db
      .update(categories)
      .set(set)
      .where(and(eq(categories.accountId, scope.accountId), eq(categories.id, id)))
      .returning();
    if (!row) throw new NotFound('No such category.');
    return row;
  } catch (error) {
    if (isUnique(error)) throw new Conflict('A category with this name already exists.');
    throw error;
  }
}

type ListTable = typeof categories | typeof taxRates | typeof paymentMethods;

async function findOwn<T extends ListTable>(
  db: Db,
  scope: Scope,
  table: T,
  id: string,
  missing: string,
): Promise<T['$inferSelect']> {
  const [row] = (await db
    .select()
    .from(table as typeof categories)
    .where(and(eq(table.accountId, scope.accountId), eq(table.id, id)))) as T['$inferSelect'][];
  if (!row) throw new NotFound(missing);
  return row;
}

const referenceColumns = {
  categoryId: { item: items.categoryId, contact: contacts.categoryId },
  taxRateId: { item: items.taxRateId, contact: contacts.taxRateId },
  paymentMethodId: { item: items.paymentMethodId, contact: contacts.paymentMethodId },
} as const;

/**
 * A deleted list entry is cleared from supplier rules and from Inbox items (which then need review
 * again if it was their category); archived items keep what they were published with.
 */
async function clearReferences(
  db: Db,
  scope: Scope,
  field: keyof typeof referenceColumns,
  id: string,
  clock: Clock,
): Promise<void> {
  const columns = referenceColumns[field];
  await db
    .update(contacts)
    .set({ [field]: null })
    .where(and(eq(contacts.accountId, scope.accountId), eq(columns.contact, id)));
  const inbox = await db
    .select()
    .from(items)
    .where(
      and(
        eq(items.accountId, scope.accountId),
        eq(columns.item, id),
        inArray(items.status, ['to_review', 'ready', 'processing', 'waiting', 'failed']),
      ),
    );
  for (const item of inbox) {
    const next = { ...item, [field]: null };
    await db
      .update(items)
      .set({ [field]: null, ...settled(next), updatedAt: clock.now() })
      .where(eq(items.id, item.id));
  }
}

export async function deleteCategory(db: Db, scope: Scope, id: string, clock: Clock): Promise<void> {
  await findOwn(db, scope, categories, id, 'No such category.');
  await assertListEditable(db, scope, 'categories');
  await clearReferences(db, scope, 'categoryId', id, clock);
  await db.delete(categories).where(and(eq(categories.accountId, scope.accountId), eq(categories.id, id)));
}

/** Parses "name,code" lines (a header line is skipped; quotes allowed). */
export function parseCategoryCsv(csv: string): {
  rows: { name: string; code: string | null }[];
  errors: string[];
} {
  const rows: { name: string; code: string | null }[] = [];
  const errors: string[] = [];
  const lines = csv.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const cells = [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) =>
      (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"').trim(),
    );
    const name = cells[0] ?? '';
    if (i === 0 && /^name$/i.test(name)) continue;
    if (!name) {
      errors.push(`Line ${i + 1}: the name is empty.`);
      continue;
    }
    rows.push({ name: name.slice(0, 200), code: cells[1] ? cells[1].slice(0, 50) : null });
  }
  return { rows, errors };
}

export async function importCategories(db: Db, scope: Scope, csv: string) {
  await assertListEditable(db, scope, 'categories');
  const { rows, errors } = parseCategoryCsv(csv);
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const [existing] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(
        and(eq(categories.accountId, scope.accountId), sql`lower(${categories.name}) = lower(${r.name})`),
      );
    if (existing) {
      await db.update(categories).set({ code: r.code }).where(eq(categories.id, existing.id));
      updated += 1;
    } else {
      await db.insert(categories).values({ accountId: scope.accountId, name: r.name, code: r.code });
      created += 1;
    }
  }
  return { created, updated, errors };
}

export const listTaxRates = (db: Db, scope: Scope) =>
  db
    .select()
    .from(taxRates)
    .where(eq(taxRates.accountId, scope.accountId))
    .orderBy(asc(taxRates.workspace), asc(taxRates.name));

export async function createTaxRate(
  db: Db,
  scope: Scope,
  v: { workspace: 'costs' | 'sales'; name: string; code?: string | null | undefined; rate: string },
) {
  await assertListEditable(db, scope, 'tax_rates');
  const [row] = await db
    .insert(taxRates)
    .values({ ...v, code: v.code ?? null, accountId: scope.accountId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateTaxRate(
  db: Db,
  scope: Scope,
  id: string,
  v: { name?: string | undefined; code?: string | null | undefined; rate?: string | undefined },
) {
  await findOwn(db, scope, taxRates, id, 'No such tax rate.');
  await assertListEditable(db, scope, 'tax_rates');
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return findOwn(db, scope, taxRates, id, 'No such tax rate.');
  const [row] = await db
    .update(taxRates)
    .set(set)
    .where(and(eq(taxRates.accountId, scope.accountId), eq(taxRates.id, id)))
    .returning();
  if (!row) throw new NotFound('No such tax rate.');
  return row;
}

export async function deleteTaxRate(db: Db, scope: Scope, id: string, clock: Clock): Promise<void> {
  await findOwn(db, scope, taxRates, id, 'No such tax rate.');
  await assertListEditable(db, scope, 'tax_rates');
  await clearReferences(db, scope, 'taxRateId', id, clock);
  await db.delete(taxRates).where(and(eq(taxRates.accountId, scope.accountId), eq(taxRates.id, id)));
}

export const listPaymentMethods = (db: Db, scope: Scope) =>
  db
    .select()
    .from(paymentMethods)
    .where(eq(paymentMethods.accountId, scope.accountId))
    .orderBy(asc(paymentMethods.name));

export async function createPaymentMethod(
  db: Db,
  scope: Scope,
  v: { name: string; cardLast4?: string | null | undefined },
) {
  const [row] = await db
    .insert(paymentMethods)
    .values({ accountId: scope.accountId, name: v.name, cardLast4: v.cardLast4 ?? null })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updatePaymentMethod(
  db: Db,
  scope: Scope,
  id: string,
  v: { name?: string | undefined; cardLast4?: string | null | undefined },
) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return findOwn(db, scope, paymentMethods, id, 'No such payment method.');
  const [row] = await db
    .update(paymentMethods)
    .set(set)
    .where(and(eq(paymentMethods.accountId, scope.accountId), eq(paymentMethods.id, id)))
    .returning();
  if (!row) throw new NotFound('No such payment method.');
  return row;
}

export async function deletePaymentMethod(db: Db, scope: Scope, id: string, clock: Clock): Promise<void> {
  await findOwn(db, scope, paymentMethods, id, 'No such payment method.');
  await clearReferences(db, scope, 'paymentMethodId', id, clock);
  await db
    .delete(paymentMethods)
    .where(and(eq(paymentMethods.accountId, scope.accountId), eq(paymentMethods.id, id)));
}

export async function getCaptureSettings(db: Db, scope: Scope) {
  const [row] = await db.select().from(captureSettings).where(eq(captureSettings.accountId, scope.accountId));
  return {
    duplicateMode: row?.duplicateMode ?? 'review',
    extractionLimit: row?.extractionLimit ?? null,
  };
}

export async function setDuplicateMode(db: Db, scope: Scope, duplicateMode: DuplicateMode) {
  await db
    .insert(captureSettings)
    .values({ accountId: scope.accountId, duplicateMode })
    .onConflictDoUpdate({ target: captureSettings.accountId, set: { duplicateMode } });
  return getCaptureSettings(db, scope);
}
