import type { OcrEngine } from './ocr';
import { createTesseractCliEngine, findTesseractCli } from './tesseract-cli';
import { createTesseractJsEngine } from './tesseract-js';

export type { Binarisation, OcrEngine, OcrPage, OcrWord, PageSegmentation, RecognizeOptions } from './ocr';
export { parseTesseractTsv, parseOsd } from './tsv';
export { createTesseractCliEngine, findTesseractCli } from './tesseract-cli';
export { createTesseractJsEngine } from './tesseract-js';

let shared: OcrEngine | null = null;

/**
 * The process-wide OCR engine, created on first use and kept warm: the `tesseract` CLI when it is on
 * PATH, else tesseract.js. DOCKET_OCR_ENGINE=js or =cli forces one.
 */
export function getOcrEngine(): OcrEngine {
  if (shared) return shared;
  const forced = process.env.DOCKET_OCR_ENGINE;
  const cli = forced === 'js' ? null : findTesseractCli();
  shared = cli ? createTesseractCliEngine(cli) : createTesseractJsEngine();
  return shared;
}

/**
 * Replaces the process-wide engine (the evaluation script wraps it with an opt-in reading cache);
 * null goes back to choosing one on first use.
 */
export function setOcrEngine(engine: OcrEngine | null): void {
  shared = engine;
}

/** Stops the shared engine's workers (the next getOcrEngine() starts a new one). */
export async function closeOcrEngine(): Promise<void> {
  const engine = shared;
  shared = null;
  if (engine) await engine.close();
}
