import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('when five calls are in flight, then a sixth is refused as concurrent until one finishes', () => {
    const limiter = new RateLimiter(
      { perMinute: 60, perDay: 5000, concurrent: 5 },
      () => new Date('2024-06-15T10:00:00Z'),
    );
    const held = Array.from({ length: 5 }, () => limiter.admit('org'));
    expect(limiter.admit('org')).toEqual({ ok: false, problem: 'concurrent', retryAfterSeconds: 1 });
    const first = held[0];
    if (first?.ok) first.release();
    expect(limiter.admit('org').ok).toBe(true);
  });

  it('when the day budget is spent, then calls are refused as daily until 24 hours after the oldest', () => {
    let now = new Date('2024-06-15T10:00:00Z');
    const limiter = new RateLimiter({ perMinute: 1000, perDay: 3, concurrent: 5 }, () => now);
    for (let i = 0; i < 3; i += 1) {
      const admission = limiter.admit('org');
      if (admission.ok) admission.release();
      now = new Date(now.getTime() + 3600_000);
    }
    const refused = limiter.admit('org');
    expect(refused).toMatchObject({ ok: false, problem: 'daily', retryAfterSeconds: 21 * 3600 });
    now = new Date('2024-06-16T10:00:01Z');
    expect(limiter.admit('org').ok).toBe(true);
  });

  it('when another organisation is at its limit, then this one is unaffected', () => {
    const limiter = new RateLimiter({ perMinute: 1, perDay: null, concurrent: 5 }, () => new Date(0));
    limiter.admit('a');
    expect(limiter.admit('a').ok).toBe(false);
    expect(limiter.admit('b').ok).toBe(true);
  });
});
