import type { Word } from './words';

/** Letters OCR confuses with digits, and the digit each one stands for inside a number. */
const CONFUSED: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  l: '1',
  I: '1',
  '|': '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  g: '9',
};

/**
 * Repairs OCR'd tokens that are clearly numbers (dates, amounts, times) with a confusable letter in
 * them: "2O18" → "2018", "l5/03/2018" → "15/03/2018", "8.O0" → "8.00". A token counts as a number when
 * at least two thirds of its characters are digits or separators; other words are left alone.
 */
export function repairDigits(text: string): string {
  return text.replace(/[\S]+/g, (token) => {
    const core =
      /^([A-Za-z$€£]{0,3}?)([0-9OoDQlI|iSsBZzg][0-9OoDQlI|iSsBZzg.,:/-]*[0-9OoDQlI|iSsBZzg])([^0-9]*)$/.exec(
        token,
      );
    if (!core) return token;
    const [, prefix = '', body = '', suffix = ''] = core;
    const digits = body.replace(/[^0-9]/g, '').length;
    const separators = body.replace(/[^.,:/-]/g, '').length;
    if (digits < 2 || (digits + separators) / body.length < 2 / 3) return token;
    if (!/[.,:/-]/.test(body) && digits < body.length - 1) return token;
    return prefix + body.replace(/[OoDQlI|iSsBZzg]/g, (c) => CONFUSED[c] ?? c) + suffix;
  });
}

/** Applies repairDigits to every word. */
export function repairOcrWords(words: readonly Word[]): Word[] {
  return words.map((w) => {
    const text = repairDigits(w.text);
    return text === w.text ? w : { ...w, text };
  });
}
