import { LedgerError } from '../../integrations/ledgers/ledger-error';
import type { LedgerKind } from '../../integrations/ledgers/port';

/**
 * Docket's side of the vendors' rate limits, per organisation: calls per minute (sliding window),
 * calls in flight, and a pause when the ledger answers 429 with Retry-After. Time is injected
 * (`now`, `sleep`) so tests and the benchmark can run on a simulated clock.
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

interface Bucket {
  starts: number[];
  inFlight: number;
  pausedUntil: number;
  waiters: (() => void)[];
}

export interface LimiterStats {
  calls: number;
  rateLimited: number;
}

export class LedgerRateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #timer: Timer;
  readonly stats: LimiterStats = { calls: 0, rateLimited: 0 };

  constructor(timer: Timer = realTimer) {
    this.#timer = timer;
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
        const after = (error.retryAfterSeconds ?? 60) * 1000;
        bucket.pausedUntil = Math.max(bucket.pausedUntil, this.#timer.now() + after);
      } finally {
        release();
      }
    }
  }

  async #acquire(key: string, limits: VendorLimits, weight: number): Promise<() => void> {
    const bucket = this.#bucket(key);
    for (;;) {
      const now = this.#timer.now();
      const window = WINDOW_MS + MARGIN_MS;
      bucket.starts = bucket.starts.filter((t) => t > now - window);
      if (now < bucket.pausedUntil) {
        await this.#timer.sleep(bucket.pausedUntil - now);
        continue;
      }
      if (bucket.inFlight >= limits.concurrent) {
        await new Promise<void>((resolve) => bucket.waiters.push(resolve));
        continue;
      }
      const oldest = bucket.starts[bucket.starts.length + weight - limits.perMinute - 1];
      if (bucket.starts.length + weight > limits.perMinute && oldest !== undefined) {
        await this.#timer.sleep(oldest + window - now);
        continue;
      }
      for (let i = 0; i < weight; i += 1) bucket.starts.push(now);
      bucket.inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        bucket.inFlight -= 1;
        bucket.waiters.shift()?.();
      };
    }
  }

  #bucket(key: string): Bucket {
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { starts: [], inFlight: 0, pausedUntil: 0, waiters: [] };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}
