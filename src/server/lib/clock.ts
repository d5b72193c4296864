/** Time is injected so rules like "reactivate only after 4 months" are testable without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date | string = '2026-01-15T09:00:00Z') {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
  set(to: Date | string): void {
    this.#now = new Date(to);
  }
}

/**
 * The system clock moved forward by an offset: for journeys in a real browser that must see
 * "4 months later" without waiting. Only used when DOCKET_DEV_CLOCK=on.
 */
export class OffsetClock implements Clock {
  #offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
  get offsetMs(): number {
    return this.#offsetMs;
  }
}
