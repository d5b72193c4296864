import type { FieldLocation } from '../../../../shared/contracts/extraction';
import { findAmounts, type AmountMatch } from '../amounts';
import type { Line } from '../lines';
import { unionBox, type Box } from '../words';

/** What field readers get: the document's lines plus the caller's hints. */
export interface FieldContext {
  lines: Line[];
  country: string | undefined;
  currency: string | undefined;
  knownSuppliers: readonly string[];
  /** Median word height: the unit for "near" and "prominent". */
  unit: number;
  /** Dates after this year are implausible for a bill (OCR misreads such as 2078). */
  maxYear: number;
}

/** A value read from the document, with how sure we are and where it is. */
export interface Found<T> {
  value: T;
  confidence: number;
  location: FieldLocation | null;
}

/** Lower case without accents, for keyword tests. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The box of the words covering characters [start, end) of the line's text. */
export function spanBox(line: Line, start: number, end: number): Box {
  const boxes: Box[] = [];
  let offset = 0;
  for (const w of line.words) {
    const wStart = offset;
    const wEnd = offset + w.text.length;
    if (wEnd > start && wStart < end) boxes.push(w.box);
    offset = wEnd + 1;
  }
  return boxes.length > 0 ? unionBox(boxes) : line.box;
}

/** The words covering characters [start, end) of the line's text. */
export function spanWords(line: Line, start: number, end: number): Line['words'] {
  const out: Line['words'] = [];
  let offset = 0;
  for (const w of line.words) {
    const wStart = offset;
    const wEnd = offset + w.text.length;
    if (wEnd > start && wStart < end) out.push(w);
    offset = wEnd + 1;
  }
  return out;
}

export function locate(line: Line, start?: number, end?: number): FieldLocation {
  const box = start === undefined || end === undefined ? line.box : spanBox(line, start, end);
  return { page: line.page, box };
}

export interface PlacedAmount extends AmountMatch {
  line: Line;
  box: Box;
}

export function amountsIn(line: Line): PlacedAmount[] {
  return findAmounts(line.text).map((a) => ({ ...a, line, box: spanBox(line, a.start, a.end) }));
}

/** Clamp to [0,1] with two decimals. */
export function conf(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

/** Horizontal overlap of two boxes relative to the narrower one. */
export function xOverlap(a: Box, b: Box): number {
  const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const narrower = Math.min(a[2] - a[0], b[2] - b[0]);
  return narrower <= 0 ? 0 : Math.max(0, overlap) / narrower;
}

/** Normalised similarity of two strings in [0,1] (1 - Levenshtein / longer length), case and spacing folded. */
export function similarity(a: string, b: string): number {
  const x = fold(a)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const y = fold(b)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y) return 1;
  const prev = new Array<number>(y.length + 1);
  const cur = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    for (let j = 0; j <= y.length; j++) prev[j] = cur[j] ?? 0;
  }
  return 1 - (prev[y.length] ?? 0) / Math.max(x.length, y.length);
}
