import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { logins } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { Unauthenticated } from '../../lib/errors';
import { findLoginByEmail, listMemberships, recordAudit } from './identity.repo';
import { decoyHash, verifyPassword } from './passwords';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle';
import { isTrustedDevice, twoFactorEnabled, twoFactorRequired } from './two-factor';

/** One message for a wrong email and a wrong password: the answer never tells whether an email has a login. */
export const WRONG_CREDENTIALS = 'The email or password is not right. Check them and try again.';

export type SessionStage = 'full' | 'mfa' | 'setup_mfa';

/**
 * Checks an email and password (throttled per login and per address). Returns the login, the
 * account to start in, and what is still needed: nothing, a 2FA code, or setting 2FA up.
 */
export async function checkCredentials(
  db: Db,
  clock: Clock,
  input: { email: string; password: string; trustedDeviceToken?: string | undefined },
  ip: string,
): Promise<{ loginId: string; accountId: string | null; stage: SessionStage }> {
  const key = input.email.toLowerCase();
  await assertNotThrottled(db, clock, key, ip);
  const login = await findLoginByEmail(db, input.email);
  const ok = await verifyPassword(login?.passwordHash ?? (await decoyHash()), input.password);
  if (!login?.passwordHash || !ok) {
    await recordFailure(db, clock, key, ip);
    await recordAudit(db, {
      loginId: login?.id ?? null,
      action: 'login.sign_in_failed',
      ip,
      at: clock.now(),
    });
    throw new Unauthenticated(WRONG_CREDENTIALS);
  }
  await clearFailures(db, key);
  const memberships = await listMemberships(db, login.id);
  const stage = await stageAfterPassword(db, clock, login.id, input.trustedDeviceToken);
  await recordAudit(db, {
    loginId: login.id,
    action: stage === 'full' ? 'login.signed_in' : 'login.password_accepted',
    detail: { next: stage },
    ip,
    at: clock.now(),
  });
  return { loginId: login.id, accountId: memberships[0]?.id ?? null, stage };
}

async function stageAfterPassword(
  db: Db,
  clock: Clock,
  loginId: string,
  trustedToken: string | undefined,
): Promise<SessionStage> {
  if (await twoFactorEnabled(db, loginId)) {
    return (await isTrustedDevice(db, loginId, trustedToken, clock.now())) ? 'full' : 'mfa';
  }
  const [login] = await db
    .select({ mustSetUp2fa: logins.mustSetUp2fa })
    .from(logins)
    .where(eq(logins.id, loginId));
  if (login?.mustSetUp2fa || (await twoFactorRequired(db, loginId))) return 'setup_mfa';
  return 'full';
}
