import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, logins, users, type Role } from '../../db/schema';
import type { Mailer } from '../../integrations/mail/mailer';
import type { Clock } from '../../lib/clock';
import { Conflict, Invalid } from '../../lib/errors';
import type { SecretBox } from '../../lib/secret-box';
import { consumeLinkToken, createLinkToken } from './email-links';
import { findLoginByEmail, findLoginById, listMemberships, recordAudit } from './identity.repo';
import { verifyPassword } from './passwords';
import { assertNotThrottled, recordFailure } from './throttle';
import { consumeBackupCode, twoFactorEnabled, verifyTotp } from './two-factor';

export interface MergeDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  secrets: SecretBox;
}

const rank: Record<Role, number> = { practice_admin: 3, client_admin: 2, admin: 2, standard: 1 };

/**
 * First step of Merge logins: proves the other login is the user's (password, and its 2FA code
 * when it has 2FA) and returns what the merge will do plus a short-lived confirmation token.
 */
export async function previewMerge(
  deps: MergeDeps,
  input: { keepLoginId: string; email: string; password: string; code?: string | undefined; ip: string },
) {
  const keep = await findLoginById(deps.db, input.keepLoginId);
  if (!keep) throw new Invalid('Sign in again.');
  if (!keep.emailVerifiedAt) {
    throw new Conflict(
      'Confirm the email address of the login you are signed in with before merging (use "Resend confirmation email").',
    );
  }
  const key = `merge:${input.email.toLowerCase()}`;
  await assertNotThrottled(deps.db, deps.clock, key, input.ip);
  const other = await findLoginByEmail(deps.db, input.email);
  if (!other?.passwordHash || !(await verifyPassword(other.passwordHash, input.password))) {
    await recordFailure(deps.db, deps.clock, key, input.ip);
    throw new Invalid('The email or password of the other login is not right.', {
      password: 'email or password not right',
    });
  }
  if (other.id === keep.id)
    throw new Invalid('That is the login you are signed in with. Enter the other login’s details.', {
      email: 'is this login',
    });
  const now = deps.clock.now();
  if (await twoFactorEnabled(deps.db, other.id)) {
    const code = input.code?.trim() ?? '';
    const ok =
      code.length > 0 &&
      ((await verifyTotp(deps.db, deps.secrets, other, code, now)) ||
        (await consumeBackupCode(deps.db, other.id, code, now)));
    if (!ok) {
      await recordFailure(deps.db, deps.clock, key, input.ip);
      throw new Invalid(
        'The other login has two-factor authentication: enter its current code or a backup code.',
        { code: 'required' },
      );
    }
  }
  const token = await createLinkToken(deps.db, {
    purpose: 'merge_logins',
    loginId: keep.id,
    email: keep.email,
    data: { otherLoginId: other.id },
    now,
  });
  return {
    mergeToken: token,
    other: { email: other.email, accounts: await listMemberships(deps.db, other.id) },
  };
}

/**
 * Second step: permanent. The other login's memberships move to the kept login (where both were in
 * the same account, the stronger role stays on the kept user and the other user stays, inactive and
 * without a login, so every item, document owner and history entry is unchanged); then the other
 * login, its sessions and its 2FA are deleted.
 */
export async function confirmMerge(
  deps: MergeDeps,
  input: { keepLoginId: string; mergeToken: string; ip: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const token = await consumeLinkToken(deps.db, 'merge_logins', input.mergeToken, now);
  const otherId = token.data.otherLoginId;
  if (token.loginId !== input.keepLoginId || !otherId)
    throw new Invalid('This merge was started by another login. Start again.');
  const keep = await findLoginById(deps.db, input.keepLoginId);
  const other = await findLoginById(deps.db, otherId);
  if (!keep || !other) throw new Invalid('One of the logins no longer exists.');

  await deps.db.transaction(async (tx) => {
    const theirs = await tx.select().from(users).where(eq(users.loginId, other.id));
    for (const u of theirs) {
      const [mine] = await tx
        .select()
        .from(users)
        .where(and(eq(users.accountId, u.accountId), eq(users.loginId, keep.id)));
      if (!mine) {
        await tx.update(users).set({ loginId: keep.id }).where(eq(users.id, u.id));
        continue;
      }
      const stronger = rank[u.role] > rank[mine.role] ? u.role : mine.role;
      const permissions = [...new Set([...mine.permissions, ...u.permissions])];
      await tx
        .update(users)
        .set({ role: stronger, permissions, active: mine.active || u.active })
        .where(eq(users.id, mine.id));
      await tx.update(users).set({ loginId: null, active: false }).where(eq(users.id, u.id));
      await tx
        .update(accounts)
        .set({ ownerUserId: mine.id })
        .where(and(eq(accounts.id, u.accountId), eq(accounts.ownerUserId, u.id)));
    }
    await tx.delete(logins).where(eq(logins.id, other.id));
    await recordAudit(tx, {
      loginId: keep.id,
      action: 'login.merged',
      detail: { mergedEmail: other.email, mergedLoginId: other.id },
      ip: input.ip,
      at: now,
    });
  });
  const text = `The Docket logins ${keep.email} and ${other.email} were merged. From now on, sign in as ${keep.email}; it reaches every account both logins had. If you did not do this, contact support at once.`;
  await deps.mailer.send(deps.db, { to: keep.email, subject: 'Your Docket logins were merged', text }, now);
  await deps.mailer.send(deps.db, { to: other.email, subject: 'Your Docket logins were merged', text }, now);
}
