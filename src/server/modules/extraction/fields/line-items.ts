import type { LineItem } from '../../../../shared/contracts/extraction';
import { compareDecimal, decimalsClose, multiplyDecimal } from '../../../../shared/money';
import { parseNumber } from '../amounts';
import type { Line } from '../lines';
import { amountsIn, conf, fold, type FieldContext, type Found } from './context';

const HEADER_WORDS =
  /\b(description|desc|item|items|article|product|omschrijving|beschreibung|designation|qty|quantity|aantal|menge|qte|price|unit|rate|prijs|preis|prix|amount|total|bedrag|betrag|montant)\b/g;
const END =
  /sub\s*-?\s*total|\btotal\b|totaal|gesamt|summe|grand|amount\s*due|balance|\bvat\b|\bgst\b|\btax\b|rounding|\bcash\b|\bchange\b|payment|btw|mwst/;
const QTY = /^(\d{1,4}(?:[.,]\d{1,3})?)\s*(x|pc|pcs|stk|st|ea|units?)?$/i;

interface Row {
  line: Line;
  item: LineItem;
}

/** Finds the item table: a header line naming columns, then rows ending in an amount, until a totals line. */
export function readLineItems(ctx: FieldContext): Found<LineItem[]> | null {
  const headerIndex = ctx.lines.findIndex((l) => (fold(l.text).match(HEADER_WORDS) ?? []).length >= 2);
  if (headerIndex < 0) return null;
  const header = ctx.lines[headerIndex];
  if (!header) return null;
  const rows: Row[] = [];
  for (const line of ctx.lines.slice(headerIndex + 1)) {
    const folded = fold(line.text);
    if (END.test(folded) && rows.length > 0) break;
    if (END.test(folded)) continue;
    const amounts = amountsIn(line).filter((a) => a.decimals >= 2 && a.decimals <= 3);
    const last = amounts[amounts.length - 1];
    if (!last) {
      // A description that runs over onto the next line.
      const prev = rows[rows.length - 1];
      if (
        prev &&
        line.page === prev.line.page &&
        /[a-z]{3,}/.test(folded) &&
        prev.item.description !== null
      ) {
        if (line.box[1] - prev.line.box[3] < 1.2 * ctx.unit) prev.item.description += ` ${line.text.trim()}`;
      }
      continue;
    }
    const firstAmount = amounts[0];
    const descEnd = firstAmount ? firstAmount.start : last.start;
    let description = line.text.slice(0, descEnd).trim();
    let quantity: string | null = null;
    const tokens = description.split(' ');
    const tail = tokens[tokens.length - 1] ?? '';
    const head = tokens[0] ?? '';
    if (tokens.length > 1 && QTY.test(tail)) {
      quantity = parseNumber((QTY.exec(tail)?.[1] ?? '').replace(',', '.'))?.value ?? null;
      description = tokens.slice(0, -1).join(' ');
    } else if (tokens.length > 1 && /^\d{1,3}\s*[xX]?$/.test(head)) {
      quantity = parseNumber(head.replace(/[xX]/, ''))?.value ?? null;
      description = tokens.slice(1).join(' ');
    }
    const unitPrice = amounts.length >= 2 ? (amounts[amounts.length - 2]?.value ?? null) : null;
    if (quantity === null && unitPrice !== null && compareDecimal(unitPrice, '0') > 0) {
      quantity = guessQuantity(unitPrice, last.value);
    }
    rows.push({
      line,
      item: {
        description: /[A-Za-z]{2,}/.test(description) ? description.replace(/\s+/g, ' ') : null,
        quantity,
        unitPrice,
        amount: last.value,
        tax: null,
        taxRate: null,
      },
    });
    if (rows.length > 200) break;
  }
  if (rows.length === 0) return null;
  const consistent = rows.filter(
    (r) =>
      r.item.quantity !== null &&
      r.item.unitPrice !== null &&
      r.item.amount !== null &&
      decimalsClose(multiplyDecimal(r.item.quantity, r.item.unitPrice), r.item.amount, '0.01'),
  ).length;
  return {
    value: rows.map((r) => r.item),
    confidence: conf(0.4 + 0.4 * (consistent / rows.length)),
    location: { page: header.page, box: header.box },
  };
}

/** The whole quantity that makes unit price x quantity = amount, if there is one. */
function guessQuantity(unitPrice: string, amount: string): string | null {
  for (let q = 1; q <= 100; q++) {
    if (decimalsClose(multiplyDecimal(String(q), unitPrice), amount, '0.01')) return `${q}.00`;
  }
  return null;
}
