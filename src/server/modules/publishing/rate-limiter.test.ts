import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/db';
import type { Database } from '../../db/connect';
import { LedgerError } from '../../integrations/ledgers/ledger-error';
import { RateLimiter } from '../../integrations/ledgers/sim-kit/rate-limiter';
import { LedgerRateLimiter, SharedCallSlots, VENDOR_LIMITS, type Timer } from './rate-limiter';

/**
 * Two limiters stand for two `docket worker` processes on the same database. They share one
 * simulated clock: a sleep moves it forward (to the latest time anyone asked for, never by the sum).
 */
function virtualTimer(start = Date.parse('2026-03-02T09:00:00Z')): Timer & { t: number } {
  const timer = {
    t: start,
    now: () => timer.t,
    sleep: async (ms: number) => {
      const target = timer.t + ms;
      await new Promise((resolve) => setImmediate(resolve));
      if (timer.t < target) timer.t = target;
    },
  };
  return timer;
}

/** What the vendor would see: calls in flight at once, and every call's start time. */
function vendor(timer: Timer, callMs: number) {
  const seen = { inFlight: 0, maxInFlight: 0, starts: [] as number[] };
  const call = async () => {
    seen.inFlight += 1;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    seen.starts.push(timer.now());
    await timer.sleep(callMs);
    seen.inFlight -= 1;
  };
  return { seen, call };
}

/** The most calls that started inside any 60-second window. */
function busiestMinute(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to += 1) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= 60_000) from += 1;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

/** Each limiter runs `perLimiter` jobs, 8 at a time (more than Xero's 5 in flight); `job` gets the job's number. */
async function eightAtATime(
  limiters: LedgerRateLimiter[],
  perLimiter: number,
  job: (limiter: LedgerRateLimiter, n: number) => Promise<void>,
) {
  await Promise.all(
    limiters.map(async (limiter) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < perLimiter) {
            next += 1;
            await job(limiter, next);
          }
        }),
      );
    }),
  );
}

/** Each limiter runs `perLimiter` calls, 8 at a time. */
async function drive(
  limiters: LedgerRateLimiter[],
  tenantId: string,
  perLimiter: number,
  call: () => Promise<void>,
) {
  await eightAtATime(limiters, perLimiter, (limiter) => limiter.run('xero', tenantId, call));
}

/**
 * The Xero simulator's own limiter (60 calls a minute counted when a request arrives, 5 in flight)
 * on the same simulated clock. A request takes 250 ms to arrive and as long to answer; meanwhile
 * other waiters may move the clock further, as in `npm run bench:publish`.
 */
function simulatedXero(timer: Timer) {
  const limiter = new RateLimiter(
    { perMinute: 60, perDay: null, concurrent: 5 },
    () => new Date(timer.now()),
  );
  const seen = { requests: 0, refused: 0 };
  // 250 ms on the way there and back: the six requests of a list refresh take about 3 s.
  const turn = () => timer.sleep(250);
  const request = async () => {
    await turn();
    const admission = limiter.admit('org');
    seen.requests += 1;
    if (!admission.ok) {
      seen.refused += 1;
      throw new LedgerError('xero', {
        code: 'rate_limited',
        vendorMessage: `Rate limit exceeded (${admission.problem})`,
        retryAfterSeconds: admission.retryAfterSeconds,
      });
    }
    await turn();
    admission.release();
  };
  /** A list refresh: six requests one after another under one admission of weight 6. */
  const listRefresh = async () => {
    for (let i = 0; i < 6; i += 1) await request();
  };
  return { seen, request, listRefresh };
}

/** Each limiter publishes `perLimiter` items 8 at a time; every 5th job refreshes the lists first. */
async function publishAgainst(
  limiters: LedgerRateLimiter[],
  xero: ReturnType<typeof simulatedXero>,
  perLimiter: number,
) {
  await eightAtATime(limiters, perLimiter, async (limiter, n) => {
    if (n % 5 === 0) await limiter.run('xero', 'org-sim', xero.listRefresh, { weight: 6 });
    await limiter.run('xero', 'org-sim', xero.request);
  });
}

