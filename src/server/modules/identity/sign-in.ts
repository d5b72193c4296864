import type { Db } from '../../db/connect';
import type { Clock } from '../../lib/clock';
import { Unauthenticated } from '../../lib/errors';
import { findLoginByEmail, listMemberships, recordAudit } from './identity.repo';
import { decoyHash, verifyPassword } from './passwords';

/** One message for a wrong email and a wrong password: the answer never tells whether an email has a login. */
export const WRONG_CREDENTIALS = 'The email or password is not right. Check them and try again.';

/**
 * Checks an email and password. Returns the login and the account to start in (its first
 * membership), or throws Unauthenticated with the same message whatever was wrong.
 */
export async function checkCredentials(
  db: Db,
  clock: Clock,
  input: { email: string; password: string },
  ip: string | null,
): Promise<{ loginId: string; accountId: string | null }> {
  const login = await findLoginByEmail(db, input.email);
  const ok = await verifyPassword(login?.passwordHash ?? (await decoyHash()), input.password);
  if (!login || !login.passwordHash || !ok) {
    await recordAudit(db, {
      loginId: login?.id ?? null,
      action: 'login.sign_in_failed',
      ip,
      at: clock.now(),
    });
    throw new Unauthenticated(WRONG_CREDENTIALS);
  }
  const memberships = await listMemberships(db, login.id);
  await recordAudit(db, { loginId: login.id, action: 'login.signed_in', ip, at: clock.now() });
  return { loginId: login.id, accountId: memberships[0]?.id ?? null };
}
