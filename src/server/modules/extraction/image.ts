import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import sharp from 'sharp';
import { getOcrEngine, type OcrEngine, type OcrPage, type OcrWord } from '../../integrations/ocr';
import { Invalid } from '../../lib/errors';
import { decodeBmp } from './bmp';
import type { DocumentKind } from './detect';
import { repairOcrWords } from './ocr-text';
import type { Word } from './words';

type Sharp = ReturnType<typeof sharp>;
type SharpOptions = NonNullable<Parameters<typeof sharp>[1]>;
type Metadata = Awaited<ReturnType<Sharp['metadata']>>;

/** Refuse images above this many pixels (decompression bombs): 60 MP covers any phone camera. */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** Width OCR works best at for receipts and A4 pages (about 300 dpi). */
const TARGET_WIDTH = 2000;
const RECEIPT_WIDTH = 1200;

export interface OcrResult {
  words: Word[];
  confidence: number;
  rotated: 0 | 90 | 180 | 270;
}

/** Converts any supported image to a sharp pipeline input, decoding BMP and HEIC ourselves. */
async function toSharpInput(bytes: Uint8Array, kind: DocumentKind): Promise<Sharp> {
  const options: SharpOptions = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated', pages: 1 };
  if (kind === 'bmp') {
    const raw = decodeBmp(bytes, MAX_IMAGE_PIXELS);
    return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } });
  }
  if (kind === 'heic') return sharp(await convertHeic(bytes), options);
  return sharp(bytes, options);
}

/** Auto-orients (EXIF), greys, stretches contrast and scales to about 300 dpi; returns PNG bytes. */
export async function normaliseImage(bytes: Uint8Array, kind: DocumentKind): Promise<Uint8Array> {
  let input: Sharp;
  let meta: Metadata;
  try {
    input = await toSharpInput(bytes, kind);
    meta = await input.metadata();
  } catch (error) {
    throw unreadable(error);
  }
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new Invalid(
      `This image is ${width} x ${height} pixels, too large to read (the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels).`,
    );
  }
  if (width < 16 || height < 16)
    throw new Invalid(`This image is only ${width} x ${height} pixels: too small to read.`);
  try {
    const grey = await input
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .png({ compressionLevel: 1 })
      .toBuffer();
    const crop = await contentBox(grey, width, height);
    // Receipt strips are read at 1200 px wide, pages at 2000 px: text then stands about 30-40 px tall.
    const targetWidth = Math.round(
      Math.min(crop.width * 5, crop.height / crop.width > 1.4 ? RECEIPT_WIDTH : TARGET_WIDTH),
    );
    return await sharp(grey)
      .extract(crop)
      .resize({ width: targetWidth, kernel: 'lanczos3' })
      .normalise()
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch (error) {
    throw unreadable(error);
  }
}

/**
 * The part of the picture that holds the document: borders of the background colour trimmed away
 * (on a median-filtered copy, so scanner speckles do not count as content), plus a small margin.
 */
async function contentBox(
  grey: Buffer,
  width: number,
  height: number,
): Promise<{ left: number; top: number; width: number; height: number }> {
  const whole = { left: 0, top: 0, width, height };
  try {
    // Work on a copy about 800 px wide so the speckle filter means the same at any resolution.
    const scale = Math.min(1, 800 / width);
    const small = await sharp(grey)
      .resize({ width: Math.max(32, Math.round(width * scale)) })
      .median(5)
      .png()
      .toBuffer();
    const { info } = await sharp(small).trim({ threshold: 80 }).toBuffer({ resolveWithObject: true });
    const left = -(info.trimOffsetLeft ?? 0) / scale;
    const top = -(info.trimOffsetTop ?? 0) / scale;
    const w = info.width / scale;
    const h = info.height / scale;
    if (w < 32 || h < 32 || w * h < 0.02 * width * height) return whole;
    const margin = Math.round(Math.max(w, h) * 0.02) + 8;
    const x0 = Math.max(0, Math.floor(left - margin));
    const y0 = Math.max(0, Math.floor(top - margin));
    const x1 = Math.min(width, Math.ceil(left + w + margin));
    const y1 = Math.min(height, Math.ceil(top + h + margin));
    return { left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
  } catch {
    return whole;
  }
}

function unreadable(error: unknown): Invalid {
  if (error instanceof Invalid) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new Invalid(
      `This image is too large to read (the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels).`,
    );
  }
  return new Invalid(`This image could not be read (${message.split('\n')[0] ?? 'unknown error'}).`);
}

