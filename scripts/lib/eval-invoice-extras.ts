/**
 * Side figures for invoices (printed in the human table only, never in `--json`): the net amount, the
 * currency and the line items, scored where the invoice2data ground truth has them.
 */
import type { ExtractionResult } from '../../src/shared/contracts/extraction';
import { sameAmount } from './eval-compare';

export const INVOICE_SIDE_FIELDS = ['net', 'currency', 'lineItems'] as const;
export type InvoiceSideField = (typeof INVOICE_SIDE_FIELDS)[number];

export interface SideScore {
  right: number;
  scored: number;
}

export function emptySide(): Record<InvoiceSideField, SideScore> {
  return {
    net: { right: 0, scored: 0 },
    currency: { right: 0, scored: 0 },
    lineItems: { right: 0, scored: 0 },
  };
}

const num = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

/**
 * The amounts of the ground truth's item lines: `price_subtotal`, else `price`, else `price_unit` (the key
 * names differ per template); section headers and notes are not items.
 */
export function expectedLineAmounts(lines: unknown): number[] | null {
  if (!Array.isArray(lines)) return null;
  const out: number[] = [];
  for (const l of lines as unknown[]) {
    if (typeof l !== 'object' || l === null) continue;
    const r = l as Record<string, unknown>;
    const amount = num(r.price_subtotal) ?? num(r.price) ?? num(r.price_unit);
    if (amount !== null) out.push(amount);
  }
  return out.length > 0 ? out : null;
}

/**
 * Line items are right when there are as many as in the ground truth and their amounts are the same
 * (in any order: the templates do not always keep the printed order).
 */
export function sameLineAmounts(r: ExtractionResult, expected: readonly number[]): boolean {
  const got = r.lineItems.map((i) => (i.amount === null ? NaN : Number(i.amount))).sort((a, b) => a - b);
  const want = [...expected].sort((a, b) => a - b);
  return got.length === want.length && got.every((g, k) => Math.abs(g - (want[k] ?? NaN)) < 0.005);
}

/** Scores one document's side fields; returns the misses as text. */
export function scoreInvoiceSide(
  expected: Record<string, unknown>,
  r: ExtractionResult,
  side: Record<InvoiceSideField, SideScore>,
): string[] {
  const misses: string[] = [];
  const untaxed = num(expected.amount_untaxed);
  if (untaxed !== null) {
    side.net.scored += 1;
    if (sameAmount(r.net, untaxed)) side.net.right += 1;
    else misses.push(`net: got ${JSON.stringify(r.net)}, want ${untaxed}`);
  }
  if (typeof expected.currency === 'string' && expected.currency.trim() !== '') {
    side.currency.scored += 1;
    if (r.currency === expected.currency.trim().toUpperCase()) side.currency.right += 1;
    else
      misses.push(`currency: got ${JSON.stringify(r.currency)}, want ${JSON.stringify(expected.currency)}`);
  }
  const lines = expectedLineAmounts(expected.lines);
  if (lines) {
    side.lineItems.scored += 1;
    if (sameLineAmounts(r, lines)) side.lineItems.right += 1;
    else {
      const got = r.lineItems.map((i) => i.amount).join(', ');
      misses.push(`lineItems: got [${got}], want [${lines.join(', ')}]`);
    }
  }
  return misses;
}
