/**
 * Text that a PDF with a text layer carries only inside images: a letterhead or a company block pasted
 * in as a picture. Read by OCR on demand (only when the text layer leaves the supplier unknown), so
 * ordinary text PDFs stay at text-layer speed.
 */
import sharp from 'sharp';
import { getOcrEngine, type OcrEngine } from '../../integrations/ocr';
import { repairOcrWords } from './ocr-text';
import { pageImageBoxes, renderPdfPageScaled, type PdfDocument } from './pdf-text';
import type { Box, Word } from './words';

/** Images smaller than this (points) hold no readable line: bullets, rules, icons. */
const MIN_WIDTH = 40;
const MIN_HEIGHT = 10;
/** At most this many images of a page are read, largest first. */
const MAX_IMAGES = 6;
/** An image under this many text-layer words is a background, and its text is already known. */
const BACKGROUND_WORDS = 3;
/** OCR words below this confidence are dropped: logos and photos give noise. */
const MIN_CONFIDENCE = 0.55;

const inside = (word: Word, box: Box): boolean => {
  const cx = (word.box[0] + word.box[2]) / 2;
  const cy = (word.box[1] + word.box[3]) / 2;
  return cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3];
};

/**
 * OCRs the images painted on one page and returns their words in the page's own coordinates (PDF
 * points, y down), leaving out images that lie under the text layer and words the text layer has.
 */
export async function readPageImageText(
  doc: PdfDocument,
  pageNumber: number,
  textWords: readonly Word[],
  engine: OcrEngine = getOcrEngine(),
): Promise<Word[]> {
  const onPage = textWords.filter((w) => w.page === pageNumber);
  const boxes = (await pageImageBoxes(doc, pageNumber))
    .filter((b) => b[2] - b[0] >= MIN_WIDTH && b[3] - b[1] >= MIN_HEIGHT)
    .filter((b) => onPage.filter((w) => inside(w, b)).length < BACKGROUND_WORDS)
    .sort((a, b) => (b[2] - b[0]) * (b[3] - b[1]) - (a[2] - a[0]) * (a[3] - a[1]))
    .slice(0, MAX_IMAGES);
  if (boxes.length === 0) return [];
  const { png, scale } = await renderPdfPageScaled(doc, pageNumber);
  const meta = await sharp(png).metadata();
  const pageWidth = meta.width;
  const pageHeight = meta.height;
  const out: Word[] = [];
  for (const b of boxes) {
    const margin = 4 * scale;
    const left = Math.max(0, Math.floor(b[0] * scale - margin));
    const top = Math.max(0, Math.floor(b[1] * scale - margin));
    const width = Math.min(pageWidth, Math.ceil(b[2] * scale + margin)) - left;
    const height = Math.min(pageHeight, Math.ceil(b[3] * scale + margin)) - top;
    if (width < 16 || height < 16) continue;
    const crop = await sharp(png)
      .extract({ left, top, width, height })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .normalise()
      .png({ compressionLevel: 1 })
      .toBuffer();
    const page = await engine.recognize(crop, { psm: 6 });
    for (const w of page.words) {
      if (w.confidence < MIN_CONFIDENCE || w.text.trim() === '') continue;
      const word: Word = {
        text: w.text,
        box: [
          (left + w.box[0]) / scale,
          (top + w.box[1]) / scale,
          (left + w.box[2]) / scale,
          (top + w.box[3]) / scale,
        ],
        page: pageNumber,
        confidence: w.confidence,
      };
      if (!onPage.some((t) => inside(word, t.box))) out.push(word);
    }
  }
  return repairOcrWords(out);
}
