import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, clientAccess, users } from '../../db/schema';
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

/** For each practice colleague, the clients they reach: 'all', or the assigned client ids. */
export async function clientAccessOf(
  db: Db,
  scope: Scope,
  rows: { id: string; role: string; permissions: string[] }[],
) {
  const access = new Map<string, 'all' | string[]>();
  if (scope.accountKind !== 'practice') return access;
  const assigned = rows.length
    ? await db
        .select({ userId: clientAccess.userId, clientId: clientAccess.businessAccountId })
        .from(clientAccess)
        .where(
          inArray(
            clientAccess.userId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  for (const r of rows) {
    access.set(
      r.id,
      r.role !== 'standard' || r.permissions.includes('all_clients')
        ? 'all'
        : assigned.filter((a) => a.userId === r.id).map((a) => a.clientId),
    );
  }
  return access;
}
