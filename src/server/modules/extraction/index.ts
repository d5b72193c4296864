/**
 * The extraction module's front door: bytes in, ExtractionResult out. The file type is decided from
 * the bytes; each type has its reader (PDF text layer, OCR of images and image-only PDF pages, HTML
 * email bodies, positioned-words files, e-invoice XML), and every reader ends in the same layout rules.
 */
import type { ExtractionResult } from '../../../shared/contracts/extraction';
import { closeOcrEngine } from '../../integrations/ocr';
import { Invalid } from '../../lib/errors';
import { detectEInvoiceXml, extractFacturX, parseEInvoiceXml } from './einvoice';
import { detectKind, type DocumentKind } from './detect';
import { extractFields, type FieldOptions } from './extract-fields';
import { htmlToText } from './html';
import { normaliseImage, ocrImage } from './image';
import { linesFromText } from './lines';
import { readPageImageText } from './pdf-images';
import { readPdfText, renderPdfPage } from './pdf-text';
import { looksLikeWordsFile, readWordsFile, type Word } from './words';

export { readJsonWords, readSroieBoxes, readWordsFile, type Box, type Word } from './words';
export { extractFields } from './extract-fields';
export { detectKind, type DocumentKind } from './detect';

export interface ExtractInput {
  bytes: Uint8Array;
  fileName: string;
}

export interface ExtractOptions {
  /** ISO 3166 country of the business: day/month order and the fallback currency. */
  country?: string;
  /** Currency to assume when the document shows none and the country gives none. */
  currency?: string;
  /** The account's suppliers, matched fuzzily against the document's lines. */
  knownSuppliers?: string[];
  /** Accept positioned-words files (SROIE box lines, JSON words). */
  words?: boolean;
  /** Give up after this many milliseconds (default 120 s). */
  timeoutMs?: number;
}

/** Larger files are refused before any parsing. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
const IMAGE_KINDS: ReadonlySet<DocumentKind> = new Set([
  'jpeg',
  'png',
  'gif',
  'bmp',
  'tiff',
  'webp',
  'heic',
  'avif',
]);

/** Extracts a receipt's or invoice's fields. Unreadable input throws Invalid with a one-line reason. */
export async function extractDocument(
  input: ExtractInput,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new Invalid(
          `${input.fileName} took longer than ${Math.round(timeoutMs / 1000)} s to read; giving up.`,
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([dispatch(input, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function dispatch(input: ExtractInput, options: ExtractOptions): Promise<ExtractionResult> {
  const { fileName } = input;
  // A plain Uint8Array (not a Node Buffer): pdfjs refuses Buffers.
  const bytes = Buffer.isBuffer(input.bytes) ? new Uint8Array(input.bytes) : input.bytes;
  if (bytes.byteLength === 0) throw new Invalid(`${fileName} is empty.`);
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new Invalid(`${fileName} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB; not read.`);
  }
  const fieldOptions: FieldOptions = {
    country: options.country,
    currency: options.currency,
    knownSuppliers: options.knownSuppliers,
  };
  const kind = detectKind(bytes);
  if (kind === 'pdf') return extractPdf(bytes, fileName, fieldOptions);
  if (IMAGE_KINDS.has(kind)) return extractImage(bytes, fileName, kind, fieldOptions);
  if (kind === 'xml') {
    if (detectEInvoiceXml(bytes) === null) {
      throw new Invalid(`${fileName} is XML but not a UBL or CII e-invoice.`);
    }
    return parseEInvoiceXml(bytes, fileName);
  }
  if (kind === 'html') {
    const text = htmlToText(decodeText(bytes));
    if (text.trim() === '') throw new Invalid(`${fileName} is an HTML page with no text.`);
    return extractFields(
      { file: fileName, source: 'html', pageCount: 1, lines: linesFromText(text) },
      fieldOptions,
    );
  }
  if (kind === 'text' && options.words === true) {
    const text = decodeText(bytes);
    if (looksLikeWordsFile(text)) {
      const words = readWordsFile(text);
      const pageCount = Math.max(1, ...words.map((w) => w.page));
      return extractFields({ file: fileName, source: 'words', pageCount, words }, fieldOptions);
    }
    throw new Invalid(`${fileName} is not a words file (SROIE box lines or JSON [{text, box}]).`);
  }
  if (kind === 'text') {
    throw new Invalid(
      `${fileName} is plain text, not a PDF, image, HTML email or e-invoice (use --words for words files).`,
    );
  }
  throw new Invalid(`${fileName} is not a PDF, image, HTML email or e-invoice that Docket can read.`);
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

async function extractPdf(
  bytes: Uint8Array,
  fileName: string,
  options: FieldOptions,
): Promise<ExtractionResult> {
  const warnings: string[] = [];
  try {
    const facturx = await extractFacturX(bytes, fileName);
    if (facturx) return facturx;
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    if (/password|damaged|could not be opened|larger than/i.test(error.message)) {
      // The visual path below gives the same file a clearer reason.
    } else {
      warnings.push(`The embedded e-invoice was not used: ${error.message}`);
    }
  }
  const pdf = await readPdfText(bytes);
  try {
    const words: Word[] = [...pdf.words];
    let source: 'pdf-text' | 'ocr' = 'pdf-text';
    if (pdf.imageOnlyPages.length > 0) {
      for (const page of pdf.imageOnlyPages) {
        const png = await renderPdfPage(pdf.doc, page);
        const ocr = await ocrImage(await normaliseImage(png, 'png'), page);
        words.push(...ocr.words);
      }
      if (pdf.words.length === 0) source = 'ocr';
    }
    if (words.length === 0) throw new Invalid(`${fileName} has no readable text, even after OCR.`);
    const read = (all: Word[], more: string[] = []): ExtractionResult =>
      extractFields(
        {
          file: fileName,
          source,
          pageCount: pdf.pageCount,
          words: all,
          warnings: [...warnings, ...pdf.warnings, ...more],
        },
        options,
      );
    const result = read(words);
    // A text layer that names no supplier may carry the letterhead as a picture: read page 1's images.
    if (source === 'pdf-text' && result.supplier.name === null && !pdf.imageOnlyPages.includes(1)) {
      const pictured = await readPageImageText(pdf.doc, 1, words);
      if (pictured.length > 0)
        return read([...words, ...pictured], ['Some text on page 1 is inside images and was read by OCR.']);
    }
    return result;
  } finally {
    await pdf.doc.destroy().catch(() => undefined);
  }
}

async function extractImage(
  bytes: Uint8Array,
  fileName: string,
  kind: DocumentKind,
  options: FieldOptions,
): Promise<ExtractionResult> {
  const png = await normaliseImage(bytes, kind);
  const ocr = await ocrImage(png);
  if (ocr.words.length === 0) throw new Invalid(`No text could be read in ${fileName}.`);
  const warnings: string[] = [];
  if (ocr.rotated !== 0) warnings.push(`The image was turned ${ocr.rotated}° to read it.`);
  if (ocr.confidence < 0.5) warnings.push('The image is hard to read; check every field.');
  return extractFields({ file: fileName, source: 'ocr', pageCount: 1, words: ocr.words, warnings }, options);
}

/** Stops the OCR workers kept warm between documents (call before the process exits). */
export async function closeExtraction(): Promise<void> {
  await closeOcrEngine();
}
