import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { Invalid } from '../../lib/errors';
import { LIMITS } from './file-types';

const run = promisify(execFile);

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/**
 * Unpacks a ZIP with limits checked while inflating: entry count, and unpacked bytes in total,
 * so a zip bomb is stopped before it fills memory. Folders and macOS metadata are skipped.
 */
export function unzipWithLimits(
  bytes: Uint8Array,
  limits: { zipEntries: number; zipUnpackedBytes: number } = LIMITS,
): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let total = 0;
  let count = 0;
  let failure: Invalid | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || /(^|\/)\./.test(file.name)) return;
    count += 1;
    if (count > limits.zipEntries) {
      failure = new Invalid(`The ZIP holds more than ${limits.zipEntries} files; send it in smaller parts.`);
      file.terminate();
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new Invalid(`The ZIP is damaged (${file.name} cannot be unpacked).`);
        return;
      }
      total += chunk.byteLength;
      if (total > limits.zipUnpackedBytes) {
        failure = new Invalid(
          `The ZIP unpacks to more than ${limits.zipUnpackedBytes / 1024 / 1024} MB; it was not opened.`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.push({ name: file.name, bytes: Buffer.concat(chunks) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    failure ??= new Invalid('The ZIP is damaged and cannot be opened.');
  }
  if (failure) throw failure;
  return entries;
}

/** Page count of a PDF; Invalid with a reason for encrypted or broken files. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return (await loadPdf(bytes)).getPageCount();
}

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    if (error instanceof Error && /encrypt/i.test(error.message)) {
      throw new Invalid('The PDF is password-protected; send it without a password.');
    }
    throw new Invalid('The PDF is damaged and cannot be opened.');
  }
  if (doc.isEncrypted) throw new Invalid('The PDF is password-protected; send it without a password.');
  try {
    if (doc.getPageCount() === 0) throw new Invalid('The PDF has no pages.');
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw new Invalid('The PDF is damaged and cannot be opened.');
  }
  return doc;
}

/** One single-page PDF per page (one document per page), up to the page limit. */
export async function splitPdfPages(bytes: Uint8Array): Promise<Uint8Array[]> {
  const source = await loadPdf(bytes);
  const count = source.getPageCount();
  if (count > LIMITS.pdfPagesPerPage) {
    throw new Invalid(
      `The PDF has ${count} pages; one document per page works up to ${LIMITS.pdfPagesPerPage} pages.`,
    );
  }
  const pages: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const out = await PDFDocument.create();
    const [page] = await out.copyPages(source, [i]);
    if (page) out.addPage(page);
    pages.push(await out.save({ useObjectStreams: false }));
  }
  return pages;
}

/** Refuses images whose pixel count could exhaust memory, and images sharp cannot read at all. */
export async function checkImage(bytes: Uint8Array): Promise<void> {
  // sharp cannot read BMP; the extraction engine decodes it itself, so only its header is checked.
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) {
    checkBmp(bytes);
    return;
  }
  let width = 0;
  let height = 0;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.width;
    height = meta.height;
  } catch {
    throw new Invalid('The image is damaged and cannot be opened.');
  }
  if (width * height > LIMITS.imagePixels) {
    throw new Invalid(
      `The image is too large (${width} × ${height} pixels); send one under ${LIMITS.imagePixels / 1_000_000} megapixels.`,
    );
  }
}

/** HEIC (iPhone photos) to JPEG with Debian's heif-convert; a clear error when it is not installed. */
export async function convertHeic(bytes: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'docket-heic-'));
  try {
    const input = join(dir, 'in.heic');
    const output = join(dir, 'out.jpg');
    await writeFile(input, bytes);
    try {
      await run('heif-convert', ['-q', '90', input, output], { timeout: 60_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Invalid(
          'HEIC photos cannot be read on this server (the heif-convert converter is not installed); send a JPEG or PDF.',
        );
      }
      throw new Invalid('The HEIC photo is damaged and cannot be converted.');
    }
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function checkBmp(bytes: Uint8Array): void {
  if (bytes.byteLength < 26) throw new Invalid('The image is damaged and cannot be opened.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = Math.abs(view.getInt32(18, true));
  const height = Math.abs(view.getInt32(22, true));
  if (width * height > LIMITS.imagePixels) {
    throw new Invalid(
      `The image is too large (${width} × ${height} pixels); send one under ${LIMITS.imagePixels / 1_000_000} megapixels.`,
    );
  }
}
