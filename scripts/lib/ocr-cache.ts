/**
 * An opt-in cache of OCR readings for the evaluation only (DOCKET_EVAL_OCR_CACHE=<directory>, off by
 * default, never used by the server): each reading is stored under the SHA-256 of the image bytes and
 * the options, so rerunning the field rules over the same scans skips Tesseract. Clear the directory
 * after changing the image preparation or the engine (different images simply miss the cache).
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrEngine, OcrPage, RecognizeOptions } from '../../src/server/integrations/ocr';

export function withOcrCache(engine: OcrEngine, dir: string): OcrEngine {
  mkdirSync(dir, { recursive: true });
  const keyOf = (kind: string, image: Uint8Array, options: unknown): string =>
    createHash('sha256')
      .update(`${engine.name}\n${kind}\n${JSON.stringify(options ?? {})}\n`)
      .update(image)
      .digest('hex');
  const cached = async <T>(key: string, read: () => Promise<T>): Promise<T> => {
    const file = join(dir, `${key}.json`);
    try {
      return JSON.parse(await readFile(file, 'utf8')) as T;
    } catch {
      const value = await read();
      await writeFile(file, JSON.stringify(value));
      return value;
    }
  };
  return {
    name: engine.name,
    recognize: (image: Uint8Array, options?: RecognizeOptions): Promise<OcrPage> =>
      cached(keyOf('recognize', image, options), () => engine.recognize(image, options)),
    detectRotation: (image: Uint8Array) =>
      cached(keyOf('rotation', image, null), () => engine.detectRotation(image)),
    close: () => engine.close(),
  };
}
