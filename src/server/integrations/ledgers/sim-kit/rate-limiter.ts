/**
 * Per-key request budget for the simulators: calls per minute (sliding window), calls per day
 * (sliding 24 h) and requests in flight. Time comes from the injected clock, so tests move
 * time forward instead of sleeping.
 */

export type RateProblem = 'minute' | 'daily' | 'concurrent';

export interface RateLimits {
  readonly perMinute: number;
  readonly perDay: number | null;
  readonly concurrent: number;
}

export type Admission =
  | {
      readonly ok: true;
      readonly release: () => void;
      readonly minuteRemaining: number;
      readonly dayRemaining: number | null;
    }
  | { readonly ok: false; readonly problem: RateProblem; readonly retryAfterSeconds: number };

interface Bucket {
  minute: number[];
  day: number[];
  inFlight: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #limits: RateLimits;
  readonly #clock: () => Date;

  constructor(limits: RateLimits, clock: () => Date) {
    this.#limits = limits;
    this.#clock = clock;
  }

  /** Counts one call against `key`, or says which limit it hit and for how long. */
  admit(key: string): Admission {
    const now = this.#clock().getTime();
    const bucket = this.#bucket(key);
    bucket.minute = bucket.minute.filter((t) => t > now - MINUTE_MS);
    bucket.day = bucket.day.filter((t) => t > now - DAY_MS);

    if (bucket.inFlight >= this.#limits.concurrent) {
      return { ok: false, problem: 'concurrent', retryAfterSeconds: 1 };
    }
    const { perDay, perMinute } = this.#limits;
    if (perDay !== null && bucket.day.length >= perDay) {
      return { ok: false, problem: 'daily', retryAfterSeconds: secondsUntil(bucket.day[0], DAY_MS, now) };
    }
    if (bucket.minute.length >= perMinute) {
      return {
        ok: false,
        problem: 'minute',
        retryAfterSeconds: secondsUntil(bucket.minute[0], MINUTE_MS, now),
      };
    }

    bucket.minute.push(now);
    bucket.day.push(now);
    bucket.inFlight += 1;
    let released = false;
    return {
      ok: true,
      minuteRemaining: perMinute - bucket.minute.length,
      dayRemaining: perDay === null ? null : perDay - bucket.day.length,
      release: () => {
        if (released) return;
        released = true;
        bucket.inFlight -= 1;
      },
    };
  }

  reset(key?: string): void {
    if (key === undefined) this.#buckets.clear();
    else this.#buckets.delete(key);
  }

  #bucket(key: string): Bucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { minute: [], day: [], inFlight: 0 };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}

function secondsUntil(oldest: number | undefined, windowMs: number, now: number): number {
  if (oldest === undefined) return 1;
  return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
}
