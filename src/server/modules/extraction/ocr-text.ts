import { unionBox, type Word } from './words';

/** Letters OCR confuses with digits, and the digit each one stands for inside a number. */
const CONFUSED: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  l: '1',
  I: '1',
  '|': '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  g: '9',
};

/**
 * Repairs OCR'd tokens that are clearly numbers (dates, amounts, times) with a confusable letter in
 * them: "2O18" → "2018", "l5/03/2018" → "15/03/2018", "8.O0" → "8.00". A token counts as a number when
 * at least two thirds of its characters are digits or separators; other words are left alone.
 */
export function repairDigits(text: string): string {
  return text.replace(/[\S]+/g, (token) => {
    const core =
      /^([A-Za-z$€£]{0,3}?)([0-9OoDQlI|iSsBZzg][0-9OoDQlI|iSsBZzg.,:/-]*[0-9OoDQlI|iSsBZzg])([^0-9]*)$/.exec(
        token,
      );
    if (!core) return token;
    const [, prefix = '', body = '', suffix = ''] = core;
    const digits = body.replace(/[^0-9]/g, '').length;
    const separators = body.replace(/[^.,:/-]/g, '').length;
    if (digits < 2 || (digits + separators) / body.length < 2 / 3) return token;
    if (!/[.,:/-]/.test(body) && digits < body.length - 1) return token;
    return prefix + body.replace(/[OoDQlI|iSsBZzg]/g, (c) => CONFUSED[c] ?? c) + suffix;
  });
}

/** Share of the smaller word's height that two words overlap vertically (1 = same line). */
function sameLine(a: Word, b: Word): boolean {
  const overlap = Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]);
  const smaller = Math.min(a.box[3] - a.box[1], b.box[3] - b.box[1]);
  return a.page === b.page && smaller > 0 && overlap / smaller >= 0.5;
}

/** A currency sign or code standing alone before an amount. */
const CURRENCY = /^(RM|MYR|S?\$|USD|EUR|GBP|SGD|€|£)$/i;

/**
 * Joins a number that OCR split at its decimal separator: "62." + "80" → "62.80", "RM4," + "00" →
 * "RM4,00". Receipt fonts often print a wide gap after the point, and Tesseract then returns two words
 * (the first one's box frequently reaching over the second). Only a word ending in digit + separator
 * followed, on the same line and within about one character, by a word starting with exactly two digits
 * (the cents; trailing punctuation or a tax code may follow) is joined. When the point itself was lost
 * ("RM 64 13"), units and cents are joined with a point, but only right after a currency sign or code.
 */
