import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNotNull, lt, or, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { ledgerCallLeases, ledgerRateBuckets } from '../../db/schema';
import { LedgerError } from '../../integrations/ledgers/ledger-error';
import type { LedgerKind } from '../../integrations/ledgers/port';

/**
 * Docket's side of the vendors' rate limits, per organisation: calls per minute (sliding window),
 * calls in flight, and a pause when the ledger answers 429 with Retry-After. Time is injected
 * (`now`, `sleep`) so tests and the benchmark can run on a simulated clock.
 *
 * In-process first (the one-process mode needs nothing else). With several processes on one
 * PostgreSQL, `SharedCallSlots` adds the same limits across them: a call is admitted only when
 * both this process and the database say so (docs/decisions/0109).
 */

export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface VendorLimits {
  readonly perMinute: number;
  readonly concurrent: number;
}

export const VENDOR_LIMITS: Readonly<Record<LedgerKind, VendorLimits>> = {
  xero: { perMinute: 60, concurrent: 5 },
  quickbooks: { perMinute: 500, concurrent: 10 },
};

const WINDOW_MS = 60_000;
/** Our window is a little longer than the vendor's, for clock skew. */
const MARGIN_MS = 1_000;
const SLIDING_MS = WINDOW_MS + MARGIN_MS;

/**
 * The window counts a call from its end (when the limiter is told it finished), and a call in
 * flight counts in it too. The vendor counts a call when it arrives, which is somewhere between
 * our admission and the answer; counting from the admission undercounts as soon as a call reaches
 * the vendor more than the margin after it was admitted (a slow network, or a weighted call such as
 * the list refresh, whose requests go one after another). Counting from the end is an upper bound
 * whatever the latency (docs/decisions/0109).
 */
interface Bucket {
  /** When each finished call ended, one entry per unit of weight. */
  ends: number[];
  inFlight: number;
  /** The weight of the calls in flight: they count in the window until they end. */
  inFlightWeight: number;
  pausedUntil: number;
  waiters: (() => void)[];
}

export interface LimiterStats {
  calls: number;
  rateLimited: number;
}

export type Admission =
  { readonly ok: true; readonly id: string } | { readonly ok: false; readonly waitMs: number };

/**
 * The limits shared through PostgreSQL: one row per organisation (its row lock serialises
 * admissions, it carries the 429 pause) and one lease per admitted call (in flight, and counted in
 * the sliding window, until released or until the lease expires, so a crashed holder frees its
 * slot; once released it counts in the window from its end). Works the same on PGlite (one process) and PostgreSQL 15+.
 */
export class SharedCallSlots {
  readonly #db: Db;
  readonly #holder: string;
  readonly #leaseMs: number;
  readonly #pollMs: number;

  constructor(db: Db, options: { holder?: string; leaseMs?: number; pollMs?: number } = {}) {
    this.#db = db;
    this.#holder = options.holder ?? `${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#pollMs = options.pollMs ?? 100;
  }

