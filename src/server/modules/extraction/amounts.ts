import { normaliseDecimal } from '../../../shared/money';

/** An amount found in a piece of text. */
export interface AmountMatch {
  /** Exact decimal string, at least two decimals ("1234.50", "-3.10"). */
  value: string;
  /** Number of decimals as printed (2 for "9.00", 0 for "12"). */
  decimals: number;
  /** Character offsets of the match in the searched text. */
  start: number;
  end: number;
  raw: string;
  /** A currency symbol or code touches the number ("RM9.00", "$ 4.11", "56,02 €"). */
  currencyTouching: boolean;
}

// A number with optional thousands groups and decimals; separators are "," "." "'" or a narrow space.
const NUMBER_SOURCE = String.raw`\d{1,3}(?:[,.'\u2019\u202f]\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?`;
const AMOUNT_RE = new RegExp(
  String.raw`(?<sign>[-\u2212]\s?|\()?(?<cur>(?:RM|Rs\.?|INR|EUR|USD|GBP|MYR|SGD|AUD|CHF|PLN|[$€£¥₹])\s?)?(?<num>${NUMBER_SOURCE})(?<trail>\)|-(?!\d))?(?<cur2>\s?(?:€|EUR|zł|PLN|kr|Kč|RM)(?![A-Za-z]))?`,
  'g',
);

/**
 * Interprets one printed number as an exact decimal string, or null.
 * Separators: when both "," and "." appear the last one is the decimal mark; a lone separator followed by
 * one or two digits is a decimal mark; a lone "," followed by three digits groups thousands; a lone "."
 * followed by three digits is read as three decimals (receipt unit prices such as "9.000").
 */
export function parseNumber(raw: string): { value: string; decimals: number } | null {
  const s = raw.replace(/[\s\u202f'\u2019]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  let frac = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const mark = Math.max(lastDot, lastComma);
    intPart = s.slice(0, mark).replace(/[.,]/g, '');
    frac = s.slice(mark + 1);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const tail = parts[parts.length - 1] ?? '';
    if (parts.length > 2) {
      if (!parts.slice(1).every((p) => p.length === 3)) return null;
      intPart = parts.join('');
    } else if (tail.length === 3 && sep === ',') {
      intPart = parts.join('');
    } else {
      intPart = parts[0] ?? '';
      frac = tail;
    }
  }
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return null;
  const value = normaliseDecimal(frac === '' ? intPart : `${intPart}.${frac}`);
  return value === null ? null : { value, decimals: frac.length };
}

/** Finds amounts in text. Dates, times, phone numbers and ids next to digits or slashes are skipped. */
export function findAmounts(text: string): AmountMatch[] {
  const out: AmountMatch[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const groups = m.groups ?? {};
    const num = groups.num ?? '';
    const start = m.index;
    const end = start + m[0].length;
    const numStart = start + m[0].indexOf(num);
    const before = text.slice(Math.max(0, numStart - 1), numStart);
    const after = text.slice(numStart + num.length, numStart + num.length + 1);
    // Part of a date, time, phone number, code or a longer number.
    if (/[\d/:]/.test(before) || /[\d/:]/.test(after)) continue;
    if (/\d[.,]$/.test(text.slice(Math.max(0, numStart - 2), numStart))) continue;
    if (/^[.,]\d/.test(text.slice(numStart + num.length, numStart + num.length + 2))) continue;
    if (groups.sign !== undefined && /[\d/:]/.test(text.slice(Math.max(0, start - 1), start))) continue;
    if (/[A-Za-z]/.test(before) && groups.cur === undefined) {
      if (!/[.,]\d{2}$/.test(num)) continue;
    }
    if (/[-]/.test(after) && /^\d/.test(text.slice(numStart + num.length + 1))) continue;
    const parsed = parseNumber(num);
    if (!parsed) continue;
    const negative = groups.sign !== undefined && (groups.sign.trim() !== '(' || groups.trail === ')');
    const trailingMinus = groups.trail === '-';
    const value =
      (negative || trailingMinus) && !/^0(\.0+)?$/.test(parsed.value) ? `-${parsed.value}` : parsed.value;
    out.push({
      value,
      decimals: parsed.decimals,
      start,
      end,
      raw: m[0],
      currencyTouching: groups.cur !== undefined || groups.cur2 !== undefined,
    });
  }
  return out;
}

/** Parses a single printed amount ("RM 1,234.50", "56,02 €") into a decimal string, or null. */
export function parseAmount(raw: string): string | null {
  const found = findAmounts(raw.trim());
  return found.length === 1 && found[0] ? found[0].value : null;
}

/** Numeric value of a decimal string, for ranking only (never for arithmetic on money). */
export function amountRank(value: string): number {
  return Number(value);
}
