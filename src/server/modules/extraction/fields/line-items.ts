import type { LineItem } from '../../../../shared/contracts/extraction';
import { addDecimals, compareDecimal, decimalsClose, multiplyDecimal } from '../../../../shared/money';
import { parseNumber } from '../amounts';
import type { Line } from '../lines';
import { amountsIn, conf, fold, type FieldContext, type Found, type PlacedAmount } from './context';
import { stripZeros } from './tax-lines';
import { findHeaders, placeRow, sameHeader, type Cell, type ColumnKind, type TableHeader } from './table';

/** A line that closes the item table: totals, tax summary, payment. */
const END =
  /^(sub\s*-?\s*total|subtotaal|zwischensumme|sous-total|total|totaal|totale|gesamt|summe|somme|grand|amount\s*due|balance|net\s*total|montant\s*total|te\s*betalen|a\s*payer|rounding)|\btotal\s*(facture|ht|ttc|eur|excl|incl|amount)|\b(sub\s*-?\s*total|subtotaal|zwischensumme|grand\s*total|amount\s*due|te\s*betalen|invoice\s*total|factuur\s*totaal|rechnungsbetrag|gesamtbetrag|endbetrag)\b/;
/** Lines inside the table that are not items: section subtotals and tax lines. */
const SKIP =
  /^(sub\s*-?\s*total|subtotaal|zwischensumme|sous-total)|^(tax|vat|btw|mwst|ust|tva|gst)\b|^(exclusief|excl|inclusief|incl)\.?\s*(btw|vat|tax|mwst)|\b(discount|korting|rabatt|remise)\s*total/;
/** An item line that only shows a charge already included in the line above ("Incl. recycling fee 4.24"). */
const INCLUDED = /^(incl\.?|inkl\.?|inclusief|including|includes|davon|dont|waarvan)\s/;
const TAX_NOTE = /^(tax|vat|btw|mwst|tva|gst)\s*:?\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*%$/;

interface Row {
  lines: Line[];
  item: LineItem;
  included: boolean;
}

/** The value of the first cell of one of the kinds, or null. */
function cellValue(cells: readonly Cell[], kinds: readonly ColumnKind[], percent = false): string | null {
  for (const kind of kinds) {
    const c = cells.find((x) => x.column.kind === kind && x.percent === percent);
    if (c) return c.amount.value;
  }
  return null;
}

