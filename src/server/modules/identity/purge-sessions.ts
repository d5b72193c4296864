import { lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { sessions } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { defineJob } from '../../jobs/registry';

/** Deletes sessions past their expiry. Idempotent: running it twice deletes nothing more. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return gone.length;
}

export function purgeSessionsJob(db: Db, clock: Clock) {
  return defineJob({
    name: 'sessions.purge',
    payload: z.strictObject({ before: z.iso.datetime().optional() }),
    retryLimit: 2,
    handler: async (payload) => {
      await purgeExpiredSessions(db, payload.before ? new Date(payload.before) : clock.now());
    },
  });
}