describe('the ledger rate limiter shared through the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('when two processes call one Xero organisation, then together they stay within 5 in flight and 60 calls a minute', async () => {
    const timer = virtualTimer();
    const a = new LedgerRateLimiter(timer, new SharedCallSlots(database.db, { holder: 'a' }));
    const b = new LedgerRateLimiter(timer, new SharedCallSlots(database.db, { holder: 'b' }));
    const { seen, call } = vendor(timer, 400);
    const started = timer.now();
    await drive([a, b], 'org-shared', 75, call);
    expect(seen.starts).toHaveLength(150);
    expect(seen.maxInFlight).toBeLessThanOrEqual(VENDOR_LIMITS.xero.concurrent);
    expect(busiestMinute(seen.starts)).toBeLessThanOrEqual(VENDOR_LIMITS.xero.perMinute);
    // 150 calls at 60 a minute need at least two full windows.
    expect(timer.now() - started).toBeGreaterThanOrEqual(2 * 60_000);
  });

  it('when two processes publish to the Xero simulator while waiters move the clock, then its own limiter never answers 429', async () => {
    const timer = virtualTimer();
    const a = new LedgerRateLimiter(timer, new SharedCallSlots(database.db, { holder: 'a' }));
    const b = new LedgerRateLimiter(timer, new SharedCallSlots(database.db, { holder: 'b' }));
    const xero = simulatedXero(timer);
    await publishAgainst([a, b], xero, 100);
    // 200 items and 40 list refreshes of 6 requests each.
    expect(xero.seen.requests - xero.seen.refused).toBe(440);
    expect(xero.seen.refused).toBe(0);
    expect(a.stats.rateLimited + b.stats.rateLimited).toBe(0);
  });

  it('when one process publishes to the Xero simulator while its waiters move the clock, then its own limiter never answers 429', async () => {
    const timer = virtualTimer();
    const alone = new LedgerRateLimiter(timer);
    const xero = simulatedXero(timer);
    await publishAgainst([alone], xero, 200);
    expect(xero.seen.requests - xero.seen.refused).toBe(440);
    expect(xero.seen.refused).toBe(0);
  });

  it('when the two processes do not share the database, then the same load exceeds the vendor limits (control)', async () => {
    const timer = virtualTimer();
    const a = new LedgerRateLimiter(timer);
    const b = new LedgerRateLimiter(timer);
    const { seen, call } = vendor(timer, 400);
    await drive([a, b], 'org-local', 75, call);
    expect(seen.maxInFlight).toBeGreaterThan(VENDOR_LIMITS.xero.concurrent);
    expect(busiestMinute(seen.starts)).toBeGreaterThan(VENDOR_LIMITS.xero.perMinute);
  });

  it('when a holder crashes with calls in flight, then its leases expire and the other process goes on after that', async () => {
    const timer = virtualTimer();
    const crashed = new SharedCallSlots(database.db, { holder: 'crashed', leaseMs: 30_000 });
    const t0 = timer.now();
    for (let i = 0; i < VENDOR_LIMITS.xero.concurrent; i += 1) {
      const admitted = await crashed.tryAcquire('xero:org-crash', VENDOR_LIMITS.xero, 1, t0);
      expect(admitted.ok).toBe(true);
    }
    // Never released: the process died.
    const full = await crashed.tryAcquire('xero:org-crash', VENDOR_LIMITS.xero, 1, t0 + 1_000);
    expect(full.ok).toBe(false);
    const survivor = new LedgerRateLimiter(timer, new SharedCallSlots(database.db, { holder: 'survivor' }));
    let ranAt = 0;
    await survivor.run('xero', 'org-crash', () => {
      ranAt = timer.now();
      return Promise.resolve();
    });
    expect(ranAt).toBeGreaterThanOrEqual(t0 + 30_000);
    expect(ranAt).toBeLessThan(t0 + 31_000);
  });

  it('when one process gets a 429, then the other also waits for Retry-After before calling that organisation', async () => {
    const timer = virtualTimer();
    const a = new LedgerRateLimiter(timer, new SharedCallSlots(database.db, { holder: 'a' }));
    const b = new LedgerRateLimiter(timer, new SharedCallSlots(database.db, { holder: 'b' }));
    const t0 = timer.now();
    let refused = false;
    await a.run('xero', 'org-429', () => {
      if (refused) return Promise.resolve();
      refused = true;
      return Promise.reject(
        new LedgerError('xero', { code: 'rate_limited', vendorMessage: 'Too many', retryAfterSeconds: 20 }),
      );
    });
    expect(a.stats.rateLimited).toBe(1);
    timer.t = t0 + 1_000;
    let ranAt = 0;
    await b.run('xero', 'org-429', () => {
      ranAt = timer.now();
      return Promise.resolve();
    });
    expect(ranAt).toBeGreaterThanOrEqual(t0 + 20_000);
  });
});
