import { addDecimals, compareDecimal, decimalsClose, subtractDecimal } from '../../../../shared/money';
import type { FieldLocation, TaxLine } from '../../../../shared/contracts/extraction';
import type { Line } from '../lines';
import {
  amountsIn,
  conf,
  fold,
  spanWords,
  xOverlap,
  type FieldContext,
  type Found,
  type PlacedAmount,
} from './context';
import { baseOnLine, rateIn, readTaxTable } from './tax-lines';

/** Amount labels. Tested on folded (lower case, accent-free) text left of the amount. */
const LABELS = {
  excludedTotal:
    /sub\s*-?\s*tota|total\s*(qty|quantity|items?|item\(s\)|pcs|units?|disc|discount|saving|savings|tax|gst|vat|sst|excl|ex\b|before|points?|weight|tips?|number|no\b)|(qty|quantity|items?)\s*total|excl|exkl|hors\s*tax|\bht\b|untaxed|netto|zwischensumme|subtotaal|\btips?\b|total\s*net\b|net\s*amount|amount\s*excl|before\s*tax|(gst|vat|tax)\s*summary|summary/,
  strongTotal:
    /grand\s*total|total\s*amount|amount\s*due|balance\s*due|total\s*due|total\s*payable|amount\s*payable|total\s*to\s*pay|to\s*be\s*paid|round(ed|ing)?\s*(d\s*)?total|total\s*round|nett?\s*total|total\s*(incl|inc\b|include|inclusive|rm|\(rm\)|sales|ttc|eur|usd|gbp)|totaal|gesamt|endbetrag|rechnungsbetrag|montant\s*ttc|te\s*betalen|zu\s*zahlen|a\s*payer|payable|total\s*\(/,
  // OCR of a faint "Total": "Tota)", "Tota|", "jotal".
  weakTotal: /tota[l1|)]|\bjotal|jumlah|betrag|summe|montant|bedrag|\bamount\b|\bdue\b/,
  tax: /\b(gst|vat|tax|sst|btw|mwst|ust|tva|iva|igst|cgst|sgst|mva|moms)\b|service\s*tax|steuer/,
  notTax:
    /(gst|vat|tax|sst|btw|tva)\s*(id|reg|no\b|number|invoice|#|code)|tax\s*invoice|incl|include|excl|before|exempt|zero\s*rated|relief|summary|total\s*(sales\s*)?(excl|incl)|amount\s*\(?rm\)?\s*tax|tax\s*\(?rm\)?\s*amount/,
  net: /sub\s*-?\s*tota|ohne\s*(mwst|ust)|total\s*excl|excl|exkl|before\s*tax|untaxed|net\s*amount|netto|zwischensumme|subtotaal|total\s*ht|\bht\b|amount\s*excl|total\s*net\b|hors\s*tax/,
  netWithTax:
    /(excl|exkl|exclusief|excluding|ohne|hors|before|vor|voor)\.?\s*(of\s*)?(gst|vat|tax|sst|btw|mwst|ust|tva|taxes|steuer)/,
  rounding: /round(ing)?\s*(adj|off)|rounding|pembundaran/,
  cash: /\bcash\b|tunai|tender|\bpaid\b|payment|\bvisa\b|master|amex|\bcard\b|debit|credit|contant|bar\b/,
  change: /\bc[hn]ange\b|\bbaki\b|kembali|wisselgeld|ruckgeld|rendu/,
  itemHeader: /\b(qty|quantity|description|unit|price|item|rate|code|desc)\b/,
};

export interface Totals {
  total: Found<string> | null;
  tax: Found<string> | null;
  net: Found<string> | null;
  /** Tax per rate: a VAT summary table, several rated tax lines, or the one tax found. */
  taxLines: TaxLine[];
  warnings: string[];
}

interface Labelled {
  amount: PlacedAmount;
  label: string;
  /** Amounts of one line share a group until an amount has a label of its own ("Excl. VAT 10.00 Total 12.10"). */
  group: number;
}

/** Currency words between two amounts are not a label of their own. */
const CURRENCY_WORDS = /\b(rm|eur|usd|gbp|myr|sgd|inr|rs|chf|pln|aud|cad|nzd)\b/g;

/** Amounts that can be money: two decimals, or a whole number printed with a currency. */
function moneyLike(a: PlacedAmount): boolean {
  const next = a.line.text.slice(a.end, a.end + 2);
  if (/^\s?%/.test(next)) return false;
  return a.decimals === 2 || (a.decimals === 0 && a.currencyTouching);
}

/** Each amount with the label text to its left on its line, or on the line above it (table headers). */
function labelledAmounts(lines: readonly Line[], unit: number): Labelled[] {
  const out: Labelled[] = [];
  let group = 0;
  lines.forEach((line, i) => {
    const amounts = amountsIn(line).filter(moneyLike);
    if (amounts.length > 0) {
      group += 1;
      amounts.forEach((a, k) => {
        const prevEnd = k > 0 ? (amounts[k - 1]?.end ?? 0) : 0;
        const own = fold(line.text.slice(prevEnd, a.start));
        const hasOwn = /[a-z]{2,}/.test(own.replace(CURRENCY_WORDS, ' '));
        if (hasOwn && k > 0) group += 1;
        const label = /[a-z]{2,}/.test(own) ? own : fold(line.text.slice(0, a.start));
        out.push({ amount: a, label, group });
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
          group += 1;
          out.push({ amount: a, label: fold(words.map((w) => w.text).join(' ')), group });
        }
      }
    }
  });
  return out;
}

/** The rightmost amount of each label: "Total 1 278.61 40.39 319.00" is 319.00. */
function rightmostPerLine(items: Labelled[]): Labelled[] {
  const byGroup = new Map<number, Labelled>();
  for (const it of items) {
    const prev = byGroup.get(it.group);
    if (!prev || it.amount.start > prev.amount.start) byGroup.set(it.group, it);
  }
  return [...byGroup.values()];
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
  // "Excl. VAT", "Exclusief BTW", "ohne MwSt" name a net amount although they name the tax.
  const nets = rightmostPerLine(
    positive.filter(
      (l) => LABELS.net.test(l.label) && (!LABELS.tax.test(l.label) || LABELS.netWithTax.test(l.label)),
    ),
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
  const roundingLines = ctx.lines.filter((l) => LABELS.rounding.test(fold(l.text)));
  const repaired = repairByArithmetic(
    totals.map((l) => ({ l, bonus: 0 })),
    labelled,
    change.length > 0 ? paid : new Set(),
    sums,
  ).map((c) => c.l);
  const candidates = withTaxAddedBelow(
    withRoundingAndPaid(repaired, positive, labelled, paid, roundingLines),
    taxes,
    positive,
  );
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
  const netsBelow = nets.filter(
    (n) => totalValue === null || compareDecimal(n.amount.value, totalValue) <= 0,
  );
  const picked = pickTax(taxes.filter(below), nets, totalValue);
  let tax = picked ? found(picked.l, picked.confidence) : null;
  let taxLines: TaxLine[] = [];
  let net = pickNet(netsBelow, tax, totalValue);
  const adds = (n: string | null, t: string | null): boolean =>
    n !== null && t !== null && totalValue !== null && decimalsClose(addDecimals([n, t]), totalValue, '0.02');

  // Several rates each with their tax line ("BTW 9% 1.80", "BTW 21% 4.20"): the tax is their sum.
  const multi = multiRate(taxes.filter(below));
  if (multi && !adds(net?.value ?? null, tax?.value ?? null)) {
    const fits = netsBelow.find((n) => adds(n.amount.value, multi.sum));
    if (fits || (!net && totalValue !== null)) {
      tax = { value: multi.sum, confidence: fits ? 0.85 : 0.6, location: multi.location };
      net = fits ? found(fits, 0.85) : null;
      taxLines = multi.lines;
    }
  }
  // A VAT summary table (rate, taxable amount, tax) settles tax and net when the labels did not.
  const table = readTaxTable(ctx);
  if (table?.tax != null && !adds(net?.value ?? null, tax?.value ?? null)) {
    const tableNet = table.net ?? (totalValue !== null ? subtractDecimal(totalValue, table.tax) : null);
    if (tax === null || adds(tableNet, table.tax)) {
      const sure = adds(tableNet, table.tax) ? 0.9 : 0.6;
      tax = { value: table.tax, confidence: sure, location: table.location };
      net = tableNet === null ? null : { value: tableNet, confidence: sure, location: table.location };
      taxLines = table.lines;
    }
  }
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
  if (taxLines.length === 0 && tax) {
    const label = picked && picked.l.amount.value === tax.value ? picked.l : null;
    taxLines = [
      {
        rate: label ? rateIn(label.label) : null,
        category: null,
        net: (label ? baseOnLine(label.amount.line, label.amount.start) : null) ?? net?.value ?? null,
        tax: tax.value,
      },
    ];
  } else if (taxLines.length === 0 && net) {
    taxLines = [{ rate: null, category: null, net: net.value, tax: null }];
  }
  return { total, tax, net, taxLines, warnings };
}

/** Tax amounts labelled with different rates, on different lines: their sum and one tax line each. */
function multiRate(taxes: Labelled[]): { sum: string; lines: TaxLine[]; location: FieldLocation } | null {
  const byRate = new Map<string, Labelled>();
  for (const t of taxes) {
    const rate = rateIn(t.label);
    if (rate === null || /^0(\.0+)?$/.test(t.amount.value)) continue;
    if (byRate.has(rate)) return null;
    byRate.set(rate, t);
  }
  if (byRate.size < 2) return null;
  const entries = [...byRate.entries()];
  const lines = entries.map(([rate, t]) => ({
    rate,
    category: null,
    net: baseOnLine(t.amount.line, t.amount.start),
    tax: t.amount.value,
  }));
  const first = entries[0]?.[1];
  return {
    sum: addDecimals(entries.map(([, t]) => t.amount.value)),
    lines,
    location: { page: first?.amount.line.page ?? 1, box: first?.amount.box ?? [0, 0, 0, 0] },
  };
}

function pickTax(
  taxes: Labelled[],
  nets: Labelled[],
  total: string | null,
): { l: Labelled; confidence: number } | null {
  if (taxes.length === 0) return null;
  // Prefer a tax that, added to a net amount, makes the total.
  if (total !== null) {
    for (const t of taxes) {
      for (const n of nets) {
        if (decimalsClose(addDecimals([n.amount.value, t.amount.value]), total, '0.02')) {
          return { l: t, confidence: 0.9 };
        }
      }
    }
  }
  const nonZero = taxes.filter((t) => !/^0(\.0+)?$/.test(t.amount.value));
  const pick = [...(nonZero.length > 0 ? nonZero : taxes)].sort(
    (a, b) => b.amount.line.index - a.amount.line.index,
  )[0];
  return pick ? { l: pick, confidence: 0.6 } : null;
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
  roundingLines: readonly Line[] = [],
): { l: Labelled; bonus: number }[] {
  const out = totals.map((l) => ({ l, bonus: 0 }));
  const roundings = labelled.filter(
    (l) => LABELS.rounding.test(l.label) && !/^-?0(\.0+)?$/.test(l.amount.value),
  );
  const plain = positive.filter((l) => !LABELS.cash.test(l.label) && !LABELS.change.test(l.label));
  for (const line of roundingLines) {
    // A rounding line whose amount OCR could not read ("Rounding Adj ~(),02"): the amount below it
    // that lies on the 0.05 grid within 0.04 of a total above it is the rounded total.
    if (labelled.some((l) => l.amount.line === line)) continue;
    for (const t of totals) {
      if (t.amount.line.index >= line.index) continue;
      const hit = plain.find(
        (p) =>
          p.amount.line.index > line.index &&
          onRoundingGrid(p.amount.value) &&
          !decimalsClose(p.amount.value, t.amount.value) &&
          decimalsClose(p.amount.value, t.amount.value, '0.04'),
      );
      if (hit) out.push({ l: { amount: hit.amount, label: t.label, group: hit.group }, bonus: 1.2 });
    }
  }
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
        if (hit) out.push({ l: { amount: hit.amount, label: t.label, group: hit.group }, bonus: 1.2 });
      }
    }
  }
  for (const p of paid) {
    const hit = [...plain].reverse().find((l) => decimalsClose(l.amount.value, p));
    if (hit && !out.some((o) => o.l.amount === hit.amount)) out.push({ l: hit, bonus: 0 });
  }
  return out;
}

