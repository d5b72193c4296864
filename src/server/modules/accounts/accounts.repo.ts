import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, users } from '../../db/schema';
import { NotFound } from '../../lib/errors';
import type { Scope } from '../access';

export async function getAccount(db: Db, scope: Scope) {
  const rows = await db.select().from(accounts).where(eq(accounts.id, scope.accountId)).limit(1);
  const row = rows[0];
  if (!row) throw new NotFound('No such account, or you do not have access to it.');
  return row;
}

export async function listUsers(db: Db, scope: Scope) {
  return db
    .select()
    .from(users)
    .where(and(eq(users.accountId, scope.accountId), isNull(users.removedAt)))
    .orderBy(asc(users.name), asc(users.id));
}
