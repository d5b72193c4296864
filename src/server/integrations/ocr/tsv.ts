import type { OcrPage, OcrWord } from './ocr';

/**
 * Parses Tesseract's TSV output (level, page_num, block_num, par_num, line_num, word_num,
 * left, top, width, height, conf, text): one row per word at level 5.
 */
export function parseTesseractTsv(tsv: string): OcrPage {
  const words: OcrWord[] = [];
  for (const row of tsv.split(/\r?\n/)) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').trim();
    if (text === '') continue;
    const [left, top, width, height, conf] = cols.slice(6, 11).map(Number);
    if ([left, top, width, height, conf].some((n) => n === undefined || !Number.isFinite(n))) continue;
    const l = left ?? 0;
    const t = top ?? 0;
    words.push({
      text,
      box: [l, t, l + (width ?? 0), t + (height ?? 0)],
      confidence: Math.max(0, Math.min(1, (conf ?? 0) / 100)),
    });
  }
  const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return { words, confidence };
}

/** Reads "Rotate: 90" and "Orientation confidence: 7.5" from `tesseract --psm 0` output. */
export function parseOsd(text: string): { degrees: 0 | 90 | 180 | 270; confidence: number } | null {
  const rotate = /Rotate:\s*(\d+)/.exec(text)?.[1];
  const conf = /Orientation confidence:\s*([\d.]+)/.exec(text)?.[1];
  if (rotate === undefined) return null;
  const degrees = Number(rotate);
  if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) return null;
  return { degrees, confidence: conf === undefined ? 0 : Number(conf) };
}
