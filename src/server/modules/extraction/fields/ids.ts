import { findDates, monthFromName } from '../dates';
import type { Line } from '../lines';
import { conf, fold, locate, xOverlap, type FieldContext, type Found } from './context';

interface LabelRule {
  label: RegExp;
  value: RegExp;
  confidence: number;
  /** After the label's colon a "#" is printed as part of the number ("Invoice No : #BLR_123"). */
  keepHash?: boolean;
}

const ID_VALUE = /^[#:.\s]*([A-Za-z0-9][A-Za-z0-9\-/_.#]*[A-Za-z0-9]|[0-9])/;

const INVOICE_NO: LabelRule[] = [
  {
    label:
      /(invoice|inv|factuur|rechnungs?|facture|fattura|factura|bill|receipt|rcpt|document|doc|tax\s*invoice|credit\s*note|cash\s*bill|slip|trans(action)?|check|chk|order)\s*(no\b|no\.|number|num\b|nr\b|nr\.|nummer|numero|n°|n\s*o|#|id\b)|invoice\s*#|factuurnummer|rechnungsnummer|numero\s*de\s*facture|invoice\s*:|\binv\s*:|^\s*#\s*(?=[a-z0-9_-]*\d)/,
    value: ID_VALUE,
    confidence: 0.8,
    keepHash: true,
  },
];

const PO_NO: LabelRule[] = [
  {
    // "PO" alone must be followed by a number word or a colon: "Port", "POPULAIRE" are not labels.
    label:
      /\bp\.?\s?o\.?\s*(no\b|no\.|number|nr\b|nr\.|#|:)|\b(purchase\s*order|your\s*order|customer\s*order|order\s*ref(erence)?|inkooporder(nummer)?|uw\s*(bestelling|bestelnummer|bestelbon|ordernummer)|ihre\s*bestell(ung|nummer)|bestellnummer\s*des\s*kunden|bon\s*de\s*commande|votre\s*commande|votre\s*n.\s*de\s*commande)\s*(no\b|no\.|number|nr\b|nr\.|nummer|n°|#|:|ref)?/,
    value: ID_VALUE,
    confidence: 0.7,
  },
];

const TAX_ID_LABEL =
  /(gst\s*(reg(istration)?|id|no|#)|gstin|vat\s*(reg(istration)?|no|number|id|#)|tax\s*(id|no|reg)|tin\b|abn\b|acn\b|sst\s*(reg|no|id)|ust\.?-?\s*id(nr)?|ust-?idnr|steuer-?nr|btw(-|\s)?(nr|nummer|nummer|id)?|tva\s*intra|n°\s*tva|nip\b|uid\b|cif\b|nif\b|siren|siret|vat\b)/;
/** Words before a tax-id label that make it the customer's ("Uw BTW nummer", "Customer VAT no"). */
const BUYERS =
  /\b(your|uw|ihre?|votre|vos|customer'?s?|client'?s?|buyer'?s?|purchaser'?s?|recipient'?s?|klant|kunde[n]?|käufer|kaufer|acheteur|afnemer|bill\s+to|ship\s+to)\b[^a-z]*([a-z.-]+\s*){0,2}[\s:#°-]*$/;
const EU_VAT =
  /\b(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|CHE|XI)[-\s]?[0-9A-Z][0-9A-Z\s.]{6,14}[0-9A-Z]\b/;

function readAfterLabel(
  ctx: FieldContext,
  rules: LabelRule[],
  accept: (value: string) => boolean,
): Found<string> | null {
  for (const rule of rules) {
    for (const [i, line] of ctx.lines.entries()) {
      const folded = fold(line.text);
      const m = rule.label.exec(folded);
      if (!m) continue;
      const restStart = m.index + m[0].length;
      const rest = line.text.slice(restStart);
      const v = rule.value.exec(rest);
      const value = v?.[1];
      if (value !== undefined && accept(value)) {
        const start = restStart + rest.indexOf(value);
        const between = rest.slice(0, rest.indexOf(value));
        const colon = /:\s*$/.test(m[0]) ? /^\s*#\s?$/.test(between) : /^\s*:\s*#\s?$/.test(between);
        const hash = rule.keepHash === true && colon;
        return {
          value: hash ? `#${value}` : value,
          confidence: conf(rule.confidence),
          location: locate(line, start, start + value.length),
        };
      }
      const below = valueBelow(ctx.lines, i, line, m.index, restStart, accept);
      if (below) return { ...below, confidence: conf(rule.confidence - 0.15) };
    }
  }
  return null;
}

/** A table header label ("Invoice No.") with its value printed underneath. */
function valueBelow(
  lines: Line[],
  i: number,
  line: Line,
  start: number,
  end: number,
  accept: (value: string) => boolean,
): Found<string> | null {
  const labelWords = wordsInSpan(line, start, end);
  const box = labelWords[0]?.box;
  const next = lines[i + 1];
  if (!box || !next || next.page !== line.page) return null;
  const height = line.box[3] - line.box[1];
  if (next.box[1] - line.box[3] > 2 * Math.max(height, 1)) return null;
  const under = next.words.filter(
    (w) => xOverlap(w.box, box) > 0.3 || (w.box[0] >= box[0] - 5 && w.box[0] <= box[2]),
  );
  const first = under[0];
  if (!first) return null;
  const m = ID_VALUE.exec(first.text);
  const value = m?.[1];
  if (value === undefined || !accept(value)) return null;
  return { value, confidence: 0.6, location: { page: next.page, box: first.box } };
}

function wordsInSpan(line: Line, start: number, end: number): Line['words'] {
  const out: Line['words'] = [];
  let offset = 0;
  for (const w of line.words) {
    const ws = offset;
    const we = offset + w.text.length;
    if (we > start && ws < end) out.push(w);
    offset = we + 1;
  }
  return out;
}

const hasDigit = (v: string): boolean => /\d/.test(v) && v.length >= 2 && v.length <= 30;

const COLUMN_LABEL = /^(invoice|factuur|rechnung|facture|fattura|factura|booking|receipt|bill)$/;

/** A value with a digit that is not a date or an amount. */
const idLike = (v: string): boolean =>
  hasDigit(v) && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(v) && !/^\d+[.,]\d{2}$/.test(v);

export function readInvoiceNumber(ctx: FieldContext): Found<string> | null {
  return readAfterLabel(ctx, INVOICE_NO, idLike) ?? readUnderColumnLabel(ctx) ?? readAfterTitle(ctx);
}

const TITLE =
  /^\W*(invoice|tax\s*invoice|factuur|rechnung|facture|credit\s*note|creditnota|creditfactuur|gutschrift|avoir)\s+(?=\S*\d)/;

/** A document title followed by its number ("Invoice INV/2023/03/0008", "Rechnung 2024-118"). */
function readAfterTitle(ctx: FieldContext): Found<string> | null {
  for (const line of ctx.lines) {
    const m = TITLE.exec(fold(line.text));
    if (!m) continue;
    const rest = line.text.slice(m[0].length);
    const token = /^([A-Za-z0-9][A-Za-z0-9\-/_.]*[A-Za-z0-9])(?=\s|$)/.exec(rest)?.[1];
    const after = fold(rest.slice(token?.length ?? 0)).trim();
    // "Invoice 12 March 2024" is a date, not a number.
    if (
      token === undefined ||
      token.length < 4 ||
      !idLike(token) ||
      findDates(rest).some((d) => d.start === 0)
    )
      continue;
    if (/^[a-z]{3,}/.test(after) && monthFromName(after.split(/\s/)[0] ?? '') !== null) continue;
    return {
      value: token,
      confidence: 0.6,
      location: locate(line, m[0].length, m[0].length + token.length),
    };
  }
  return null;
}

/** A header row of labels ("Klant Order Factuur datum Factuur") over a row of values. */
function readUnderColumnLabel(ctx: FieldContext): Found<string> | null {
  for (const [i, line] of ctx.lines.entries()) {
    if (/\d/.test(line.text)) continue;
    const next = ctx.lines[i + 1];
    if (!next || next.page !== line.page) continue;
    for (const [k, word] of line.words.entries()) {
      if (!COLUMN_LABEL.test(fold(word.text).replace(/[^a-z]/g, ''))) continue;
      const following = fold(line.words[k + 1]?.text ?? '');
      if (/^(dat|date|datum|to|adres|address)/.test(following)) continue;
      const under = next.words.find((w) => xOverlap(w.box, word.box) > 0.3);
      if (under && idLike(under.text) && under.text.length >= 4) {
        return { value: under.text, confidence: 0.55, location: { page: next.page, box: under.box } };
      }
    }
  }
  return null;
}

export function readPoNumber(ctx: FieldContext): Found<string> | null {
  return readAfterLabel(ctx, PO_NO, hasDigit);
}

/** Tax registration number: after a label (GST reg no, VAT no, ABN...) or an EU VAT number shape. */
/**
 * Repairs an OCR slip that a VAT number's format rules out: a Dutch number is NL, nine digits, the
 * letter B and two digits, so an "8" in the letter's place was a B ("NL815254295801").
 */
export function repairVatId(value: string): string {
  const m = /^(NL[\s.]?)([\d\s.]+?)[8B]([\s.]?\d{2})$/i.exec(value);
  if (!m || (m[2] ?? '').replace(/\D/g, '').length !== 9) return value;
  return `${m[1] ?? ''}${m[2] ?? ''}B${m[3] ?? ''}`;
}

export function readTaxId(ctx: FieldContext): Found<string> | null {
  for (const line of ctx.lines) {
    const folded = fold(line.text);
    const m = TAX_ID_LABEL.exec(folded);
    if (!m || BUYERS.test(folded.slice(0, m.index))) continue;
    const restStart = m.index + m[0].length;
    const rest = line.text.slice(restStart);
    const v =
      /^[\s:.#)(-]*(?:no\.?|number|id|nr\.?)?[\s:.#-]*([A-Z]{0,3}[\s-]?\d[\dA-Z\s.-]{4,20}[\dA-Z])/i.exec(
        rest,
      );
    const value = v?.[1]?.trim();
    if (value !== undefined && value.replace(/\D/g, '').length >= 6) {
      const start = restStart + rest.indexOf(value);
      return {
        value: repairVatId(value),
        confidence: 0.8,
        location: locate(line, start, start + value.length),
      };
    }
  }
  for (const line of ctx.lines) {
    const m = EU_VAT.exec(line.text);
    if (m && BUYERS.test(fold(line.text.slice(0, m.index)))) continue;
    if (m && m[0].replace(/\D/g, '').length >= 8) {
      return {
        value: repairVatId(m[0]),
        confidence: 0.6,
        location: locate(line, m.index, m.index + m[0].length),
      };
    }
  }
  return null;
}

/** Last four digits of a payment card ("**** **** **** 1234", "XXXX1234", "card ending 1234"). */
export function readCardLast4(ctx: FieldContext): Found<string> | null {
  const masked =
    /(?:[*xX•#]{2,}[\s*xX•#-]*)(\d{4})\b|\b(?:ending(?:\s+in)?|last\s*4(?:\s*digits)?)\s*:?\s*(\d{4})\b/;
  for (const line of ctx.lines) {
    const m = masked.exec(line.text);
    const digits = m?.[1] ?? m?.[2];
    if (m && digits !== undefined) {
      return { value: digits, confidence: 0.8, location: locate(line, m.index, m.index + m[0].length) };
    }
  }
  return null;
}