/** Rotates a normalised PNG clockwise by the given degrees. */
async function rotate(png: Uint8Array, degrees: 90 | 180 | 270): Promise<Uint8Array> {
  return sharp(png).rotate(degrees).png({ compressionLevel: 1 }).toBuffer();
}

/**
 * OCRs a normalised page image to words. A confident first reading is kept as it is. Otherwise the
 * engine's orientation detection (on a smaller copy: it is slow at full size) decides whether to turn
 * the page; when that is unsure too, the other three rotations are tried and the most confident kept.
 */
export async function ocrImage(
  png: Uint8Array,
  page = 1,
  engine: OcrEngine = getOcrEngine(),
): Promise<OcrResult> {
  let best = { result: await engine.recognize(png, { psm: 6 }), rotated: 0 as 0 | 90 | 180 | 270 };
  const good = (r: OcrPage): boolean => r.confidence >= 0.6 && r.words.length >= 8;
  if (!good(best.result)) {
    const small = await sharp(png).resize({ width: 1000, height: 1000, fit: 'inside' }).png().toBuffer();
    const osd = await engine.detectRotation(small).catch(() => null);
    const tried = new Set<number>([0]);
    const tryRotation = async (degrees: 90 | 180 | 270): Promise<void> => {
      tried.add(degrees);
      const result = await engine.recognize(await rotate(png, degrees), { psm: 6 });
      if (result.confidence > best.result.confidence + 0.05 && result.words.length >= 3)
        best = { result, rotated: degrees };
    };
    if (osd && osd.degrees !== 0 && osd.confidence >= 1.5) await tryRotation(osd.degrees);
    if (
      !good(best.result) &&
      best.result.confidence < 0.45 &&
      !(osd && osd.degrees === 0 && osd.confidence >= 1.5)
    ) {
      for (const degrees of [90, 180, 270] as const) if (!tried.has(degrees)) await tryRotation(degrees);
    }
  }
  const read = best.rotated === 0 ? png : await rotate(png, best.rotated);
  const checked = await rereadNumberLines(read, best.result.words, engine).catch(() => best.result.words);
  const words: Word[] = repairOcrWords(
    checked
      .filter((w) => w.confidence > 0.1 || /\d/.test(w.text))
      .map((w) => ({ text: w.text, box: w.box, page, confidence: w.confidence })),
  );
  return { words, confidence: best.result.confidence, rotated: best.rotated };
}

/**
 * Thickens dark strokes by one pixel on every side: each pixel takes the darkest value of its 3 x 3
 * neighbourhood (a grey-level erosion of the white paper, done as two 1-D passes). Dot-matrix and faded
 * thermal print then shows closed digits ("0" no longer open on one side, dots joined into strokes).
 */
export function darkestNeighbour(data: Uint8Array, width: number, height: number): Uint8Array {
  const across = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let m = data[row + x] ?? 255;
      if (x > 0) m = Math.min(m, data[row + x - 1] ?? 255);
      if (x < width - 1) m = Math.min(m, data[row + x + 1] ?? 255);
      across[row + x] = m;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let m = across[i] ?? 255;
      if (y > 0) m = Math.min(m, across[i - width] ?? 255);
      if (y < height - 1) m = Math.min(m, across[i + width] ?? 255);
      out[i] = m;
    }
  }
  return out;
}

