import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AddUserRequest } from '../../../shared/contracts/identity';
import type { Db } from '../../db/connect';
import { accounts, invitations, logins, users } from '../../db/schema';
import type { Mailer } from '../../integrations/mail/mailer';
import type { Clock } from '../../lib/clock';
import { Conflict, Forbidden, Invalid, NotFound } from '../../lib/errors';
import { assertCan, rolesFor, type Scope } from '../access';
import {
  assertPasswordAcceptable,
  findLoginByEmail,
  hashPassword,
  hashToken,
  newToken,
  recordAudit,
} from '../identity';

export const INVITATION_MS = 14 * 24 * 60 * 60 * 1000;

export interface UserDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

type AddUser = z.output<typeof AddUserRequest>;

/**
 * Adds a user to the scope's account. An email that already has a login is linked to it at once
 * (one login, many accounts: no second login, no second password). A new email gets an invitation
 * by email. Without login access the user is auto-generated: a document owner who cannot sign in.
 */
export async function addUser(
  deps: UserDeps,
  scope: Scope,
  input: AddUser,
): Promise<{ userId: string; outcome: 'linked' | 'invited' | 'none' }> {
  assertCan(scope, 'users.manage');
  if (!rolesFor(scope.accountKind).includes(input.role)) {
    throw new Invalid(`A ${scope.accountKind} account has no role "${input.role}".`, {
      role: `must be one of ${rolesFor(scope.accountKind).join(', ')}`,
    });
  }
  if (input.role === 'practice_admin' && scope.role !== 'practice_admin') {
    throw new Forbidden('Only a Practice Admin can add Practice Admins.');
  }
  const now = deps.clock.now();
  const existingLogin = input.loginAccess ? await findLoginByEmail(deps.db, input.email) : undefined;
  const [account] = await deps.db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, scope.accountId));
  if (!account) throw new NotFound('No such account.');

  const [sameEmail] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.accountId, scope.accountId),
        sql`lower(${users.email}) = ${input.email}`,
        eq(users.active, true),
      ),
    );
  if (sameEmail) {
    throw new Conflict(
      `This email is already taken in this account: ${input.email} is already one of its users. Change that user's role or access instead.`,
    );
  }

  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        accountId: scope.accountId,
        loginId: existingLogin?.id ?? null,
        name: input.name,
        email: input.email,
        role: input.role,
        permissions: input.permissions,
        createdAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    await recordAudit(tx, {
      accountId: scope.accountId,
      loginId: scope.loginId,
      action: 'user.added',
      detail: { userId: user.id, email: input.email, role: input.role },
      at: now,
    });
    if (existingLogin) {
      await deps.mailer.send(
        tx,
        {
          to: input.email,
          subject: `You now have access to ${account.name} on Docket`,
          text: `${account.name} added you as a user. Sign in as usual (${deps.baseUrl}) and pick ${account.name} in the account switcher.`,
        },
        now,
      );
      return { userId: user.id, outcome: 'linked' as const };
    }
    if (!input.loginAccess) return { userId: user.id, outcome: 'none' as const };
    await sendInvitation(deps, tx, {
      accountId: scope.accountId,
      accountName: account.name,
      userId: user.id,
      email: input.email,
      invitedByUserId: scope.userId,
      now,
    });
    return { userId: user.id, outcome: 'invited' as const };
  });
}

async function sendInvitation(
  deps: UserDeps,
  db: Db,
  input: {
    accountId: string;
    accountName: string;
    userId: string;
    email: string;
    invitedByUserId: string;
    now: Date;
  },
): Promise<void> {
  const token = newToken();
  await db.insert(invitations).values({
    id: hashToken(token),
    accountId: input.accountId,
    userId: input.userId,
    email: input.email,
    invitedByUserId: input.invitedByUserId,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + INVITATION_MS),
  });
  await deps.mailer.send(
    db,
    {
      to: input.email,
      subject: `You are invited to ${input.accountName} on Docket`,
      text: `${input.accountName} invited you to Docket. Accept the invitation and choose your password here:\n\n${deps.baseUrl}/invitation?token=${token}\n\nThe invitation works for 14 days.`,
    },
    input.now,
  );
}

/** Invites an existing auto-generated user (who cannot sign in yet) to get login access. */
export async function inviteExistingUser(deps: UserDeps, scope: Scope, userId: string): Promise<void> {
  assertCan(scope, 'users.manage');
  const [user] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, scope.accountId)));
  if (!user) throw new NotFound('No such user in this account.');
  if (user.loginId) throw new Conflict('This user can already sign in.');
  const [account] = await deps.db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, scope.accountId));
  const existing = await findLoginByEmail(deps.db, user.email);
  const now = deps.clock.now();
  if (existing) {
    await deps.db.update(users).set({ loginId: existing.id }).where(eq(users.id, user.id));
    return;
  }
  await sendInvitation(deps, deps.db, {
    accountId: scope.accountId,
    accountName: account?.name ?? 'Docket',
    userId: user.id,
    email: user.email,
    invitedByUserId: scope.userId,
    now,
  });
}

async function liveInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({
      inv: invitations,
      accountName: accounts.name,
      userName: users.name,
      userLoginId: users.loginId,
    })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.id, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  if (!row)
    throw new NotFound('This invitation has expired, was revoked or was already used. Ask for a new one.');
  return row;
}

export async function describeInvitation(db: Db, clock: Clock, token: string) {
  const row = await liveInvitation(db, token, clock.now());
  return {
    accountName: row.accountName,
    email: row.inv.email,
    name: row.userName,
    hasLogin: (await findLoginByEmail(db, row.inv.email)) !== undefined,
  };
}

/** Accepts an invitation: creates the login (or links the one that now exists with that email). */
export async function acceptInvitation(
  deps: UserDeps,
  token: string,
  input: { name: string; password: string },
): Promise<{ loginId: string; accountId: string }> {
  const now = deps.clock.now();
  const row = await liveInvitation(deps.db, token, now);
  const existing = await findLoginByEmail(deps.db, row.inv.email);
  if (existing)
    throw new Conflict(
      'This email already has a Docket login: sign in with it and the account appears in your account switcher.',
    );
  assertPasswordAcceptable(input.password, 'password', row.inv.email);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const [login] = await tx
      .insert(logins)
      .values({ email: row.inv.email, name: input.name, passwordHash, emailVerifiedAt: now, createdAt: now })
      .returning({ id: logins.id });
    if (!login) throw new Error('insert returned no row');
    await tx.update(users).set({ loginId: login.id, name: input.name }).where(eq(users.id, row.inv.userId));
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, row.inv.id));
    await recordAudit(tx, {
      accountId: row.inv.accountId,
      loginId: login.id,
      action: 'invitation.accepted',
      at: now,
    });
    return { loginId: login.id, accountId: row.inv.accountId };
  });
}

export async function listInvitations(db: Db, scope: Scope) {
  assertCan(scope, 'users.read');
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.accountId, scope.accountId))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(deps: UserDeps, scope: Scope, invitationId: string): Promise<void> {
  assertCan(scope, 'users.manage');
  const done = await deps.db
    .update(invitations)
    .set({ revokedAt: deps.clock.now() })
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.accountId, scope.accountId),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (done.length === 0) throw new NotFound('No such open invitation in this account.');
}
