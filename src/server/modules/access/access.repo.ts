import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, users } from '../../db/schema';
import { NotFound } from '../../lib/errors';
import type { Scope } from './policy';

/**
 * Builds the scope for a login acting in an account, or throws NotFound: a login that does not
 * belong to an account cannot tell it from one that does not exist.
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
  if (!row?.active) throw new NotFound('No such account, or you do not have access to it.');
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
