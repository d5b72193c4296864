import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';

describe('addMonths', () => {
  it('when adding months, then the day is kept or clamped to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-01-15T10:00:00Z'), 4).toISOString()).toBe('2026-05-15T10:00:00.000Z');
    expect(addMonths(new Date('2026-10-31T00:00:00Z'), 4).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2027-10-31T00:00:00Z'), 4).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths(new Date('2026-11-30T00:00:00Z'), 4).toISOString()).toBe('2027-03-30T00:00:00.000Z');
  });
});
