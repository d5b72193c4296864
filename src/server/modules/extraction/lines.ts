import { unionBox, type Box, type Word } from './words';

/** A visual line: words sharing a vertical band on one page, left to right. */
export interface Line {
  page: number;
  words: Word[];
  box: Box;
  text: string;
  /** Index in reading order over the whole document (0-based). */
  index: number;
}

const original = new WeakMap<Word, Word>();

/** The word with its box moved up or down by the page's skew, so that skewed rows become level. */
function shear(w: Word, slope: number): Word {
  if (slope === 0) return w;
  const dy = slope * ((w.box[0] + w.box[2]) / 2);
  const moved: Word = { ...w, box: [w.box[0], w.box[1] - dy, w.box[2], w.box[3] - dy] };
  original.set(moved, w);
  return moved;
}

/**
 * The page's skew (dy/dx), as the median slope between each word and its nearest right-hand neighbour
 * on roughly the same row. Scanned receipts are often a few degrees off level.
 */
export function estimateSlope(words: readonly Word[]): number {
  const slopes: number[] = [];
  for (const a of words) {
    const ah = a.box[3] - a.box[1];
    let best: { gap: number; slope: number } | null = null;
    for (const b of words) {
      if (b === a || b.box[0] < a.box[2] - 1) continue;
      const ov = verticalOverlap(a.box[1], a.box[3], b.box[1], b.box[3]);
      if (ov < 0.3) continue;
      const gap = b.box[0] - a.box[2];
      if (gap > 20 * Math.max(ah, 1)) continue;
      const dx = (b.box[0] + b.box[2]) / 2 - (a.box[0] + a.box[2]) / 2;
      if (dx <= 0) continue;
      const slope = ((b.box[1] + b.box[3]) / 2 - (a.box[1] + a.box[3]) / 2) / dx;
      if (!best || gap < best.gap) best = { gap, slope };
    }
    if (best) slopes.push(best.slope);
  }
  if (slopes.length < 3) return 0;
  slopes.sort((x, y) => x - y);
  const median = slopes[Math.floor(slopes.length / 2)] ?? 0;
  if (Math.abs(median) < 0.01) return 0;
  return Math.max(-0.2, Math.min(0.2, median));
}

interface Band {
  page: number;
  top: number;
  bottom: number;
  count: number;
  words: Word[];
}

function verticalOverlap(a0: number, a1: number, b0: number, b1: number): number {
  const overlap = Math.min(a1, b1) - Math.max(a0, b0);
  const smaller = Math.min(a1 - a0, b1 - b0);
  return smaller <= 0 ? 0 : overlap / smaller;
}

/**
 * Groups words into lines by vertical overlap: a word joins the band it overlaps most
 * (at least half of the smaller height); bands keep the running mean of their members' tops and bottoms,
 * so a slightly skewed line stays one line.
 */
export function groupLines(words: readonly Word[], minOverlap = 0.5): Line[] {
  const slopes = new Map<number, number>();
  for (const page of new Set(words.map((w) => w.page))) {
    slopes.set(page, estimateSlope(words.filter((w) => w.page === page)));
  }
  const sheared = words.map((w) => shear(w, slopes.get(w.page) ?? 0));
  const sorted = [...sheared].sort(
    (a, b) => a.page - b.page || a.box[1] + a.box[3] - (b.box[1] + b.box[3]) || a.box[0] - b.box[0],
  );
  const bands: Band[] = [];
  for (const w of sorted) {
    let best: Band | null = null;
    let bestOverlap = minOverlap;
    // Only recent bands on the same page can overlap: words come sorted by their centre.
    for (let i = bands.length - 1; i >= 0 && i >= bands.length - 8; i--) {
      const band = bands[i];
      if (!band || band.page !== w.page) continue;
      const ov = verticalOverlap(band.top, band.bottom, w.box[1], w.box[3]);
      if (ov >= bestOverlap && !overlapsHorizontally(band, w)) {
        best = band;
        bestOverlap = ov;
      }
    }
    if (best) {
      best.words.push(w);
      best.top = (best.top * best.count + w.box[1]) / (best.count + 1);
      best.bottom = (best.bottom * best.count + w.box[3]) / (best.count + 1);
      best.count += 1;
    } else {
      bands.push({ page: w.page, top: w.box[1], bottom: w.box[3], count: 1, words: [w] });
    }
  }
  bands.sort((a, b) => a.page - b.page || a.top + a.bottom - (b.top + b.bottom));
  return bands.map((band, index) => {
    const ws = band.words.map((w) => original.get(w) ?? w).sort((a, b) => a.box[0] - b.box[0]);
    return {
      page: band.page,
      words: ws,
      box: unionBox(ws.map((w) => w.box)),
      text: ws.map((w) => w.text).join(' '),
      index,
    };
  });
}

/** A word that sits on top of another word of the band is on another line (dense or overlapping text). */
function overlapsHorizontally(band: Band, w: Word): boolean {
  for (const other of band.words) {
    const overlap = Math.min(other.box[2], w.box[2]) - Math.max(other.box[0], w.box[0]);
    const narrower = Math.min(other.box[2] - other.box[0], w.box[2] - w.box[0]);
    if (narrower > 0 && overlap / narrower > 0.6) return true;
  }
  return false;
}

/** Builds lines straight from plain text (one line per text line), with synthetic boxes. */
export function linesFromText(text: string, page = 1): Line[] {
  const lines: Line[] = [];
  const rows = text.split(/\r?\n/);
  let index = 0;
  rows.forEach((row, rowIndex) => {
    const words: Word[] = [];
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(row)) !== null) {
      const x0 = m.index * 10;
      words.push({ text: m[0], box: [x0, rowIndex * 20, x0 + m[0].length * 10, rowIndex * 20 + 16], page });
    }
    if (words.length === 0) return;
    lines.push({
      page,
      words,
      box: unionBox(words.map((w) => w.box)),
      text: words.map((w) => w.text).join(' '),
      index: index++,
    });
  });
  return lines;
}

/** The median height of the lines' words (a unit for "near" and "prominent"). */
export function medianWordHeight(lines: readonly Line[]): number {
  const heights = lines.flatMap((l) => l.words.map((w) => w.box[3] - w.box[1])).filter((h) => h > 0);
  if (heights.length === 0) return 1;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 1;
}

/** Splits a line into cells where the horizontal gap between words is wider than `gapFactor` x height. */
export function lineCells(line: Line, gapFactor = 1.2): Word[][] {
  const cells: Word[][] = [];
  let current: Word[] = [];
  let prev: Word | null = null;
  for (const w of line.words) {
    const height = Math.max(1, w.box[3] - w.box[1]);
    if (prev && w.box[0] - prev.box[2] > gapFactor * height) {
      cells.push(current);
      current = [];
    }
    current.push(w);
    prev = w;
  }
  if (current.length > 0) cells.push(current);
  return cells;
}
