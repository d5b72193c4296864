import type { Line } from '../lines';
import type { Box, Word } from '../words';
import { amountsIn, fold, type PlacedAmount } from './context';

/** What a table column holds, from its header label. */
export type ColumnKind =
  | 'description'
  | 'code'
  | 'quantity'
  | 'unitPrice'
  | 'discount'
  | 'taxRate'
  | 'tax'
  | 'net'
  | 'gross'
  | 'amount';

export interface Column {
  kind: ColumnKind;
  label: string;
  x0: number;
  x1: number;
}

export interface TableHeader {
  /** Index of the header line in the document's lines. */
  index: number;
  /** Lines below the header that only qualify its labels ("excl. VAT", "EUR HT"). */
  extraLines: number;
  columns: Column[];
  page: number;
}

/** Header words in English, Dutch, German and French (folded: lower case, no accents). */
const KIND_WORDS: ReadonlyArray<readonly [ColumnKind, RegExp]> = [
  [
    'description',
    /^(description|desc|omschrijving|beschrijving|beschreibung|bezeichnung|artikelbezeichnung|leistung|designation|libelle|details?|particulars|product|produit|produkt|title|item|items|article|artikel|service|services|dienst)$/,
  ],
  [
    'quantity',
    /^(qty|qte|quantity|quantite|quantites|aantal|hoeveelheid|menge|anzahl|nombre|nbre|nb|units|stuks|stk|count)$/,
  ],
  ['discount', /^(disc|discount|rabatt|korting|remise|nachlass|reduction)$/],
  ['code', /^(code|sku|pos|position|ref|reference|artikelnummer|artikelnr|art\.?-?nr|nr|no|#|barcode|ean)$/],
  ['taxRate', /^(taux|tarief|satz|steuersatz|[a-z]+-satz)$/],
  ['net', /^(grondslag|maatstaf|base|basis|taxable|bemessungsgrundlage)$/],
  ['tax', /^(tax|taxes|vat|btw|mwst|ust|tva|gst|iva|steuer)$/],
  [
    'unitPrice',
    /^(price|prijs|preis|prix|p\.?u\.?|rate|tarif|einzelpreis|stuksprijs|eenheidsprijs|unit|vk-preis|ep|stk-preis)$/,
  ],
  [
    'amount',
    /^(amount|amt|bedrag|betrag|montant|total|totaal|gesamt|gesamtpreis|summe|zeilenbetrag|subtotal|sum|line|importe)$/,
  ],
];

/** Kinds whose words make one label together ("BTW bedrag", "Montant TVA", "VAT rate", "Taxable amount"). */
const COMPATIBLE: ReadonlyArray<readonly [ColumnKind, ColumnKind]> = [
  ['tax', 'amount'],
  ['tax', 'taxRate'],
  ['net', 'amount'],
];

const TAX_QUALIFIER =
  /^(incl|inkl|excl|exkl|ohne|mit|hors|met|zonder|with|without|plus|inclusief|exclusief|including|excluding)\.?$/;
const NET_WORDS = /\b(excl|exkl|exclusief|excluding|ohne|ht|netto|net|hors|grondslag|base|basis|taxable)\b/;
const GROSS_WORDS = /\b(incl|inkl|inclusief|including|ttc|brutto|gross|met)\b/;
const RATE_WORDS = /%|\b(rate|taux|tarief|satz)\b/;
const UNIT_WORDS =
  /\bunit|per\s*(stuk|unit|piece|st)|\bp\.?\s?u\b|unitaire|einzel|stuksprijs|eenheidsprijs|vk-?preis|^(price|prijs|preis|prix|rate|tarif)$/;

function wordKind(text: string): ColumnKind | null {
  const t = fold(text)
    .replace(/[.:]+$/, '')
    .replace(/\s/g, '');
  if (t === '') return null;
  for (const [kind, re] of KIND_WORDS) if (re.test(t)) return kind;
  if (/^(tax|vat|btw|mwst|ust|tva|gst|iva)\(?%\)?$/.test(t)) return 'taxRate';
  if (/^disc\.?%$/.test(t)) return 'discount';
  return null;
}

/** The kind of a whole header label ("Prijs incl. BTW", "BTW bedrag", "Montant EUR HT", "Tax (%)"). */
export function labelKind(label: string, first: ColumnKind): ColumnKind {
  const f = fold(label);
  const taxWord = /\b(tax|taxes|vat|btw|mwst|ust|tva|gst|iva|steuer)\b/.test(f);
  const moneyWord = /\b(amount|bedrag|betrag|montant|total|totaal|price|prijs|preis|prix|sum)\b/.test(f);
  if (first === 'discount' || first === 'code' || first === 'description' || first === 'quantity')
    return first;
  if (first === 'taxRate' || (taxWord && RATE_WORDS.test(f) && !moneyWord)) return 'taxRate';
  if (taxWord && !NET_WORDS.test(f) && !GROSS_WORDS.test(f)) return 'tax';
  if (/\b(grondslag|base|basis|taxable)\b/.test(f)) return 'net';
  if (UNIT_WORDS.test(f)) return 'unitPrice';
  if (GROSS_WORDS.test(f)) return 'gross';
  if (NET_WORDS.test(f)) return 'net';
  return first;
}

interface Group {
  words: Word[];
  kind: ColumnKind | null;
}

/** Splits a header line into labels: close words join, unless both could be columns of their own. */
function headerGroups(line: Line): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let prev: Word | null = null;
  for (const w of line.words) {
    // OCR specks and rules ("=", "~—", "|") are not labels.
    if (!/[\p{L}\d%#]/u.test(w.text)) continue;
    let kind = wordKind(w.text);
    const height = Math.max(1, w.box[3] - w.box[1]);
    const gap = prev ? w.box[0] - prev.box[2] : Infinity;
    if (kind === 'unitPrice' && fold(w.text) === 'rate' && current?.kind === 'tax') kind = 'taxRate';
    const fits =
      current?.kind == null ||
      kind === null ||
      kind === current.kind ||
      COMPATIBLE.some(
        ([a, b]) => (a === kind && b === current?.kind) || (b === kind && a === current?.kind),
      ) ||
      // "Prijs incl. BTW", "Price excl. VAT": the tax word belongs to the qualifier before it.
      (kind === 'tax' && prev !== null && TAX_QUALIFIER.test(fold(prev.text)));
    if (current && gap <= 1.5 * height && fits) {
      current.words.push(w);
      current.kind ??= kind;
    } else {
      current = { words: [w], kind };
      groups.push(current);
    }
    prev = w;
  }
  return groups;
}

/** A line of column labels: no amounts, at least two kinds of column, one of them money. */
export function readHeader(lines: readonly Line[], index: number): TableHeader | null {
  const line = lines[index];
  if (!line || line.words.length < 2 || line.words.length > 16) return null;
  if (amountsIn(line).some((a) => a.decimals === 2)) return null;
  // Labels carry no numbers: a line with an id, a phone number or a date is not a header.
  if (line.words.some((w) => /\d{3}/.test(w.text))) return null;
  const groups = headerGroups(line);
  const known = groups.filter((g) => g.kind !== null);
  if (known.length < 2 || known.length < groups.length - 2) return null;
  // Sub-header lines right below (no amounts, no long text) qualify the labels above them.
  let extraLines = 0;
  const qualifiers: Word[] = [];
  for (let k = index + 1; k <= index + 2; k++) {
    const next = lines[k];
    const above = lines[k - 1];
    if (!next || !above || next.page !== line.page) break;
    const height = Math.max(1, line.box[3] - line.box[1]);
    if (next.box[1] - above.box[3] > 0.8 * height) break;
    if (amountsIn(next).length > 0 || next.words.length > 8) break;
    if (!next.words.every((w) => /^[a-z%.()/-]{1,8}\.?$/i.test(fold(w.text)))) break;
    qualifiers.push(...next.words);
    extraLines += 1;
  }
  const columns: Column[] = known.map((g) => {
    const first = g.words[0];
    const last = g.words[g.words.length - 1];
    const x0 = first?.box[0] ?? 0;
    const x1 = last?.box[2] ?? 0;
    const under = qualifiers.filter((q) => overlap([x0, 0, x1, 0], q.box) > 0.3);
    const label = [...g.words, ...under].map((w) => w.text).join(' ');
    return { kind: labelKind(label, g.kind ?? 'amount'), label, x0, x1 };
  });
  const kinds = new Set(columns.map((c) => c.kind));
  const money = ['amount', 'net', 'gross', 'unitPrice', 'tax'].some((k) => kinds.has(k as ColumnKind));
  if (kinds.size < 2 || !money) return null;
  return { index, extraLines, columns, page: line.page };
}

function overlap(a: Box, b: Box): number {
  const o = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const narrower = Math.min(a[2] - a[0], b[2] - b[0]);
  return narrower <= 0 ? 0 : Math.max(0, o) / narrower;
}

/** A number on a row, placed in a column. */
export interface Cell {
  column: Column;
  amount: PlacedAmount;
  percent: boolean;
}

export interface RowCells {
  cells: Cell[];
  /** The words that are not values: the description and codes. */
  text: Word[];
}

const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set([
  'quantity',
  'unitPrice',
  'discount',
  'taxRate',
  'tax',
  'net',
  'gross',
  'amount',
]);

/**
 * Places a row's numbers in the header's columns: the column the number overlaps most (numbers are
 * usually right-aligned, so a tie goes to the nearer right edge), else the nearest numeric column within
 * two character heights. Numbers that fit no column stay in the text ("16 GB", "2010").
 */
export function placeRow(line: Line, header: TableHeader, unit: number): RowCells {
  const numeric = header.columns.filter((c) => NUMERIC_KINDS.has(c.kind));
  const amounts = amountsIn(line);
  const pairs: { a: PlacedAmount; column: Column; score: number }[] = [];
  for (const a of amounts) {
    for (const c of numeric) {
      const ov = overlap([c.x0, 0, c.x1, 0], a.box);
      const gap = Math.max(0, c.x0 - a.box[2], a.box[0] - c.x1);
      const score =
        ov > 0
          ? 1 + ov - Math.abs(c.x1 - a.box[2]) / (10 * unit)
          : gap <= 2 * unit
            ? 0.5 - gap / (10 * unit)
            : -1;
      if (score > 0) pairs.push({ a, column: c, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  const cells: Cell[] = [];
  for (const p of pairs) {
    if (cells.some((c) => c.column === p.column || c.amount === p.a)) continue;
    const percent = /^\s?%/.test(line.text.slice(p.a.end, p.a.end + 2));
    cells.push({ column: p.column, amount: p.a, percent });
  }
  // Values not aligned with their labels (text laid out by characters, as in e-mails): when the last column
  // is empty, the trailing numbers of the row fill the last columns in order.
  const lastColumn = numeric[numeric.length - 1];
  if (lastColumn && !cells.some((c) => c.column === lastColumn)) {
    const lastLetters = Math.max(-1, ...[...line.text.matchAll(/\p{L}{2,}/gu)].map((m) => m.index));
    const trailing = amounts.filter((a) => a.start > lastLetters);
    if (trailing.length > 0 && trailing.length <= numeric.length) {
      cells.length = 0;
      const columns = numeric.slice(numeric.length - trailing.length);
      trailing.forEach((a, k) => {
        const column = columns[k];
        if (column)
          cells.push({ column, amount: a, percent: /^\s?%/.test(line.text.slice(a.end, a.end + 2)) });
      });
    }
  }
  cells.sort((x, y) => x.amount.start - y.amount.start);
  const inCells = (w: Word): boolean =>
    cells.some((c) => w.box[0] >= c.amount.box[0] - 0.5 && w.box[2] <= c.amount.box[2] + 0.5);
  const fixed = header.columns.filter((c) => NUMERIC_KINDS.has(c.kind) || c.kind === 'code');
  const quantities = cells.filter((c) => c.column.kind === 'quantity').map((c) => c.amount.box);
  const text = line.words.filter((w) => {
    if (inCells(w)) return false;
    // A unit of measure right after the quantity ("1.00 kg", "1 PCS", "15 g") is not description.
    if (
      quantities.some((b) => w.box[0] >= b[2] && w.box[0] - b[2] <= unit && /^\p{L}{1,5}\.?$/u.test(w.text))
    ) {
      return false;
    }
    // Tokens printed in a numeric or code column ("%", "PCS", "kg", "€", a position number) are not description.
    const mid = (w.box[0] + w.box[2]) / 2;
    return !fixed.some((c) => mid >= c.x0 - unit / 2 && mid <= c.x1 + unit / 2);
  });
  return { cells, text };
}

/** Finds every table header in the document, first to last. */
export function findHeaders(lines: readonly Line[]): TableHeader[] {
  const out: TableHeader[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = readHeader(lines, i);
    if (h) {
      out.push(h);
      i += h.extraLines;
    }
  }
  return out;
}

/** Two headers with the same columns (a table continued on the next page). */
export function sameHeader(a: TableHeader, b: TableHeader): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((c, k) => {
      const other = b.columns[k];
      return other !== undefined && other.kind === c.kind && Math.abs(c.x0 - other.x0) < 5;
    })
  );
}
