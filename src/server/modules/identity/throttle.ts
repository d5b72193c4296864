import { and, count, eq, gt, lt, min } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { signInFailures } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { RateLimited } from '../../lib/errors';

/** At most this many failed attempts per login (email) in the window... */
export const MAX_FAILURES_PER_LOGIN = 10;
/** ...and this many from one network address (many emails tried from one place). */
export const MAX_FAILURES_PER_ADDRESS = 50;
export const FAILURE_WINDOW_MS = 3 * 60 * 1000;

/** Keys for non-password factors share the table: "2fa:<loginId>". */
export const twoFactorKey = (loginId: string): string => `2fa:${loginId}`;

/**
 * Refuses an attempt while the login or the address is over its limit, saying when to try again.
 * The message is the same whether or not the email has a login.
 */
export async function assertNotThrottled(db: Db, clock: Clock, key: string, ip: string): Promise<void> {
  const now = clock.now();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  for (const [column, value, limit] of [
    [signInFailures.email, key, MAX_FAILURES_PER_LOGIN],
    [signInFailures.ip, ip, MAX_FAILURES_PER_ADDRESS],
  ] as const) {
    const [row] = await db
      .select({ n: count(), first: min(signInFailures.at) })
      .from(signInFailures)
      .where(and(eq(column, value), gt(signInFailures.at, since)));
    if (row && row.n >= limit && row.first) {
      const waitMs = row.first.getTime() + FAILURE_WINDOW_MS - now.getTime();
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      throw new RateLimited(
        `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        Math.max(1, Math.ceil(waitMs / 1000)),
      );
    }
  }
}

export async function recordFailure(db: Db, clock: Clock, key: string, ip: string): Promise<void> {
  const now = clock.now();
  await db.insert(signInFailures).values({ email: key, ip, at: now });
  // Old rows are useless once outside the window; keep the table small.
  await db
    .delete(signInFailures)
    .where(lt(signInFailures.at, new Date(now.getTime() - 24 * FAILURE_WINDOW_MS)));
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, key));
}
