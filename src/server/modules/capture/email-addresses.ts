import { randomBytes } from 'node:crypto';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { EMAIL_IN_USE } from '../../../shared/contracts/capture';
import type { Db } from '../../db/connect';
import { accounts, emailAddresses, users, type CaptureMode, type Workspace } from '../../db/schema';
import { Conflict, NotFound } from '../../lib/errors';
import { can, type Scope } from '../access';

export type EmailAddressRow = typeof emailAddresses.$inferSelect;

const combos: readonly { workspace: Workspace; mode: CaptureMode; suffix: string }[] = [
  { workspace: 'costs', mode: 'single', suffix: '' },
  { workspace: 'sales', mode: 'single', suffix: '.sales' },
  { workspace: 'costs', mode: 'multiple', suffix: '.multiple' },
  { workspace: 'sales', mode: 'multiple', suffix: '.sales.multiple' },
];

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30) || 'docs';

const isUnique = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
};

/** Creates the four addresses (Costs/Sales x single/multiple) of an account or a user when missing. */
async function ensureSet(db: Db, accountId: string, userId: string | null, name: string): Promise<void> {
  const existing = await db
    .select({ id: emailAddresses.id })
    .from(emailAddresses)
    .where(
      and(
        eq(emailAddresses.accountId, accountId),
        userId ? eq(emailAddresses.userId, userId) : isNull(emailAddresses.userId),
      ),
    )
    .limit(1);
  if (existing.length > 0) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    const base = `${slug(name)}-${randomBytes(3).toString('hex')}`;
    try {
      await db.transaction(async (tx) => {
        for (const c of combos) {
          await tx.insert(emailAddresses).values({
            accountId,
            userId,
            workspace: c.workspace,
            mode: c.mode,
            localPart: `${base}${c.suffix}`,
          });
        }
      });
      return;
    } catch (error) {
      if (!isUnique(error)) throw error;
    }
  }
}

/** The account's addresses (for those who see all documents) and the scope's own; created on first look. */
export async function listEmailAddresses(db: Db, scope: Scope): Promise<EmailAddressRow[]> {
  const [account] = await db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, scope.accountId));
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
  const seeAccount = can(scope, 'documents.read.all');
  if (seeAccount) await ensureSet(db, scope.accountId, null, account?.name ?? 'account');
  await ensureSet(db, scope.accountId, scope.userId, user?.name ?? 'me');
  return db
    .select()
    .from(emailAddresses)
    .where(
      and(
        eq(emailAddresses.accountId, scope.accountId),
        seeAccount
          ? or(isNull(emailAddresses.userId), eq(emailAddresses.userId, scope.userId))
          : eq(emailAddresses.userId, scope.userId),
      ),
    )
    .orderBy(emailAddresses.userId, emailAddresses.workspace, emailAddresses.mode);
}

/** Changes the local part; unique across Docket whatever the case. */
export async function updateLocalPart(
  db: Db,
  scope: Scope,
  id: string,
  localPart: string,
): Promise<EmailAddressRow> {
  const [row] = await db
    .select()
    .from(emailAddresses)
    .where(and(eq(emailAddresses.accountId, scope.accountId), eq(emailAddresses.id, id)));
  const mayEdit = row && (row.userId === scope.userId || can(scope, 'settings.manage'));
  if (!row || !mayEdit) throw new NotFound('No such address.');
  const [taken] = await db
    .select({ id: emailAddresses.id })
    .from(emailAddresses)
    .where(
      sql`lower(${emailAddresses.localPart}) = ${localPart.toLowerCase()} and ${emailAddresses.id} <> ${id}`,
    );
  if (taken) throw new Conflict(EMAIL_IN_USE);
  try {
    const [updated] = await db
      .update(emailAddresses)
      .set({ localPart })
      .where(eq(emailAddresses.id, id))
      .returning();
    if (!updated) throw new NotFound('No such address.');
    return updated;
  } catch (error) {
    if (isUnique(error)) throw new Conflict(EMAIL_IN_USE);
    throw error;
  }
}

/** For the SMTP server: the address a recipient local part names, with its account, or null. */
export async function findAddress(db: Db, localPart: string): Promise<EmailAddressRow | null> {
  const [row] = await db
    .select()
    .from(emailAddresses)
    .where(sql`lower(${emailAddresses.localPart}) = ${localPart.toLowerCase()}`)
    .limit(1);
  return row ?? null;
}