/**
 * A weakly labelled amount ("Gross Amount 40.00") followed by its tax ("GST 2.40") and, further down,
 * by their sum under another label ("Sub Total 42.40") was the amount before tax: the sum is the
 * total. Used when the real total line is unreadable; a readable "Total 42.40" scores higher anyway.
 */
function withTaxAddedBelow(
  candidates: { l: Labelled; bonus: number }[],
  taxes: readonly Labelled[],
  positive: readonly Labelled[],
): { l: Labelled; bonus: number }[] {
  const out = [...candidates];
  const plain = positive.filter((l) => !LABELS.cash.test(l.label) && !LABELS.change.test(l.label));
  for (const { l: t } of candidates) {
    if (LABELS.strongTotal.test(t.label) || /tota[l1]/.test(t.label)) continue;
    for (const x of taxes) {
      if (x.amount.line.index <= t.amount.line.index) continue;
      const sum = addDecimals([t.amount.value, x.amount.value]);
      const hit = plain.find(
        (p) => p.amount.line.index > x.amount.line.index && decimalsClose(p.amount.value, sum),
      );
      if (hit && !out.some((o) => o.l.amount === hit.amount))
        out.push({ l: { amount: hit.amount, label: t.label, group: hit.group }, bonus: 1.2 });
    }
  }
  return out;
}