/** A normalised grey PNG with its strokes thickened (see darkestNeighbour). */
export async function thickenStrokes(png: Uint8Array): Promise<Uint8Array> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const thick = darkestNeighbour(data, info.width, info.height);
  return sharp(thick, { raw: { width: info.width, height: info.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** White space between the lines stacked for the second and third readings, in pixels. */
const STACK_GAP = 24;

function boxOverlap(a: OcrWord['box'], b: OcrWord['box']): number {
  const x = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const y = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (x <= 0 || y <= 0) return 0;
  const inter = x * y;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union <= 0 ? 0 : inter / union;
}

function sameSpot(word: OcrWord, others: readonly OcrWord[]): OcrWord | null {
  let best: OcrWord | null = null;
  let bestOverlap = 0.4;
  for (const o of others) {
    const overlap = boxOverlap(word.box, o.box);
    if (overlap > bestOverlap) {
      best = o;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Majority vote of three readings, word by word: a first-reading word gives way only when the second
 * and third readings, at the same place, agree with each other on a different text.
 */
export function voteWords(
  first: readonly OcrWord[],
  second: readonly OcrWord[],
  third: readonly OcrWord[],
): OcrWord[] {
  return first.map((w) => {
    const b = sameSpot(w, second);
    const c = sameSpot(w, third);
    if (!b || !c || b.text !== c.text || b.text === w.text) return w;
    return { ...w, text: b.text, confidence: Math.max(b.confidence, c.confidence) };
  });
}

/**
 * Second and third opinions on the numbers. Every line holding a digit (amounts, dates) is cut out
 * across the whole width; the lines are stacked into one smaller image, which is read twice more: with
 * local (Sauvola) binarisation, which keeps faint and dot-matrix strokes that one global threshold
 * breaks up, and with the strokes thickened by a pixel, which closes broken digits. Where those two
 * agree on a word the first reading read differently, the majority wins (voteWords).
 */
export async function rereadNumberLines(
  png: Uint8Array,
  words: readonly OcrWord[],
  engine: OcrEngine,
): Promise<OcrWord[]> {
  const numbers = words.filter((w) => /\d/.test(w.text));
  if (numbers.length === 0) return [...words];
  const meta = await sharp(png).metadata();
  const width = meta.width;
  const height = meta.height;
  // Vertical bands around each number, padded by half a line and merged where they touch.
  const bands: { top: number; bottom: number }[] = [];
  for (const w of [...numbers].sort((a, b) => a.box[1] - b.box[1])) {
    const pad = Math.round((w.box[3] - w.box[1]) * 0.5);
    const top = Math.max(0, w.box[1] - pad);
    const bottom = Math.min(height, w.box[3] + pad);
    const last = bands[bands.length - 1];
    if (last && top <= last.bottom) last.bottom = Math.max(last.bottom, bottom);
    else if (bottom > top) bands.push({ top, bottom });
  }
  if (bands.length === 0 || width === 0) return [...words];
  const placed: { top: number; bottom: number; at: number }[] = [];
  let at = STACK_GAP;
  for (const band of bands) {
    placed.push({ ...band, at });
    at += band.bottom - band.top + STACK_GAP;
  }
  const stack = await sharp({ create: { width, height: at, channels: 3, background: '#ffffff' } })
    .composite(
      await Promise.all(
        placed.map(async (b) => ({
          input: await sharp(png)
            .extract({ left: 0, top: b.top, width, height: b.bottom - b.top })
            .png({ compressionLevel: 1 })
            .toBuffer(),
          left: 0,
          top: b.at,
        })),
      ),
    )
    .greyscale()
    .png({ compressionLevel: 1 })
    .toBuffer();
  const back = (page: OcrPage): OcrWord[] => {
    const moved: OcrWord[] = [];
    for (const w of page.words) {
      const mid = (w.box[1] + w.box[3]) / 2;
      const band = placed.find((b) => mid >= b.at && mid < b.at + (b.bottom - b.top));
      if (!band) continue;
      const dy = band.top - band.at;
      moved.push({ ...w, box: [w.box[0], w.box[1] + dy, w.box[2], w.box[3] + dy] });
    }
    return moved;
  };
  const local = await engine.recognize(stack, { psm: 6, binarisation: 'local' });
  const thick = await engine.recognize(await thickenStrokes(stack), { psm: 6 });
  return voteWords(words, back(local), back(thick));
}

/** How much confidently read text a reading holds: garbage from a sideways page scores near zero. */
export function textScore(page: OcrPage): number {
  let score = 0;
  for (const w of page.words) {
    const alnum = w.text.replace(/[^A-Za-z0-9]/g, '').length;
    if (alnum >= 2 && w.confidence >= 0.5) score += alnum * w.confidence;
  }
  return score;
}

function onPath(binary: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, binary))) return join(dir, binary);
  }
  return null;
}

/** iPhone HEIC: sharp cannot decode HEVC, so convert with libheif's heif-convert when installed. */
async function convertHeic(bytes: Uint8Array): Promise<Uint8Array> {
  const tool = onPath('heif-convert');
  if (!tool) {
    throw new Invalid(
      'HEIC photos cannot be read on this server (heif-convert is not installed). Export the photo as JPEG and upload it again.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'docket-heic-'));
  try {
    const input = join(dir, 'in.heic');
    const output = join(dir, 'out.jpg');
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) => {
      execFile(tool, ['-q', '90', input, output], { timeout: 30_000 }, (error) => {
        if (error)
          reject(new Invalid('This HEIC photo could not be converted; export it as JPEG and try again.'));
        else resolve();
      });
    });
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
