import { z } from 'zod';
import { Invalid } from '../../lib/errors';

/** A box [x0, y0, x1, y1] in the page's own units, y growing downwards. */
export type Box = [number, number, number, number];

/** One word (or one short text segment) placed on a page. */
export interface Word {
  text: string;
  box: Box;
  /** 1-based page number. */
  page: number;
  /** Recognition confidence in [0,1] when an OCR engine produced the word. */
  confidence?: number;
}

/** The smallest box holding all the given boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return boxes.length === 0 ? [0, 0, 0, 0] : [x0, y0, x1, y1];
}

/** Splits a segment into words, sharing its box out in proportion to character counts. */
export function splitSegment(segment: Word): Word[] {
  const parts = segment.text.split(/\s+/).filter((p) => p.length > 0);
  if (parts.length <= 1) return parts.length === 1 ? [{ ...segment, text: parts[0] ?? '' }] : [];
  const [x0, y0, x1, y1] = segment.box;
  const chars = segment.text.trim().length;
  const perChar = chars > 0 ? (x1 - x0) / chars : 0;
  const out: Word[] = [];
  let cursor = 0;
  const trimmed = segment.text.trim();
  for (const part of parts) {
    const at = trimmed.indexOf(part, cursor);
    const start = at < 0 ? cursor : at;
    cursor = start + part.length;
    const word: Word = {
      text: part,
      box: [x0 + start * perChar, y0, x0 + cursor * perChar, y1],
      page: segment.page,
    };
    if (segment.confidence !== undefined) word.confidence = segment.confidence;
    out.push(word);
  }
  return out;
}

const NUMBER_RE = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads the SROIE / ICDAR-2015 box format: one segment per line,
 * `x1,y1,x2,y2,x3,y3,x4,y4,text` (the text may itself contain commas).
 * Each segment becomes one Word whose box is the bounding box of the quad.
 */
export function readSroieBoxes(content: string, page = 1): Word[] {
  const words: Word[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.trim() === '') return;
    const parts = line.split(',');
    if (parts.length < 9)
      throw new Invalid(`Line ${index + 1} is not "x1,y1,...,y4,text": "${line.slice(0, 60)}"`);
    const coords = parts.slice(0, 8).map((p) => p.trim());
    if (!coords.every((c) => NUMBER_RE.test(c))) {
      throw new Invalid(`Line ${index + 1} does not start with eight numbers: "${line.slice(0, 60)}"`);
    }
    const nums = coords.map(Number);
    const xs = [nums[0], nums[2], nums[4], nums[6]].map((n) => n ?? 0);
    const ys = [nums[1], nums[3], nums[5], nums[7]].map((n) => n ?? 0);
    const text = parts.slice(8).join(',').trim();
    if (text === '') return;
    words.push({ text, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], page });
  });
  return words;
}

const JsonWord = z.object({
  text: z.string(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  page: z.number().int().min(1).optional(),
  confidence: z.number().min(0).max(1).optional(),
});
const JsonWords = z.array(JsonWord);

/** Reads `[{text, box:[x0,y0,x1,y1], page?, confidence?}]`. */
export function readJsonWords(content: string): Word[] {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw new Invalid('The words file is not valid JSON.');
  }
  const parsed = JsonWords.safeParse(raw);
  if (!parsed.success) {
    throw new Invalid('The words file must be a JSON array of {text, box:[x0,y0,x1,y1]} objects.');
  }
  const words: Word[] = [];
  for (const w of parsed.data) {
    if (w.text.trim() === '') continue;
    const [a, b, c, d] = w.box;
    const word: Word = {
      text: w.text.trim(),
      box: [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)],
      page: w.page ?? 1,
    };
    if (w.confidence !== undefined) word.confidence = w.confidence;
    words.push(word);
  }
  return words;
}

/** Reads a words file in either supported format, chosen from its content. */
export function readWordsFile(content: string): Word[] {
  const trimmed = content.trimStart();
  if (trimmed.startsWith('[')) return readJsonWords(content);
  return readSroieBoxes(content);
}

/** Heuristic: does this text look like a words file (JSON words or SROIE box lines)? */
export function looksLikeWordsFile(content: string): boolean {
  const trimmed = content.trimStart();
  if (trimmed.startsWith('[')) return /"box"\s*:/.test(trimmed.slice(0, 2000));
  const first = trimmed.split(/\r?\n/, 1)[0] ?? '';
  return /^(-?\d+(\.\d+)?\s*,\s*){8}/.test(first);
}