/** Cash rounding goes to multiples of 0.05 (Malaysia, Switzerland, Australia...) or coarser. */
function onRoundingGrid(value: string): boolean {
  const cents = /\.(\d{2})/.exec(value.replace(/^-/, ''))?.[1] ?? '00';
  return Number(cents) % 5 === 0;
}

/** Digits of an amount as printed, with a "$" or "S" glued to the front read as a possible "5". */
function printedDigits(a: PlacedAmount, asFive: boolean): string {
  const raw = a.raw.replace(/\s/g, '');
  const glued = asFive && /^[$S]\d/.test(raw) ? `5${raw.slice(1)}` : raw;
  return glued.replace(/[^\d]/g, '');
}

/** One digit replaced, dropped or added (edit distance 1 on digit strings). */
function oneDigitApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ += 1;
    return differ === 1;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** Lowest OCR confidence of the words an amount was read from (1 for text layers and transcripts). */
function ocrConfidence(a: PlacedAmount): number {
  return Math.min(1, ...spanWords(a.line, a.start, a.end).map((w) => w.confidence ?? 1));
}

/**
 * On an OCR'd page, a total candidate read with doubtful digits that agrees with none of the page's
 * arithmetic (cash minus change, net plus tax, the total a rounding line leads to) while exactly one of
 * those results is one digit away from it (a digit misread, dropped or added; a "$" or "S" glued to the
 * front that was a "5") is read as that result. An amount two total lines agree on is kept; text layers
 * and transcripts carry no confidence and are left alone.
 */
