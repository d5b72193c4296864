import { addDecimals, compareDecimal, decimalsClose, subtractDecimal } from '../../../../shared/money';
import type { Line } from '../lines';
import { amountsIn, conf, fold, xOverlap, type FieldContext, type Found, type PlacedAmount } from './context';

/** Amount labels. Tested on folded (lower case, accent-free) text left of the amount. */
const LABELS = {
  excludedTotal:
    /sub\s*-?\s*tota|total\s*(qty|quantity|items?|item\(s\)|pcs|units?|disc|discount|saving|savings|tax|gst|vat|sst|excl|ex\b|before|points?|weight|tips?|number|no\b)|(qty|quantity|items?)\s*total|excl|exkl|hors\s*tax|\bht\b|untaxed|netto|zwischensumme|subtotaal|\btips?\b|total\s*net\b|net\s*amount|amount\s*excl|before\s*tax|(gst|vat|tax)\s*summary|summary/,
  strongTotal:
    /grand\s*total|total\s*amount|amount\s*due|balance\s*due|total\s*due|total\s*payable|amount\s*payable|total\s*to\s*pay|to\s*be\s*paid|round(ed|ing)?\s*(d\s*)?total|total\s*round|nett?\s*total|total\s*(incl|inc\b|include|inclusive|rm|\(rm\)|sales|ttc|eur|usd|gbp)|totaal|gesamt|endbetrag|rechnungsbetrag|montant\s*ttc|te\s*betalen|zu\s*zahlen|a\s*payer|payable|total\s*\(/,
  weakTotal: /tota[l1]|jumlah|betrag|summe|montant|bedrag|\bamount\b|\bdue\b/,
  tax: /\b(gst|vat|tax|sst|btw|mwst|ust|tva|iva|igst|cgst|sgst|mva|moms)\b|service\s*tax|steuer/,
  notTax:
    /(gst|vat|tax|sst|btw|tva)\s*(id|reg|no\b|number|invoice|#|code)|tax\s*invoice|incl|include|excl|before|exempt|zero\s*rated|relief|summary|total\s*(sales\s*)?(excl|incl)|amount\s*\(?rm\)?\s*tax|tax\s*\(?rm\)?\s*amount/,
  net: /sub\s*-?\s*tota|total\s*excl|excl|exkl|before\s*tax|untaxed|net\s*amount|netto|zwischensumme|subtotaal|total\s*ht|\bht\b|amount\s*excl|total\s*net\b|hors\s*tax/,
  rounding: /round(ing)?\s*(adj|off)|rounding|pembundaran/,
  cash: /\bcash\b|tunai|tender|\bpaid\b|payment|\bvisa\b|master|amex|\bcard\b|debit|credit|contant|bar\b/,
  change: /\bchange\b|\bbaki\b|kembali|wisselgeld|ruckgeld|rendu/,
  itemHeader: /\b(qty|quantity|description|unit|price|item|rate|code|desc)\b/,
};

export interface Totals {
  total: Found<string> | null;
  tax: Found<string> | null;
  net: Found<string> | null;
  warnings: string[];
}

interface Labelled {
  amount: PlacedAmount;
  label: string;
}

/** Amounts that can be money: two decimals, or a whole number printed with a currency. */
function moneyLike(a: PlacedAmount): boolean {
  const next = a.line.text.slice(a.end, a.end + 2);
  if (/^\s?%/.test(next)) return false;
  return a.decimals === 2 || (a.decimals === 0 && a.currencyTouching);
}

/** Each amount with the label text to its left on its line, or on the line above it (table headers). */
function labelledAmounts(lines: readonly Line[], unit: number): Labelled[] {
  const out: Labelled[] = [];
  lines.forEach((line, i) => {
    const amounts = amountsIn(line).filter(moneyLike);
    if (amounts.length > 0) {
      amounts.forEach((a, k) => {
        const prevEnd = k > 0 ? (amounts[k - 1]?.end ?? 0) : 0;
        const own = fold(line.text.slice(prevEnd, a.start));
        const label = /[a-z]{2,}/.test(own) ? own : fold(line.text.slice(0, a.start));
        out.push({ amount: a, label });
      });
      return;
    }
    // A label line with no amount: values sit below it, in the same column.
    const folded = fold(line.text);
    if (!LABELS.weakTotal.test(folded) && !LABELS.tax.test(folded) && !LABELS.net.test(folded)) return;
    if (LABELS.itemHeader.test(folded) || line.words.length > 6) return;
    for (const below of lines.slice(i + 1, i + 3)) {
      if (below.page !== line.page || below.box[1] - line.box[3] > 2.5 * unit) break;
      for (const a of amountsIn(below).filter(moneyLike)) {
        const labelWords = line.words.filter((w) => xOverlap(w.box, a.box) > 0.3 || w.box[2] < a.box[0]);
        const over = labelWords.filter((w) => xOverlap(w.box, a.box) > 0.3);
        const words = over.length > 0 ? over : labelWords.slice(-1);
        if (words.length > 0 && fold(below.text.slice(0, a.start)).replace(/[^a-z]/g, '').length < 3) {
          out.push({ amount: a, label: fold(words.map((w) => w.text).join(' ')) });
        }
      }
    }
  });
  return out;
}

function rightmostPerLine(items: Labelled[]): Labelled[] {
  const byLine = new Map<Line, Labelled>();
  for (const it of items) {
    const prev = byLine.get(it.amount.line);
    if (!prev || it.amount.start > prev.amount.start) byLine.set(it.amount.line, it);
  }
  return [...byLine.values()];
}

function found(l: Labelled, confidence: number): Found<string> {
  return {
    value: l.amount.value,
    confidence: conf(confidence),
    location: { page: l.amount.line.page, box: l.amount.box },
  };
}

/** Reads total, tax and net from labelled amounts, checking net + tax = total. */
export function readTotals(ctx: FieldContext): Totals {
  const warnings: string[] = [];
  const labelled = labelledAmounts(ctx.lines, ctx.unit);
  const positive = labelled.filter((l) => !l.amount.value.startsWith('-'));
  const isTotal = (l: Labelled): boolean =>
    (LABELS.strongTotal.test(l.label) || LABELS.weakTotal.test(l.label)) &&
    !LABELS.excludedTotal.test(l.label) &&
    !LABELS.cash.test(l.label) &&
    !LABELS.change.test(l.label) &&
    !(LABELS.tax.test(l.label) && !LABELS.notTax.test(l.label) && !LABELS.strongTotal.test(l.label));
  const totals = rightmostPerLine(positive.filter(isTotal));
  const taxes = rightmostPerLine(
    positive.filter((l) => LABELS.tax.test(l.label) && !LABELS.notTax.test(l.label) && !isTotal(l)),
  );
  const nets = rightmostPerLine(
    positive.filter((l) => LABELS.net.test(l.label) && !LABELS.tax.test(l.label)),
  );
  const cash = rightmostPerLine(
    labelled.filter((l) => LABELS.cash.test(l.label) && !LABELS.change.test(l.label)),
  );
  const change = rightmostPerLine(labelled.filter((l) => LABELS.change.test(l.label)));

  const paid = new Set<string>();
  for (const c of cash) {
    const tendered = c.amount.value.replace(/^-/, '');
    for (const ch of change) paid.add(subtractDecimal(tendered, ch.amount.value.replace(/^-/, '')));
    if (change.length === 0) paid.add(tendered);
  }
  const sums = new Set<string>();
  for (const n of nets) for (const t of taxes) sums.add(addDecimals([n.amount.value, t.amount.value]));

  const lastIndex = Math.max(1, ...ctx.lines.map((l) => l.index));
  const candidates = withRoundingAndPaid(totals, positive, labelled, paid);
  let best: { l: Labelled; score: number } | null = null;
  const maxTotal = candidates.reduce<string | null>(
    (m, t) => (m === null || compareDecimal(t.l.amount.value, m) > 0 ? t.l.amount.value : m),
    null,
  );
  for (const { l: t, bonus } of candidates) {
    let score = (LABELS.strongTotal.test(t.label) ? 3 : isTotal(t) ? 2 : 1.5) + bonus;
    if (/^\W*(tota[l1]|grand\s*total|amount\s*due)\W*$/.test(t.label.trim())) score += 0.3;
    if ([...paid].some((p) => decimalsClose(p, t.amount.value))) score += 1;
    if ([...sums].some((s) => decimalsClose(s, t.amount.value, '0.01'))) score += 1;
    if (maxTotal !== null && t.amount.value === maxTotal) score += 0.5;
    score += 0.3 * (t.amount.line.index / lastIndex);
    if (/^0(\.0+)?$/.test(t.amount.value)) score -= 3;
    if (!best || score > best.score) best = { l: t, score };
  }

  let total: Found<string> | null = best ? found(best.l, 0.45 + best.score / 10) : null;
  if (!total) {
    const fallback = positive
      .filter((l) => !LABELS.cash.test(l.label) && !LABELS.change.test(l.label))
      .filter((l) => l.amount.decimals === 2 && !/^0(\.0+)?$/.test(l.amount.value))
      .sort((a, b) => compareDecimal(b.amount.value, a.amount.value));
    const first = [...paid].find((p) => !p.startsWith('-') && !/^0(\.0+)?$/.test(p));
    const top = fallback[0];
    if (first !== undefined && cash[0]) {
      total = { value: first, confidence: 0.4, location: null };
    } else if (top) {
      total = found(top, 0.3);
      warnings.push('No "total" label was found: the largest amount was taken as the total.');
    }
  }

  const totalValue = total?.value ?? null;
  const below = (l: Labelled): boolean =>
    totalValue === null || compareDecimal(l.amount.value, totalValue) < 0;
  const tax = pickTax(taxes.filter(below), nets, totalValue);
  let net = pickNet(
    nets.filter((n) => totalValue === null || compareDecimal(n.amount.value, totalValue) <= 0),
    tax,
    totalValue,
  );
  if (!net && tax && totalValue !== null) {
    net = {
      value: subtractDecimal(totalValue, tax.value),
      confidence: conf(tax.confidence * 0.8),
      location: null,
    };
  }
  if (net && tax && totalValue !== null && total) {
    if (decimalsClose(addDecimals([net.value, tax.value]), totalValue, '0.02')) {
      total.confidence = conf(total.confidence + 0.1);
      tax.confidence = conf(tax.confidence + 0.1);
    } else {
      warnings.push(`Net ${net.value} plus tax ${tax.value} does not equal the total ${totalValue}.`);
      net.confidence = conf(net.confidence - 0.2);
    }
  }
  return { total, tax, net, warnings };
}

function pickTax(taxes: Labelled[], nets: Labelled[], total: string | null): Found<string> | null {
  if (taxes.length === 0) return null;
  // Prefer a tax that, added to a net amount, makes the total.
  if (total !== null) {
    for (const t of taxes) {
      for (const n of nets) {
        if (decimalsClose(addDecimals([n.amount.value, t.amount.value]), total, '0.02')) return found(t, 0.9);
      }
    }
  }
  const nonZero = taxes.filter((t) => !/^0(\.0+)?$/.test(t.amount.value));
  const pick = [...(nonZero.length > 0 ? nonZero : taxes)].sort(
    (a, b) => b.amount.line.index - a.amount.line.index,
  )[0];
  return pick ? found(pick, 0.6) : null;
}

function pickNet(nets: Labelled[], tax: Found<string> | null, total: string | null): Found<string> | null {
  if (nets.length === 0) return null;
  if (tax && total !== null) {
    for (const n of nets) {
      if (decimalsClose(addDecimals([n.amount.value, tax.value]), total, '0.02')) return found(n, 0.9);
    }
  }
  const pick = [...nets].sort((a, b) => b.amount.line.index - a.amount.line.index)[0];
  return pick ? found(pick, 0.55) : null;
}

/**
 * Total candidates: the labelled totals, plus the amount printed after a rounding adjustment
 * (total + rounding) and any amount equal to what was paid (cash minus change).
 */
function withRoundingAndPaid(
  totals: Labelled[],
  positive: Labelled[],
  labelled: Labelled[],
  paid: ReadonlySet<string>,
): { l: Labelled; bonus: number }[] {
  const out = totals.map((l) => ({ l, bonus: 0 }));
  const roundings = labelled.filter(
    (l) => LABELS.rounding.test(l.label) && !/^-?0(\.0+)?$/.test(l.amount.value),
  );
  const plain = positive.filter((l) => !LABELS.cash.test(l.label) && !LABELS.change.test(l.label));
  for (const r of roundings) {
    const magnitude = r.amount.value.replace(/^-/, '');
    for (const t of totals) {
      if (t.amount.line.index > r.amount.line.index) continue;
      const targets = r.amount.value.startsWith('-')
        ? [subtractDecimal(t.amount.value, magnitude)]
        : [addDecimals([t.amount.value, magnitude]), subtractDecimal(t.amount.value, magnitude)];
      for (const target of targets) {
        const hit = plain.find(
          (p) => p.amount.line.index > r.amount.line.index && decimalsClose(p.amount.value, target),
        );
        if (hit) out.push({ l: { amount: hit.amount, label: t.label }, bonus: 1.2 });
      }
    }
  }
  for (const p of paid) {
    const hit = [...plain].reverse().find((l) => decimalsClose(l.amount.value, p));
    if (hit && !out.some((o) => o.l.amount === hit.amount)) out.push({ l: hit, bonus: 0 });
  }
  return out;
}
