import type { FieldLocation, TaxLine } from '../../../../shared/contracts/extraction';
import { addDecimals } from '../../../../shared/money';
import { parseNumber } from '../amounts';
import type { Line } from '../lines';
import { amountsIn, fold, type FieldContext } from './context';
import { findHeaders, placeRow, type Cell, type ColumnKind } from './table';

export interface TaxTable {
  lines: TaxLine[];
  /** Sums over the rates: the table's own totals row when printed, else the sum of its rows. */
  net: string | null;
  tax: string | null;
  gross: string | null;
  location: FieldLocation;
}

const value = (cells: readonly Cell[], kind: ColumnKind): string | null =>
  cells.find((c) => c.column.kind === kind && !c.percent)?.amount.value ?? null;

/**
 * A VAT summary table: a header naming a rate column and tax or taxable-amount columns
 * ("BTW % | Grondslag | BTW bedrag | Totaal", "VAT rate | Net | VAT", "Taux | Base HT | TVA"), with one
 * row per rate and perhaps a totals row. Rows hold numbers only.
 */
export function readTaxTable(ctx: FieldContext): TaxTable | null {
  for (const header of findHeaders(ctx.lines)) {
    const kinds = new Set(header.columns.map((c) => c.kind));
    if (kinds.has('description') || kinds.has('quantity') || kinds.has('unitPrice')) continue;
    if (!kinds.has('tax') || !(kinds.has('taxRate') || kinds.has('net'))) continue;
    const lines: TaxLine[] = [];
    let totalsRow: Cell[] | null = null;
    let last: Line | undefined = ctx.lines[header.index + header.extraLines];
    for (let i = header.index + header.extraLines + 1; i < ctx.lines.length; i++) {
      const line = ctx.lines[i];
      if (!line || !last || line.page !== header.page) break;
      if (line.box[1] - last.box[3] > 2.5 * ctx.unit) break;
      const { cells, text } = placeRow(line, header, ctx.unit);
      const words = fold(text.map((w) => w.text).join(' ')).replace(/[^a-z]/g, '');
      if (cells.length === 0 || words.length > 12) break;
      last = line;
      const rate = cells.find((c) => c.column.kind === 'taxRate' || c.percent);
      const row = { net: value(cells, 'net'), tax: value(cells, 'tax') };
      if (row.tax === null && row.net === null) continue;
      if (rate) {
        lines.push({ rate: stripZeros(rate.amount.value.replace(/^-/, '')), category: null, ...row });
      } else {
        totalsRow = cells;
      }
    }
    if (lines.length === 0) continue;
    const sum = (key: 'net' | 'tax'): string | null =>
      lines.every((l) => l[key] !== null) ? addDecimals(lines.map((l) => l[key] ?? '0')) : null;
    const first = ctx.lines[header.index];
    return {
      lines,
      net: (totalsRow && value(totalsRow, 'net')) ?? sum('net'),
      tax: (totalsRow && value(totalsRow, 'tax')) ?? sum('tax'),
      gross: totalsRow ? (value(totalsRow, 'gross') ?? value(totalsRow, 'amount')) : null,
      location: { page: header.page, box: first?.box ?? [0, 0, 0, 0] },
    };
  }
  return null;
}

/** A percentage printed in a label ("VAT 20%", "TVA 5,5 %", "BTW 21%"), as a decimal string. */
export function rateIn(label: string): string | null {
  const m = /(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%/.exec(label);
  if (!m?.[1]) return null;
  const parsed = parseNumber(m[1]);
  return parsed ? stripZeros(parsed.value) : null;
}

/** "21.00" -> "21", "5.50" -> "5.5": rates as the contract's decimal strings. */
export function stripZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** The taxable amount printed on a tax line before the tax ("Tax 15% on $ 112.90 $ 16.94"). */
export function baseOnLine(line: Line, taxStart: number): string | null {
  const before = amountsIn(line).filter(
    (a) => a.end <= taxStart && a.decimals === 2 && !/^\s?%/.test(line.text.slice(a.end, a.end + 2)),
  );
  const b = before[before.length - 1];
  if (!b) return null;
  const between = fold(line.text.slice(0, b.start));
  return /\b(on|over|van|sur|auf|uber|of|de)\s*\W*$/.test(between.replace(/[$€£]\s*$/, '')) ? b.value : null;
}