function repairByArithmetic(
  candidates: { l: Labelled; bonus: number }[],
  labelled: readonly Labelled[],
  paid: ReadonlySet<string>,
  sums: ReadonlySet<string>,
): { l: Labelled; bonus: number }[] {
  const roundings = labelled.filter((l) => LABELS.rounding.test(l.label));
  return candidates.map((c) => {
    const a = c.l.amount;
    if (ocrConfidence(a) >= 0.9 || a.decimals === 1 || a.decimals > 2) return c;
    // Two lines labelled as totals reading the same amount outweigh one misread cash or change.
    const twice = labelled.some(
      (o) =>
        o.amount.line !== a.line && LABELS.weakTotal.test(o.label) && decimalsClose(o.amount.value, a.value),
    );
    if (twice) return c;
    const evidence = new Set<string>([...paid, ...sums]);
    // The rounded total printed below a rounding line is the total above it plus or minus the adjustment.
    for (const r of roundings) {
      if (r.amount.line.index >= a.line.index) continue;
      const magnitude = r.amount.value.replace(/^-/, '');
      for (const t of candidates) {
        if (t.l.amount.line.index >= r.amount.line.index) continue;
        for (const v of [
          addDecimals([t.l.amount.value, magnitude]),
          subtractDecimal(t.l.amount.value, magnitude),
        ])
          if (onRoundingGrid(v)) evidence.add(v);
      }
    }
    const values = [...evidence].filter((e) => !e.startsWith('-') && !/^0(\.0+)?$/.test(e));
    // Consistent, or the cash-rounded form of a consistent amount.
    if (values.some((e) => decimalsClose(e, a.value, onRoundingGrid(a.value) ? '0.04' : '0'))) return c;
    const digitsOf = (v: string): string => (/\./.test(v) ? v : `${v}.00`).replace(/[^\d]/g, '');
    const printed = a.decimals === 0 ? `${printedDigits(a, false)}00` : printedDigits(a, false);
    const fived = a.decimals === 0 ? `${printedDigits(a, true)}00` : printedDigits(a, true);
    const near = values.filter(
      (e) => oneDigitApart(printed, digitsOf(e)) || (fived !== printed && fived === digitsOf(e)),
    );
    const unique = [...new Set(near)];
    if (unique.length !== 1 || unique[0] === undefined) return c;
    return { l: { ...c.l, amount: { ...a, value: unique[0] } }, bonus: c.bonus };
  });
}
