import type { Db } from '../../db/connect';
import type { Clock } from '../../lib/clock';
import {
  findLiveSession,
  insertSession,
  touchSession,
  type LoginRow,
  type SessionRow,
} from './identity.repo';
import { hashToken, newToken } from './tokens';

/** A session ends after this long without a request... */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** ...and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** Activity is written back at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

export const SESSION_COOKIE = 'docket_session';

function expiryFor(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}

/** Starts a new session (always a new id) and returns the cookie token, which is never stored. */
export async function startSession(
  db: Db,
  clock: Clock,
  input: {
    loginId: string;
    accountId: string | null;
    stage: 'full' | 'mfa' | 'setup_mfa';
    userAgent: string | null;
    ip: string | null;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = clock.now();
  const expiresAt = expiryFor(now, now);
  await insertSession(db, { id: hashToken(token), ...input, now, expiresAt });
  return { token, expiresAt };
}

/** The session behind a cookie token, sliding its idle expiry; undefined when missing or expired. */
export async function readSession(
  db: Db,
  clock: Clock,
  token: string,
): Promise<{ session: SessionRow; login: LoginRow } | undefined> {
  const now = clock.now();
  const found = await findLiveSession(db, hashToken(token), now);
  if (!found) return undefined;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, found.session.id, now, expiryFor(found.session.createdAt, now));
  }
  return found;
}
