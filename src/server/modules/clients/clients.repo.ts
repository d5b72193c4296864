import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, clientLinks, users } from '../../db/schema';
import { NotFound } from '../../lib/errors';
import type { Scope } from '../access';

export type LinkRow = typeof clientLinks.$inferSelect;

/** The open (pending or active) link of a business, if any. */
export async function openLinkOf(db: Db, businessAccountId: string): Promise<LinkRow | undefined> {
  const [row] = await db
    .select()
    .from(clientLinks)
    .where(
      and(
        eq(clientLinks.businessAccountId, businessAccountId),
        inArray(clientLinks.status, ['pending', 'active']),
      ),
    );
  return row;
}

/** The active link between the scope's practice and a client, or NotFound (also for former clients). */
export async function activeClientOf(
  db: Db,
  practice: Scope,
  clientId: string,
): Promise<LinkRow & { name: string; deactivatedAt: Date | null; ownerUserId: string | null }> {
  const [row] = await db
    .select({
      link: clientLinks,
      name: accounts.name,
      deactivatedAt: accounts.deactivatedAt,
      ownerUserId: accounts.ownerUserId,
    })
    .from(clientLinks)
    .innerJoin(accounts, eq(accounts.id, clientLinks.businessAccountId))
    .where(
      and(
        eq(clientLinks.practiceAccountId, practice.accountId),
        eq(clientLinks.businessAccountId, clientId),
        eq(clientLinks.status, 'active'),
      ),
    );
  if (!row) throw new NotFound('No such client, or it is no longer connected to your practice.');
  return { ...row.link, name: row.name, deactivatedAt: row.deactivatedAt, ownerUserId: row.ownerUserId };
}

/** A practice account that has a user with this email (how a business finds its accountant). */
export async function practiceByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        sql`lower(${users.email}) = ${email.toLowerCase()}`,
        eq(accounts.kind, 'practice'),
        eq(users.active, true),
      ),
    )
    .orderBy(accounts.createdAt)
    .limit(1);
  return row;
}

export async function isBusinessEmail(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(accounts.kind, 'business')))
    .limit(1);
  return row !== undefined;
}

/** Emails of a practice's admins (who hear about connections and disconnections). */
export async function practiceAdminEmails(db: Db, practiceAccountId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        eq(users.accountId, practiceAccountId),
        eq(users.active, true),
        inArray(users.role, ['practice_admin', 'client_admin']),
      ),
    );
  return [...new Set(rows.map((r) => r.email))];
}

export async function accountName(db: Db, accountId: string): Promise<string> {
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return row?.name ?? '';
}
