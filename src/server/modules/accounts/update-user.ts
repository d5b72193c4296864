import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ColleagueUpdate } from '../../../shared/contracts/clients';
import { accounts, clientAccess, clientLinks, sessions, users } from '../../db/schema';
import { Conflict, Forbidden, Invalid, NotFound } from '../../lib/errors';
import { assertCan, rolesFor, type Scope } from '../access';
import { recordAudit } from '../identity';
import type { UserDeps } from './add-user';

async function userOf(deps: UserDeps, scope: Scope, userId: string) {
  const [row] = await deps.db
    .select({ user: users, ownerUserId: accounts.ownerUserId })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.id, userId), eq(users.accountId, scope.accountId)));
  if (!row) throw new NotFound('No such user in this account.');
  return { ...row.user, isOwner: row.ownerUserId === row.user.id };
}

function assertMayManage(
  scope: Scope,
  target: { role: string; isOwner: boolean },
  changes: { roleOrPermissions: boolean; activeOrRemove: boolean },
): void {
  assertCan(scope, 'users.manage');
  if (target.role === 'practice_admin' && scope.role !== 'practice_admin') {
    throw new Forbidden('Only a Practice Admin can change or remove Practice Admins.');
  }
  if (target.isOwner && changes.activeOrRemove) {
    throw new Conflict(
      'The account owner cannot be deactivated or removed. Contact support to change the owner.',
    );
  }
  // Practice staff inside a client may edit the owner's role and permissions; nobody else can.
  if (target.isOwner && changes.roleOrPermissions && scope.via !== 'practice') {
    throw new Conflict(
      'The account owner’s role and permissions can only be changed by support (or by the practice inside a client account).',
    );
  }
}

/**
 * Changes a user's role, optional permissions, active state (deactivated users cannot sign in or
 * submit; their paperwork stays) and, for Standard practice colleagues, which clients they reach.
 */
export async function updateUser(
  deps: UserDeps,
  scope: Scope,
  userId: string,
  input: z.output<typeof ColleagueUpdate>,
): Promise<void> {
  const target = await userOf(deps, scope, userId);
  assertMayManage(scope, target, {
    roleOrPermissions:
      input.role !== undefined || input.permissions !== undefined || input.clientAccess !== undefined,
    activeOrRemove: input.active === false,
  });
  if (input.role && !rolesFor(scope.accountKind).includes(input.role)) {
    throw new Invalid(`A ${scope.accountKind} account has no role "${input.role}".`, {
      role: 'is not a role of this account',
    });
  }
  if (input.role === 'practice_admin' && scope.role !== 'practice_admin')
    throw new Forbidden('Only a Practice Admin can make Practice Admins.');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    let permissions = input.permissions ?? target.permissions;
    if (input.clientAccess !== undefined) {
      if (scope.accountKind !== 'practice')
        throw new Invalid('Client access applies to practice colleagues.');
      permissions = permissions.filter((p) => p !== 'all_clients');
      await tx.delete(clientAccess).where(eq(clientAccess.userId, userId));
      if (input.clientAccess === 'all') permissions = [...permissions, 'all_clients'];
      else if (input.clientAccess.length > 0) {
        const mine = await tx
          .select({ id: clientLinks.businessAccountId })
          .from(clientLinks)
          .where(
            and(
              eq(clientLinks.practiceAccountId, scope.accountId),
              eq(clientLinks.status, 'active'),
              inArray(clientLinks.businessAccountId, input.clientAccess),
            ),
          );
        if (mine.length !== new Set(input.clientAccess).size)
          throw new Invalid('Some of those clients are not clients of your practice.', {
            clientAccess: 'unknown client',
          });
        await tx.insert(clientAccess).values(mine.map((m) => ({ userId, businessAccountId: m.id })));
      }
    }
    await tx
      .update(users)
      .set({
        ...(input.role ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        permissions,
      })
      .where(eq(users.id, userId));
    if (input.active === false && target.loginId) {
      // A deactivated user's sessions in this account end: they fall back to their other accounts.
      await tx
        .update(sessions)
        .set({ accountId: null })
        .where(and(eq(sessions.loginId, target.loginId), eq(sessions.accountId, scope.accountId)));
    }
    await recordAudit(tx, {
      accountId: scope.accountId,
      loginId: scope.loginId,
      action:
        input.active === false
          ? 'user.deactivated'
          : input.active === true
            ? 'user.reactivated'
            : 'user.updated',
      detail: { userId, ...(input.role ? { role: input.role } : {}) },
      at: now,
    });
  });
}

/**
 * Removes a user for good: the person loses access; their paperwork stays and still shows who
 * submitted it (the user row stays, inactive and without a login). To come back they are added anew.
 */
export async function removeUser(deps: UserDeps, scope: Scope, userId: string): Promise<void> {
  const target = await userOf(deps, scope, userId);
  assertMayManage(scope, target, { roleOrPermissions: false, activeOrRemove: true });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.delete(clientAccess).where(eq(clientAccess.userId, userId));
    await tx
      .update(users)
      .set({ active: false, loginId: null, permissions: [], removedAt: now })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      accountId: scope.accountId,
      loginId: scope.loginId,
      action: 'user.removed',
      detail: { userId },
      at: now,
    });
  });
}