export function joinSplitDecimals(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const height = prev ? Math.max(prev.box[3] - prev.box[1], w.box[3] - w.box[1]) : 0;
    const gap = prev ? w.box[0] - prev.box[2] : 0;
    const cents = /^\d{2}(?!\d|[.,]\d)/.test(w.text);
    if (prev && cents && sameLine(prev, w) && w.box[2] > prev.box[0]) {
      // "62." + "80": the separator was read, the cents stand apart.
      const afterPoint = /\d[.,]$/.test(prev.text) && gap <= height;
      // "RM" "64" "13": the point itself was lost between an amount's units and cents.
      const before = out[out.length - 2];
      const lostPoint =
        /^\d{1,6}$/.test(prev.text) &&
        gap <= height * 1.3 &&
        before !== undefined &&
        CURRENCY.test(before.text) &&
        sameLine(before, prev);
      if (afterPoint || lostPoint) {
        out[out.length - 1] = joined(prev, w, prev.text + (lostPoint ? '.' : '') + w.text);
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/** Two neighbouring words as one: the given text over both boxes, at the lower confidence. */
function joined(prev: Word, w: Word, text: string): Word {
  return {
    ...prev,
    text,
    box: unionBox([prev.box, w.box]),
    ...(prev.confidence !== undefined || w.confidence !== undefined
      ? { confidence: Math.min(prev.confidence ?? 1, w.confidence ?? 1) }
      : {}),
  };
}

/**
 * Joins a date whose first separator OCR lost ("05" + "02-18" → "05-02-18"): a one- or two-digit day
 * or month followed, on the same line and within about one character, by a "mm-yy" or "mm/yyyy" word.
 */
export function joinSplitDates(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const rest = /^(\d{1,2})([/.-])(\d{2}|\d{4})$/.exec(w.text);
    if (
      prev &&
      rest &&
      /^\d{1,2}$/.test(prev.text) &&
      Number(prev.text) >= 1 &&
      Number(prev.text) <= 31 &&
      Number(rest[1]) >= 1 &&
      Number(rest[1]) <= 31 &&
      sameLine(prev, w) &&
      w.box[0] > prev.box[0] &&
      w.box[0] - prev.box[2] <= Math.max(prev.box[3] - prev.box[1], w.box[3] - w.box[1])
    ) {
      out[out.length - 1] = joined(prev, w, `${prev.text}${rest[2] ?? '-'}${w.text}`);
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Digits OCR commonly reads in place of each digit (thin or broken strokes). */
const DIGIT_CONFUSIONS: Readonly<Record<string, string>> = {
  '0': '869',
  '1': '74',
  '2': '73',
  '3': '859',
  '4': '1',
  '5': '638',
  '6': '058',
  '7': '12',
  '8': '0369',
  '9': '083',
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** A four-digit year that no receipt can carry: after next year, or before 1990. */
function impossibleYear(year: number, now: number): boolean {
  return year > now + 1 || year < 1990;
}

/**
 * Repairs a four-digit year that OCR made impossible by misreading one digit ("2078" for 2018, "2817"
 * for 2017) inside a date-shaped token (25/12/2078, 2078-12-25): when exactly one single-digit swap
 * among the usual confusions gives a year from 1990 to next year, that year is used. Also repairs a
 * three-letter month one letter away from exactly one month name ("14/dun/2017" → "14/JUN/2017").
 */
export function repairDate(text: string, now = new Date().getUTCFullYear()): string {
  const fixYear = (year: string): string => {
    if (!impossibleYear(Number(year), now)) return year;
    const found = new Set<string>();
    for (let i = 0; i < year.length; i++) {
      for (const alt of DIGIT_CONFUSIONS[year[i] ?? ''] ?? '') {
        const candidate = year.slice(0, i) + alt + year.slice(i + 1);
        if (!impossibleYear(Number(candidate), now)) found.add(candidate);
      }
    }
    return found.size === 1 ? ([...found][0] ?? year) : year;
  };
  const fixMonth = (month: string): string => {
    const upper = month.toUpperCase();
    if (MONTHS.includes(upper)) return month;
    const near = MONTHS.filter((m) => [0, 1, 2].filter((i) => m[i] !== upper[i]).length === 1);
    return near.length === 1 ? (near[0] ?? month) : month;
  };
  const dmy = /^(\d{1,2})([/.-])(\d{1,2}|[A-Za-z]{3})\2(\d{4})(\D?)$/.exec(text);
  if (dmy) {
    const [, d = '', sep = '', m = '', y = '', rest = ''] = dmy;
    return `${d}${sep}${/\d/.test(m) ? m : fixMonth(m)}${sep}${fixYear(y)}${rest}`;
  }
  const ymd = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(\D?)$/.exec(text);
  if (ymd) {
    const [, y = '', sep = '', m = '', d = '', rest = ''] = ymd;
    return `${fixYear(y)}${sep}${m}${sep}${d}${rest}`;
  }
  return text;
}

/** Joins numbers split at their decimal separator and dates split at a separator, then applies repairDigits and repairDate to every word. */
export function repairOcrWords(words: readonly Word[]): Word[] {
  return joinSplitDates(joinSplitDecimals(words)).map((w) => {
    const text = repairDate(repairDigits(w.text));
    return text === w.text ? w : { ...w, text };
  });
}
