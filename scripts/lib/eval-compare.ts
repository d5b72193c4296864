/**
 * How evaluation compares an extracted value with the ground truth.
 * Strings: trimmed, spaces collapsed, upper-cased, and spacing around punctuation ignored
 * ("27,JALAN" = "27, JALAN"). Dates: as calendar dates. Amounts: as numbers.
 */
import { parseAmount } from '../../src/server/modules/extraction/amounts';
import { parseDate } from '../../src/server/modules/extraction/dates';

export function normaliseText(value: string | undefined | null): string {
  return (value ?? '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([,.:;()&/-])\s*/g, '$1')
    .trim();
}

export function sameText(actual: string | null, expected: string): boolean {
  return actual !== null && normaliseText(actual) === normaliseText(expected);
}

/** Ground-truth dates are printed strings ("25/12/2018", "25 MAR 2018"): read them as the receipt's country does. */
export function sameDate(actual: string | null, expected: string, country?: string): boolean {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(expected.trim()) ? expected.trim() : parseDate(expected, country);
  return actual !== null && iso !== null && actual === iso;
}

/** Amounts compared as numbers ("RM9.00" = "9.00" = 9). */
export function sameAmount(actual: string | null, expected: string | number): boolean {
  if (actual === null) return false;
  const e =
    typeof expected === 'number' ? expected : Number(parseAmount(expected.replace(/\s+/g, '')) ?? NaN);
  return Number.isFinite(e) && Math.abs(Number(actual) - e) < 0.005;
}

/** Letters and digits only: shows how many misses are punctuation alone (reported beside, never instead). */
export function sameLetters(actual: string | null, expected: string): boolean {
  const f = (v: string): string => v.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return actual !== null && f(actual) !== '' && f(actual) === f(expected);
}