function rowFrom(line: Line, header: TableHeader, ctx: FieldContext): Row | null {
  const { cells, text } = placeRow(line, header, ctx.unit);
  const money = cells.filter((c) => !c.percent && (c.amount.decimals >= 1 || c.amount.currencyTouching));
  const hasNet = header.columns.some((c) => c.kind === 'net' || c.kind === 'amount');
  const amount = hasNet
    ? cellValue(money, ['amount', 'net', 'gross'])
    : cellValue(money, ['gross', 'amount', 'net']);
  // Without a value in an amount column, the rightmost money value of the row is its amount.
  const fallback =
    amount === null &&
    money.length > 0 &&
    !header.columns.some((c) => c.kind === 'amount' || c.kind === 'net')
      ? (money.sort((a, b) => b.amount.box[0] - a.amount.box[0])[0]?.amount.value ?? null)
      : null;
  const value = amount ?? fallback;
  if (value === null) return null;
  const description = text
    .map((w) => w.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const qty = cells.find((c) => c.column.kind === 'quantity' && !c.percent);
  const rate =
    cells.find((c) => c.percent && (c.column.kind === 'taxRate' || c.column.kind === 'tax')) ??
    cells.find((c) => c.column.kind === 'taxRate');
  const tax = cells.find((c) => c.column.kind === 'tax' && !c.percent && c.amount.decimals === 2);
  const unitPrice = cellValue(money, ['unitPrice']);
  let quantity = qty ? qty.amount.value : null;
  if (quantity === null && unitPrice !== null && compareDecimal(unitPrice, '0') > 0) {
    quantity = wholeQuantity(unitPrice, value);
  }
  return {
    lines: [line],
    included: INCLUDED.test(fold(description)),
    item: {
      description: /[A-Za-z]{2,}/.test(description) ? description : null,
      quantity,
      unitPrice,
      amount: value,
      tax: tax ? tax.amount.value : null,
      taxRate: rate ? stripZeros(rate.amount.value.replace(/^-/, '')) : null,
    },
  };
}

/** Reads the rows under one header until a totals line, a far gap or another kind of table. */
function readTable(
  ctx: FieldContext,
  headers: readonly TableHeader[],
  h: number,
): { rows: Row[]; next: number } {
  const header = headers[h];
  if (!header) return { rows: [], next: h + 1 };
  const rows: Row[] = [];
  let open: Row | null = null;
  let next = h + 1;
  let page = header.page;
  for (let i = header.index + header.extraLines + 1; i < ctx.lines.length; i++) {
    const line = ctx.lines[i];
    if (!line) break;
    const repeat = headers.find((x) => x.index === i);
    if (repeat) {
      // The same header on the next page continues the table; another header ends it.
      if (!sameHeader(repeat, header) || repeat.page === page) break;
      i += repeat.extraLines;
      page = repeat.page;
      open = null;
      next = headers.indexOf(repeat) + 1;
      continue;
    }
    if (line.page !== page) continue;
    const first = amountsIn(line)[0];
    const left = fold(line.text.slice(0, first?.start ?? line.text.length)).trim();
    const last = open?.lines[open.lines.length - 1];
    const close = last !== undefined && line.box[1] - last.box[3] < 1.2 * ctx.unit;
    const note = TAX_NOTE.exec(fold(line.text).trim());
    if (open && close && note?.[2] !== undefined) {
      const parsed = parseNumber(note[2])?.value;
      open.item.taxRate ??= parsed === undefined ? null : stripZeros(parsed);
      open.lines.push(line);
      continue;
    }
    if (rows.length > 0 && END.test(left) && !SKIP.test(left)) break;
    if (SKIP.test(left) || END.test(left)) {
      open = null;
      continue;
    }
    const row = rowFrom(line, header, ctx);
    if (row && isSubtotal(row, rows)) {
      open = null;
      continue;
    }
    if (row) {
      rows.push(row);
      open = row;
      if (rows.length > 300) break;
      continue;
    }
    // A line without an amount: more description for the row above, if it sits right under it.
    const { text } = placeRow(line, header, ctx.unit);
    if (open && close && text.length > 0) {
      open.item.description = `${open.item.description ?? ''} ${text.map((w) => w.text).join(' ')}`.trim();
      open.lines.push(line);
    } else if (rows.length > 0 && last && line.box[1] - last.box[3] > 8 * ctx.unit) {
      break;
    } else {
      open = null;
    }
  }
  return { rows, next };
}

/** A short label whose amount is the sum of the rows above is a subtotal, however the label was misread. */
function isSubtotal(row: Row, rows: readonly Row[]): boolean {
  if (rows.length < 2 || row.item.amount === null || row.item.quantity !== null) return false;
  if ((row.item.description ?? '').split(' ').length > 2) return false;
  return decimalsClose(addDecimals(rows.map((r) => r.item.amount ?? '0')), row.item.amount, '0.01');
}

/** An amount that only repeats a charge included in the row above is folded into that row's description. */
function foldIncluded(rows: Row[], reference: readonly string[]): Row[] {
  const included = rows.filter((r) => r.included);
  if (included.length === 0) return rows;
  const all = addDecimals(rows.map((r) => r.item.amount ?? '0'));
  const without = addDecimals(rows.filter((r) => !r.included).map((r) => r.item.amount ?? '0'));
  const matches = (sum: string): boolean => reference.some((v) => decimalsClose(sum, v, '0.01'));
  if (matches(all) || !matches(without)) return rows;
  const out: Row[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (r.included && prev) {
      prev.item.description =
        `${prev.item.description ?? ''} (${r.item.description ?? ''} ${r.item.amount ?? ''})`.trim();
    } else if (!r.included) out.push(r);
  }
  return out;
}

export interface LineItemsRead {
  items: Found<LineItem[]> | null;
  /** The amounts are tax exclusive (header says so), tax inclusive, or the header does not say. */
  basis: 'net' | 'gross' | null;
}

/**
 * Finds the item table from its header row (column labels in several languages) and reads each row by
 * column position: description, quantity, unit price, tax rate, tax and amount. Rows run until a totals
 * line; a table continued under the same header on the next page is followed. `reference` holds the
 * document's net and total: a table whose amounts add up to one of them is preferred.
 */
export function readLineItems(ctx: FieldContext, reference: readonly string[] = []): LineItemsRead {
  const headers = findHeaders(ctx.lines);
  let best: { rows: Row[]; header: TableHeader; adds: boolean } | null = null;
  for (let h = 0; h < headers.length;) {
    const header = headers[h];
    const { rows: raw, next } = readTable(ctx, headers, h);
    h = next;
    if (!header || raw.length === 0) continue;
    if (
      header.columns.every((c) => c.kind !== 'description') &&
      raw.every((r) => r.item.description === null)
    )
      continue;
    const rows = foldIncluded(raw, reference);
    const sum = addDecimals(rows.map((r) => r.item.amount ?? '0'));
    const adds = reference.some((v) => decimalsClose(sum, v, '0.01'));
    if (!best || (adds && !best.adds)) best = { rows, header, adds };
    if (adds) break;
  }
  if (!best) {
    const list = readListItems(ctx, reference);
    if (!list) return { items: null, basis: null };
    const first = list[0]?.lines[0];
    return {
      items: {
        value: list.map((r) => r.item),
        confidence: 0.5,
        location: first ? { page: first.page, box: first.box } : null,
      },
      basis: null,
    };
  }
  const { rows, header, adds } = best;
  const consistent = rows.filter(
    (r) =>
      r.item.quantity !== null &&
      r.item.unitPrice !== null &&
      r.item.amount !== null &&
      decimalsClose(multiplyDecimal(r.item.quantity, r.item.unitPrice), r.item.amount, '0.01'),
  ).length;
  const kinds = header.columns.map((c) => c.kind);
  const basis = kinds.includes('net') ? 'net' : kinds.includes('gross') ? 'gross' : null;
  const line = ctx.lines[header.index];
  return {
    items: {
      value: rows.map((r) => r.item),
      confidence: conf(0.35 + 0.25 * (consistent / rows.length) + (adds ? 0.3 : 0)),
      location: line ? { page: line.page, box: line.box } : null,
    },
    basis,
  };
}

/**
 * Items without a table header: a block of consecutive lines, each ending in one amount at the same right
 * edge, whose least indented lines (the items; indented lines below them are their breakdown) add up to the
 * document's net or total. The arithmetic is what makes a list of amounts a list of items.
 */
function readListItems(ctx: FieldContext, reference: readonly string[]): Row[] | null {
  if (reference.length === 0) return null;
  const blocks: { line: Line; amount: PlacedAmount }[][] = [];
  let block: { line: Line; amount: PlacedAmount }[] = [];
  let prev: Line | null = null;
  for (const line of ctx.lines) {
    const money = amountsIn(line).filter(
      (a) => a.decimals === 2 && !/^\s?%/.test(line.text.slice(a.end, a.end + 2)),
    );
    const last = money[money.length - 1];
    const near = prev !== null && line.page === prev.page && line.box[1] - prev.box[3] < 3 * ctx.unit;
    if (!last || money.length > 2 || !near) {
      if (block.length > 0) blocks.push(block);
      block = [];
    }
    if (last && money.length <= 2) block.push({ line, amount: last });
    prev = last ? line : null;
  }
  if (block.length > 0) blocks.push(block);
  let best: { line: Line; amount: PlacedAmount }[] | null = null;
  for (const b of blocks) {
    const entries = b.filter((e) => {
      const left = fold(e.line.text.slice(0, amountsIn(e.line)[0]?.start ?? 0)).trim();
      return !END.test(left) && !SKIP.test(left);
    });
    const minX = Math.min(...entries.map((e) => e.line.box[0]));
    const top = entries.filter((e) => e.line.box[0] <= minX + ctx.unit / 2);
    const edge = top[0]?.amount.box[2] ?? 0;
    if (top.length < 2 || !top.every((e) => Math.abs(e.amount.box[2] - edge) < 2 * ctx.unit)) continue;
    const sum = addDecimals(top.map((e) => e.amount.value));
    if (!reference.some((v) => decimalsClose(sum, v, '0.01'))) continue;
    // A summary ("Charges 4.11, Credits 0.00") adds up too: the longest list is the detail.
    if (!best || top.length > best.length) best = top;
  }
  return (
    best?.map((e) => {
      const description = e.line.text.slice(0, e.amount.start).replace(/\s+/g, ' ').trim();
      return {
        lines: [e.line],
        included: false,
        item: {
          description: /\p{L}{2,}/u.test(description) ? description : null,
          quantity: null,
          unitPrice: null,
          amount: e.amount.value,
          tax: null,
          taxRate: null,
        },
      };
    }) ?? null
  );
}

/** The whole quantity that makes unit price x quantity = amount, if there is one. */
function wholeQuantity(unitPrice: string, amount: string): string | null {
  for (let q = 1; q <= 100; q++) {
    if (decimalsClose(multiplyDecimal(String(q), unitPrice), amount, '0.01')) return `${q}.00`;
  }
  return null;
}
