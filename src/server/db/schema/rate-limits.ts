import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The ledger rate limiter shared by every Docket process on one PostgreSQL (docs/decisions/0109).
 * Keyed by ledger organisation ("xero:<tenant id>"), not by account: several accounts may reach the
 * same organisation and the vendor counts calls per organisation. Infrastructure state, like the
 * job queue's tables: no account_id, rows live about a minute.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per organisation: the row lock serialises admissions; a 429 pauses until `paused_until`. */
export const ledgerRateBuckets = pgTable('ledger_rate_buckets', {
  bucket: text('bucket').primaryKey(),
  pausedUntil: at('paused_until').notNull().defaultNow(),
});

/**
 * One row per call admitted: in flight while `lease_until` is set and in the future, and counted in
 * the sliding window until released (or until a window after its lease expired). Release clears
 * `lease_until` and moves `started_at` to the call's end, from which it counts for one more window
 * (0109; the column keeps its name). A holder that dies leaves a lease that expires.
 */
export const ledgerCallLeases = pgTable(
  'ledger_call_leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bucket: text('bucket').notNull(),
    startedAt: at('started_at').notNull(),
    weight: integer('weight').notNull().default(1),
    leaseUntil: at('lease_until'),
    holder: text('holder').notNull(),
  },
  (t) => [index('ledger_call_leases_bucket_idx').on(t.bucket, t.startedAt)],
);
