import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Invalid } from '../../lib/errors';
import { splitSegment, type Box, type Word } from './words';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const folder = (name: string): string => join(pdfjsRoot, name) + sep;

/** At most this many pages are read from one PDF. */
export const MAX_PDF_PAGES = 50;
/** Rendering scale for image-only pages: 300 dpi, capped so a poster-size page stays readable. */
const RENDER_DPI = 300;
const MAX_RENDER_SIDE = 4000;

let pdfjs: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

export interface PdfText {
  pageCount: number;
  /** Words per page in PDF points, y down from the top of the page. */
  words: Word[];
  /** Pages (1-based) that have no text layer: they need OCR. */
  imageOnlyPages: number[];
  warnings: string[];
  doc: PdfDocument;
}

/** Opens a PDF with scripts and eval off; password-protected and broken files become Invalid. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await loadPdfJs();
  let task: ReturnType<PdfJs['getDocument']>;
  try {
    task = lib.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      enableXfa: false,
      standardFontDataUrl: folder('standard_fonts'),
      cMapUrl: folder('cmaps'),
      cMapPacked: true,
      wasmUrl: folder('wasm'),
      useSystemFonts: false,
      stopAtErrors: false,
      maxImageSize: 40_000_000,
      verbosity: 0,
    });
  } catch (error) {
    throw pdfError(error);
  }
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error);
  }
}

function pdfError(error: unknown): Invalid {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new Invalid(
      'This PDF is password-protected. Remove the password (print it to a new PDF) and upload it again.',
    );
  }
  if (name === 'InvalidPDFException' || /invalid pdf|no pdf header|pdf structure/i.test(message)) {
    return new Invalid('This PDF is damaged or incomplete and cannot be read.');
  }
  return new Invalid(`This PDF cannot be read (${message.split('\n')[0] ?? 'unknown error'}).`);
}

/** Reads the text layer of every page (up to MAX_PDF_PAGES) as positioned words. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await openPdf(bytes);
  const warnings: string[] = [];
  const pageCount = doc.numPages;
  const pages = Math.min(pageCount, MAX_PDF_PAGES);
  if (pageCount > MAX_PDF_PAGES)
    warnings.push(`Only the first ${MAX_PDF_PAGES} of ${pageCount} pages were read.`);
  const words: Word[] = [];
  const imageOnlyPages: number[] = [];
  try {
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const pageWords = await pageTextWords(page, n);
      if (pageWords.length === 0) imageOnlyPages.push(n);
      words.push(...pageWords);
      page.cleanup();
    }
  } catch (error) {
    await doc.destroy().catch(() => undefined);
    throw pdfError(error);
  }
  return { pageCount, words, imageOnlyPages, warnings, doc };
}

async function pageTextWords(page: PdfPage, pageNumber: number): Promise<Word[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: Word[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const tx = multiply(viewport.transform, (item.transform as unknown[]).map(Number));
    const fontHeight = Math.hypot(tx[2] ?? 0, tx[3] ?? 0) || item.height || 10;
    const x = tx[4] ?? 0;
    const baseline = tx[5] ?? 0;
    const width = item.width * (viewport.scale || 1);
    const segment: Word = {
      text: item.str,
      box: [x, baseline - fontHeight * 0.9, x + Math.max(width, 1), baseline + fontHeight * 0.2],
      page: pageNumber,
    };
    words.push(...splitSegment(segment));
  }
  return words;
}

/** Product of two PDF transformation matrices [a, b, c, d, e, f]. */
function multiply(m1: readonly number[], m2: readonly number[]): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/**
 * Where images are painted on a page, in PDF points with y down (as the words): followed through the
 * operator list's transformation stack, each image filling the unit square of its matrix.
 */
export async function pageImageBoxes(doc: PdfDocument, pageNumber: number): Promise<Box[]> {
  const lib = await loadPdfJs();
  const { OPS } = lib;
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const list = await page.getOperatorList();
    const stack: number[][] = [];
    let ctm = viewport.transform.map(Number);
    const boxes: Box[] = [];
    for (const [i, op] of list.fnArray.entries()) {
      const args = (list.argsArray[i] ?? []) as unknown[];
      if (op === OPS.save) stack.push(ctm);
      else if (op === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (op === OPS.transform) ctm = multiply(ctm, args.map(Number));
      else if (op === OPS.paintFormXObjectBegin) {
        stack.push(ctm);
        const matrix = args[0];
        if (Array.isArray(matrix) && matrix.length === 6) ctm = multiply(ctm, matrix.map(Number));
      } else if (op === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
      else if (
        op === OPS.paintImageXObject ||
        op === OPS.paintInlineImageXObject ||
        op === OPS.paintImageXObjectRepeat
      ) {
        const corners = [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ].map(([u = 0, v = 0]) => [
          (ctm[0] ?? 1) * u + (ctm[2] ?? 0) * v + (ctm[4] ?? 0),
          (ctm[1] ?? 0) * u + (ctm[3] ?? 1) * v + (ctm[5] ?? 0),
        ]);
        const xs = corners.map((c) => c[0] ?? 0);
        const ys = corners.map((c) => c[1] ?? 0);
        const box: Box = [
          Math.max(0, Math.min(...xs)),
          Math.max(0, Math.min(...ys)),
          Math.min(viewport.width, Math.max(...xs)),
          Math.min(viewport.height, Math.max(...ys)),
        ];
        if (box[2] > box[0] && box[3] > box[1]) boxes.push(box);
      }
    }
    return boxes;
  } finally {
    page.cleanup();
  }
}

/** Renders one page to PNG at about 300 dpi with @napi-rs/canvas, for OCR. */
export async function renderPdfPage(doc: PdfDocument, pageNumber: number): Promise<Uint8Array> {
  return (await renderPdfPageScaled(doc, pageNumber)).png;
}

/** Renders one page at about 300 dpi; `scale` is pixels per PDF point. */
export async function renderPdfPageScaled(
  doc: PdfDocument,
  pageNumber: number,
): Promise<{ png: Uint8Array; scale: number }> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(RENDER_DPI / 72, MAX_RENDER_SIDE / Math.max(base.width, base.height, 1));
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const params = { canvas, canvasContext: context, viewport };
  await page.render(params).promise;
  page.cleanup();
  return { png: await canvas.encode('png'), scale };
}
