import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { Binarisation, OcrEngine, OcrPage, PageSegmentation, RecognizeOptions } from './ocr';
import { parseTesseractTsv } from './tsv';

const require = createRequire(import.meta.url);

/** The language data folder shipped in an npm package: offline, never a CDN. */
function langPath(pkg: '@tesseract.js-data/eng' | '@tesseract.js-data/osd'): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), '4.0.0');
}

const PSMS: Readonly<Record<PageSegmentation, PSM>> = {
  3: PSM.AUTO,
  4: PSM.SINGLE_COLUMN,
  6: PSM.SINGLE_BLOCK,
  11: PSM.SPARSE_TEXT,
};

/** tesseract.js with one warm worker, reused for every page; an OSD worker is started on first use. */
export function createTesseractJsEngine(): OcrEngine {
  let worker: Promise<Worker> | null = null;
  let osd: Promise<Worker> | null = null;
  let currentPsm: PageSegmentation | null = null;
  let currentBinarisation: Binarisation = 'global';
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const getWorker = (): Promise<Worker> => {
    worker ??= createWorker('eng', OEM.LSTM_ONLY, {
      langPath: langPath('@tesseract.js-data/eng'),
      gzip: true,
      cacheMethod: 'none',
      errorHandler: () => undefined,
    });
    return worker;
  };

  return {
    name: 'tesseract-js',
    recognize(image: Uint8Array, options: RecognizeOptions = {}): Promise<OcrPage> {
      return serial(async () => {
        const w = await getWorker();
        const psm = options.psm ?? 6;
        if (currentPsm !== psm) {
          await w.setParameters({ tessedit_pageseg_mode: PSMS[psm] });
          currentPsm = psm;
        }
        const binarisation = options.binarisation ?? 'global';
        if (currentBinarisation !== binarisation) {
          // thresholding_method 2 = Sauvola (Tesseract 5); 0 = Otsu, the default.
          await w.setParameters({ thresholding_method: binarisation === 'local' ? '2' : '0' });
          currentBinarisation = binarisation;
        }
        const { data } = await w.recognize(Buffer.from(image), {}, { tsv: true, text: false, blocks: false });
        return parseTesseractTsv(data.tsv ?? '');
      });
    },
    detectRotation(image: Uint8Array) {
      return serial(async () => {
        osd ??= createWorker('osd', OEM.TESSERACT_ONLY, {
          langPath: langPath('@tesseract.js-data/osd'),
          gzip: true,
          cacheMethod: 'none',
          legacyCore: true,
          legacyLang: true,
          errorHandler: () => undefined,
        });
        const w = await osd;
        const { data } = await w.detect(Buffer.from(image));
        const degrees = data.orientation_degrees;
        if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) return null;
        return { degrees, confidence: data.orientation_confidence ?? 0 };
      });
    },
    async close() {
      const all = [worker, osd].filter((w): w is Promise<Worker> => w !== null);
      worker = null;
      osd = null;
      currentPsm = null;
      currentBinarisation = 'global';
      await Promise.all(all.map(async (w) => (await w).terminate()));
    },
  };
}
