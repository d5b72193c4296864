/**
 * The OCR port: an engine turns a page image into positioned words. Two engines implement it:
 * Debian's `tesseract` CLI (faster, when installed) and tesseract.js (pure npm, in-process).
 */

/** A recognised word: text, box [x0,y0,x1,y1] in image pixels, confidence in [0,1]. */
export interface OcrWord {
  text: string;
  box: [number, number, number, number];
  confidence: number;
}

export interface OcrPage {
  words: OcrWord[];
  /** Mean word confidence in [0,1] (0 when nothing was read). */
  confidence: number;
}

/** Page segmentation: 6 = one uniform block (receipts), 4 = one column of varying sizes, 3 = automatic. */
export type PageSegmentation = 3 | 4 | 6 | 11;

/**
 * How the engine turns grey into black and white before reading: one global (Otsu) threshold, or a
 * local (Sauvola) one that keeps faint, thin or dotted strokes on an unevenly lit page.
 */
export type Binarisation = 'global' | 'local';

export interface RecognizeOptions {
  psm?: PageSegmentation;
  binarisation?: Binarisation;
}

export interface OcrEngine {
  readonly name: 'tesseract-cli' | 'tesseract-js';
  /** Recognises an image (PNG, JPEG or TIFF bytes). */
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<OcrPage>;
  /** Clockwise rotation (0, 90, 180, 270) that makes the text upright, or null when unsure. */
  detectRotation(image: Uint8Array): Promise<{ degrees: 0 | 90 | 180 | 270; confidence: number } | null>;
  close(): Promise<void>;
}