  /** Admits a call now, or says how long to wait before asking again. */
  async tryAcquire(bucket: string, limits: VendorLimits, weight: number, nowMs: number): Promise<Admission> {
    const now = new Date(nowMs);
    const windowStart = new Date(nowMs - SLIDING_MS);
    return this.#db.transaction(async (tx) => {
      await tx
        .insert(ledgerRateBuckets)
        .values({ bucket, pausedUntil: new Date(0) })
        .onConflictDoNothing();
      const [row] = await tx
        .select({ pausedUntil: ledgerRateBuckets.pausedUntil })
        .from(ledgerRateBuckets)
        .where(eq(ledgerRateBuckets.bucket, bucket))
        .for('update');
      const pausedUntil = row?.pausedUntil.getTime() ?? 0;
      if (pausedUntil > nowMs) return { ok: false, waitMs: pausedUntil - nowMs };
      // Rows out of the window and no longer in flight are of no use to anyone (a lease never
      // released counts until its expiry, and leaves the window a window after that).
      await tx
        .delete(ledgerCallLeases)
        .where(
          and(
            eq(ledgerCallLeases.bucket, bucket),
            lt(ledgerCallLeases.startedAt, windowStart),
            or(isNull(ledgerCallLeases.leaseUntil), lt(ledgerCallLeases.leaseUntil, windowStart)),
          ),
        );
      const [flight] = await tx
        .select({
          n: sql<number>`count(*)::int`,
          nextExpiry: sql<Date | string | null>`min(${ledgerCallLeases.leaseUntil})`,
        })
        .from(ledgerCallLeases)
        .where(
          and(
            eq(ledgerCallLeases.bucket, bucket),
            isNotNull(ledgerCallLeases.leaseUntil),
            gt(ledgerCallLeases.leaseUntil, now),
          ),
        );
      if ((flight?.n ?? 0) >= limits.concurrent) {
        const expiry = flight?.nextExpiry == null ? null : new Date(flight.nextExpiry).getTime();
        const untilExpiry = expiry === null ? this.#pollMs : Math.max(1, expiry - nowMs);
        return { ok: false, waitMs: Math.min(this.#pollMs, untilExpiry) };
      }
      // In the window: calls that ended inside it (release moves `started_at` to the end) and
      // calls not released, whenever they started, until a window after their lease expires.
      const recent = await tx
        .select({
          startedAt: ledgerCallLeases.startedAt,
          weight: ledgerCallLeases.weight,
          leaseUntil: ledgerCallLeases.leaseUntil,
        })
        .from(ledgerCallLeases)
        .where(
          and(
            eq(ledgerCallLeases.bucket, bucket),
            or(
              gt(ledgerCallLeases.startedAt, windowStart),
              and(isNotNull(ledgerCallLeases.leaseUntil), gt(ledgerCallLeases.leaseUntil, windowStart)),
            ),
          ),
        )
        .orderBy(asc(ledgerCallLeases.startedAt));
      let used = recent.reduce((s, r) => s + r.weight, 0);
      if (used + weight > limits.perMinute) {
        // Wait until enough of the oldest finished calls leave the window; if the calls in flight
        // alone fill it, poll until they end.
        for (const r of recent) {
          if (r.leaseUntil !== null) continue;
          used -= r.weight;
          if (used + weight <= limits.perMinute)
            return { ok: false, waitMs: Math.max(1, r.startedAt.getTime() + SLIDING_MS - nowMs) };
        }
        return { ok: false, waitMs: this.#pollMs };
      }
      const [lease] = await tx
        .insert(ledgerCallLeases)
        .values({
          bucket,
          startedAt: now,
          weight,
          leaseUntil: new Date(nowMs + this.#leaseMs),
          holder: this.#holder,
        })
        .returning({ id: ledgerCallLeases.id });
      if (lease === undefined) throw new Error('lease insert returned nothing');
      return { ok: true, id: lease.id };
    });
  }

  /**
   * The call finished at `endedMs`: its slot is free, and from now on it counts in the window from
   * its end (`started_at` is moved there; the column keeps its name to avoid a migration).
   */
  async release(lease: { id: string; bucket: string; weight: number }, endedMs: number): Promise<void> {
    // Upsert: a call that outlived its lease may have had its row deleted; it still counts.
    await this.#db
      .insert(ledgerCallLeases)
      .values({ ...lease, startedAt: new Date(endedMs), leaseUntil: null, holder: this.#holder })
      .onConflictDoUpdate({
        target: ledgerCallLeases.id,
        set: { leaseUntil: null, startedAt: new Date(endedMs) },
      });
  }

  /** A 429: every process waits until `untilMs` before calling this organisation again. */
  async pause(bucket: string, untilMs: number): Promise<void> {
    const until = new Date(untilMs);
    await this.#db
      .insert(ledgerRateBuckets)
      .values({ bucket, pausedUntil: until })
      .onConflictDoUpdate({
        target: ledgerRateBuckets.bucket,
        set: { pausedUntil: sql`greatest(${ledgerRateBuckets.pausedUntil}, ${until})` },
      });
  }
}

export class LedgerRateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #timer: Timer;
  readonly #shared: SharedCallSlots | null;
  readonly stats: LimiterStats = { calls: 0, rateLimited: 0 };

  constructor(timer: Timer = realTimer, shared: SharedCallSlots | null = null) {
    this.#timer = timer;
    this.#shared = shared;
  }

  /** Whether the limits are shared with other processes through the database. */
  get shared(): boolean {
    return this.#shared !== null;
  }

  /**
   * Runs `call` within the organisation's budget. A 429 pauses the organisation for Retry-After
   * and runs the same call again (the caller's idempotency key makes that safe), up to `maxRateRetries`.
   */
  async run<T>(
    software: LedgerKind,
    tenantId: string,
    call: () => Promise<T>,
    options: { weight?: number; maxRateRetries?: number } = {},
  ): Promise<T> {
    const key = `${software}:${tenantId}`;
    const weight = options.weight ?? 1;
    const maxRateRetries = options.maxRateRetries ?? 5;
    for (let retry = 0; ; retry += 1) {
      const release = await this.#acquire(key, VENDOR_LIMITS[software], weight);
      try {
        this.stats.calls += weight;
        return await call();
      } catch (error) {
        if (!(error instanceof LedgerError) || error.code !== 'rate_limited' || retry >= maxRateRetries)
          throw error;
        this.stats.rateLimited += 1;
        const bucket = this.#bucket(key);
        const until = this.#timer.now() + (error.retryAfterSeconds ?? 60) * 1000;
        bucket.pausedUntil = Math.max(bucket.pausedUntil, until);
        await this.#shared?.pause(key, until).catch(() => undefined);
      } finally {
        await release();
      }
    }
  }

  async #acquire(key: string, limits: VendorLimits, weight: number): Promise<() => Promise<void>> {
    const releaseLocal = await this.#acquireLocal(key, limits, weight);
    const shared = this.#shared;
    if (shared === null)
      return () => {
        releaseLocal();
        return Promise.resolve();
      };
    try {
      for (;;) {
        const admitted = await shared.tryAcquire(key, limits, weight, this.#timer.now());
        if (admitted.ok)
          return async () => {
            // Best effort: a lease that cannot be released expires on its own.
            await shared
              .release({ id: admitted.id, bucket: key, weight }, this.#timer.now())
              .catch(() => undefined);
            releaseLocal();
          };
        await this.#timer.sleep(admitted.waitMs);
      }
    } catch (error) {
      releaseLocal();
      throw error;
    }
  }

  async #acquireLocal(key: string, limits: VendorLimits, weight: number): Promise<() => void> {
    const bucket = this.#bucket(key);
    for (;;) {
      const now = this.#timer.now();
      bucket.ends = bucket.ends.filter((t) => t > now - SLIDING_MS);
      if (now < bucket.pausedUntil) {
        await this.#timer.sleep(bucket.pausedUntil - now);
        continue;
      }
      if (bucket.inFlight >= limits.concurrent) {
        await new Promise<void>((resolve) => bucket.waiters.push(resolve));
        continue;
      }
      const excess = bucket.ends.length + bucket.inFlightWeight + weight - limits.perMinute;
      if (excess > 0) {
        const oldest = bucket.ends[excess - 1];
        // Enough finished calls leave the window at `oldest`; if not, wait for calls in flight to end.
        if (oldest !== undefined) await this.#timer.sleep(oldest + SLIDING_MS - now);
        else await new Promise<void>((resolve) => bucket.waiters.push(resolve));
        continue;
      }
      bucket.inFlight += 1;
      bucket.inFlightWeight += weight;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const ended = this.#timer.now();
        for (let i = 0; i < weight; i += 1) bucket.ends.push(ended);
        bucket.inFlight -= 1;
        bucket.inFlightWeight -= weight;
        // Everyone waiting looks again, in order (a slot and window room may both have freed).
        for (const wake of bucket.waiters.splice(0)) wake();
      };
    }
  }

  #bucket(key: string): Bucket {
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { ends: [], inFlight: 0, inFlightWeight: 0, pausedUntil: 0, waiters: [] };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}
