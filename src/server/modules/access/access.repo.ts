import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, clientAccess, clientLinks, users } from '../../db/schema';
import { NotFound } from '../../lib/errors';
import type { Scope } from './policy';

const notFound = () => new NotFound('No such account, or you do not have access to it.');

/**
 * Builds the scope for a login acting in an account, or throws NotFound: a login that does not
 * belong to an account cannot tell it from one that does not exist. A login reaches an account
 * as one of its active users, or as staff of the practice the business is connected to (Practice
 * and Client Admins reach every client; Standard staff only the clients assigned to them).
 */
export async function resolveScope(db: Db, loginId: string, accountId: string): Promise<Scope> {
  const rows = await db
    .select({
      userId: users.id,
      role: users.role,
      permissions: users.permissions,
      active: users.active,
      kind: accounts.kind,
      ownerUserId: accounts.ownerUserId,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.loginId, loginId), eq(users.accountId, accountId)))
    .limit(1);
  const row = rows[0];
  if (row?.active) {
    return {
      loginId,
      userId: row.userId,
      accountId,
      accountKind: row.kind,
      role: row.role,
      permissions: row.permissions,
      isOwner: row.ownerUserId === row.userId,
      via: 'member',
    };
  }
  const staff = await practiceStaffFor(db, loginId, accountId);
  if (!staff) throw notFound();
  return {
    loginId,
    userId: staff.userId,
    accountId,
    accountKind: 'business',
    role: 'admin',
    permissions: [],
    isOwner: false,
    via: 'practice',
  };
}

/** The practice user through whom a login reaches a client, if any. */
async function practiceStaffFor(
  db: Db,
  loginId: string,
  businessAccountId: string,
): Promise<{ userId: string } | undefined> {
  const [staff] = await db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(
      clientLinks,
      and(eq(clientLinks.practiceAccountId, users.accountId), eq(clientLinks.status, 'active')),
    )
    .where(
      and(
        eq(users.loginId, loginId),
        eq(users.active, true),
        eq(clientLinks.businessAccountId, businessAccountId),
        or(
          inArray(users.role, ['practice_admin', 'client_admin']),
          sql`${users.permissions} ? 'all_clients'`,
          sql`exists (select 1 from ${clientAccess} ca where ca.user_id = ${users.id} and ca.business_account_id = ${businessAccountId})`,
        ),
      ),
    )
    .limit(1);
  return staff;
}
