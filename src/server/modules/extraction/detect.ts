/** What a file is, decided from its bytes (never from its name). */
export type DocumentKind =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'bmp'
  | 'tiff'
  | 'webp'
  | 'heic'
  | 'avif'
  | 'xml'
  | 'html'
  | 'text'
  | 'unknown';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** Sniffs the kind of document from magic numbers, then from the first characters of text. */
export function detectKind(bytes: Uint8Array): DocumentKind {
  // PDF readers accept junk before the header within the first kilobyte.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) {
    const dib = (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dib)) return 'bmp';
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brands = [ascii(bytes, 8, 12)];
    const boxSize =
      ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
    for (let at = 16; at + 4 <= Math.min(boxSize, 64); at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
    if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heic';
    return 'unknown';
  }
  const text = textStart(bytes);
  if (text === null) return 'unknown';
  const lower = text.trimStart().slice(0, 1024).toLowerCase();
  if (
    /^(<!doctype html|<html|<head|<body)/.test(lower) ||
    (/^</.test(lower) && /<(html|body|div|table|p|br)[\s>/]/.test(lower))
  ) {
    return 'html';
  }
  if (lower.startsWith('<?xml') || /^<[a-z_][\w.:-]*[\s>]/.test(lower)) return 'xml';
  return 'text';
}

/** The first 4 kB decoded as UTF-8 when they look like text (no NUL or control bytes), else null. */
export function textStart(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 4096);
  let start = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) start = 3;
  let control = 0;
  for (let i = start; i < head.length; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return null;
    if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  if (head.length - start === 0 || control > 0) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      head.subarray(start).slice(0, lastCompleteUtf8(head, start)),
    );
  } catch {
    return null;
  }
}

/** Length up to the last complete UTF-8 sequence, so a cut multibyte character is not an error. */
function lastCompleteUtf8(bytes: Uint8Array, start: number): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= start; back++) {
    const b = bytes[end - back] ?? 0;
    if ((b & 0xc0) === 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < need) end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  return end - start;
}
