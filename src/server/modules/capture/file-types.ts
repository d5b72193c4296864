/** What an incoming file is, decided from its bytes (never from its name), and the limits Docket applies. */
export type FileKind =
  'pdf' | 'jpeg' | 'png' | 'gif' | 'bmp' | 'tiff' | 'webp' | 'heic' | 'zip' | 'xml' | 'html' | 'unknown';

export const LIMITS = {
  /** One document (a PDF, an image, an e-invoice). */
  fileBytes: 25 * 1024 * 1024,
  /** A ZIP as sent. */
  zipBytes: 100 * 1024 * 1024,
  /** Everything inside a ZIP once unpacked (stops zip bombs). */
  zipUnpackedBytes: 300 * 1024 * 1024,
  zipEntries: 200,
  /** One document per page: PDFs up to this many pages. */
  pdfPagesPerPage: 200,
  /** Images larger than this many pixels are refused (decompression bombs). */
  imagePixels: 60_000_000,
} as const;

const DOCUMENT_KINDS: ReadonlySet<FileKind> = new Set([
  'pdf',
  'jpeg',
  'png',
  'gif',
  'bmp',
  'tiff',
  'webp',
  'heic',
  'xml',
  'html',
]);

export const isDocumentKind = (kind: FileKind): boolean => DOCUMENT_KINDS.has(kind);
export const isImageKind = (kind: FileKind): boolean =>
  ['jpeg', 'png', 'gif', 'bmp', 'tiff', 'webp', 'heic'].includes(kind);

const ascii = (b: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...b.subarray(start, Math.min(end, b.length)));

const starts = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

/** Sniffs magic numbers first, then the start of the text. */
export function sniffKind(bytes: Uint8Array): FileKind {
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const six = ascii(bytes, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) return 'bmp';
  if (starts(bytes, [0x49, 0x49, 0x2a, 0x00]) || starts(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (
    ascii(bytes, 4, 8) === 'ftyp' &&
    /^(heic|heix|hevc|hevx|mif1|msf1|heim|heis)$/.test(ascii(bytes, 8, 12))
  )
    return 'heic';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  const head = bytes.subarray(0, 2048);
  if (head.includes(0)) return 'unknown';
  const text = new TextDecoder('utf-8')
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(<!doctype html|<html|<head|<body)/.test(text) || /<(html|body|div|table|p|br)[\s>/]/.test(text))
    return 'html';
  if (text.startsWith('<?xml') || /^<[a-z_][\w.:-]*[\s>]/.test(text)) return 'xml';
  return 'unknown';
}

/** A file name without paths or control characters, for display. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/\p{Cc}/gu, '');
  return cleaned.trim().slice(0, 200) || fallback;
}

export const describeKind = (kind: FileKind): string =>
  kind === 'unknown' ? 'an unknown type' : kind === 'xml' ? 'XML' : kind.toUpperCase();
