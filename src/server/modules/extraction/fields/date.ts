import { findDates, monthFirst, type DateMatch } from '../dates';
import type { Line } from '../lines';
import { conf, fold, locate, spanBox, spanWords, xOverlap, type FieldContext, type Found } from './context';

const DATE_LABEL = /dat(e|um|a)|tarikh|fecha|\ble\b|issued|dated/;
const INVOICE_DATE_LABEL =
  /(invoice|inv|bill|receipt|tax\s*point|document|factuur|rechnungs|facture)\s*-?\s*(date|datum)|(invoice|facture|factuur|rechnung)\b.{0,30}\b(du|dated|vom|van|of|d'|del)\s*$|date\s*(of\s*)?(invoice|issue)|rechnungsdatum|factuurdatum|date\s*de\s*facturation/;
const DUE_LABEL =
  /\bdue\b|date\s*limite|limite\s*de\s*paiement|payable\s*avant|a\s*payer\s*avant|pay(ment)?\s*(by|before|due)|vervaldatum|uiterste|echeance|falligkeit|zahlbar\s*bis|scadenza|vencimiento|te\s*betalen\s*voor|expir|zahlungsziel|faellig|vervaldag|betaaldatum|pay\s*before/;
/** Payment terms in days ("Net 30 days", "14 Tage netto", "binnen 14 dagen", "à 30 jours"). */
const TERMS_CONTEXT =
  /payment|terms|zahlung|zahlbar|betaling|betalen|paiement|payable|conditions|reglement|due/;
const TERMS_DAYS =
  /\b(?:net|netto|within|innerhalb(?:\s*von)?|binnen|a|sous|dans(?:\s*les)?|payable\s*in)\s*(\d{1,3})\s*(?:days?|tage[n]?|dagen|jours|dias|giorni)\b|\b(\d{1,3})\s*(?:days?|tage[n]?|dagen|jours)\s*(?:net|netto|rein)\b|\b(?:net|netto)\s*(\d{1,3})\b/;
const OTHER_DATE_LABEL =
  /order|bestel|delivery|deliver|ship|levering|liefer|period|periode|from|until|start|end|check.?in|check.?out|arrival|departure|valid|birth|since|expiry|exp\b|member|print/;

interface Candidate {
  match: DateMatch;
  line: Line;
  score: number;
  due: boolean;
}

export interface DatesRead {
  date: Found<string> | null;
  dueDate: Found<string> | null;
  warnings: string[];
}

/**
 * The label for a date: the text before it on its line, else the column header right above it
 * (a row of labels over a row of values), else the previous line.
 */
function labelFor(lines: readonly Line[], i: number, match: DateMatch): string {
  const line = lines[i];
  if (!line) return '';
  const own = fold(line.text.slice(0, match.start));
  const tail = own.replace(/[\d\s:./-]+$/, '');
  if (/[a-z]{2,}\W*$/.test(tail) && !/\d/.test(tail.slice(-12))) return own.slice(-40);
  const above = lines[i - 1];
  if (above && above.page === line.page && !/\d/.test(above.text)) {
    const box = spanBox(line, match.start, match.end);
    const header = above.words.filter((w) => xOverlap(w.box, box) > 0.2);
    if (header.length > 0) return fold(header.map((w) => w.text).join(' '));
  }
  if (/[a-z]{2,}/.test(own)) return own.slice(-40);
  const prev = lines[i - 1];
  if (prev && prev.page === line.page && line.box[1] - prev.box[3] < 2 * (line.box[3] - line.box[1])) {
    return fold(prev.text).slice(-40);
  }
  return own;
}

export function readDates(ctx: FieldContext): DatesRead {
  const candidates: Candidate[] = [];
  const total = Math.max(1, ctx.lines.length);
  ctx.lines.forEach((line, i) => {
    for (const match of findDates(line.text, ctx.country)) {
      const label = labelFor(ctx.lines, i, match);
      const due = DUE_LABEL.test(label);
      let score = match.confidence;
      if (INVOICE_DATE_LABEL.test(label)) score += 1.5;
      else if (DATE_LABEL.test(label)) score += 1;
      if (OTHER_DATE_LABEL.test(label) && !INVOICE_DATE_LABEL.test(label)) score -= 0.8;
      score -= 0.3 * (i / total);
      if (Number(match.iso.slice(0, 4)) > ctx.maxYear) score -= 3;
      candidates.push({ match, line, score, due });
    }
  });
  const warnings: string[] = [];
  const issue = confirmByEmbeddedDate(
    confirmOcrDigits(candidates.filter((c) => !c.due).sort((a, b) => b.score - a.score)[0], candidates),
    ctx.lines,
  );
  const dueCandidate = candidates.filter((c) => c.due).sort((a, b) => b.score - a.score)[0];
  const date = issue ? toFound(issue) : null;
  if (issue?.match.ambiguous) {
    const order = monthFirst(ctx.country) ? 'month/day' : 'day/month';
    warnings.push(
      `The date "${issue.match.raw.trim()}" could be read either way; it was read as ${order} (${issue.match.iso}) from the country.`,
    );
  }
  let dueDate = dueCandidate ? toFound(dueCandidate) : null;
  if (dueDate && date && dueDate.value < date.value) dueDate = null;
  if (!dueDate && date) dueDate = dueFromTerms(ctx, date.value);
  return { date, dueDate, warnings };
}

/** The due date from printed payment terms: the invoice date plus the days the terms allow. */
function dueFromTerms(ctx: FieldContext, issued: string): Found<string> | null {
  for (const line of ctx.lines) {
    const folded = fold(line.text);
    if (!TERMS_CONTEXT.test(folded)) continue;
    const m = TERMS_DAYS.exec(folded);
    const days = Number(m?.[1] ?? m?.[2] ?? m?.[3] ?? NaN);
    if (!m || !Number.isInteger(days) || days <= 0 || days > 180) continue;
    const due = new Date(`${issued}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + days);
    return {
      value: due.toISOString().slice(0, 10),
      confidence: 0.5,
      location: locate(line, m.index, m.index + m[0].length),
    };
  }
  return null;
}

/** Digits OCR engines confuse with each other. */
const LOOK_ALIKE = new Set([
  '38',
  '83',
  '56',
  '65',
  '68',
  '86',
  '08',
  '80',
  '17',
  '71',
  '89',
  '98',
  '58',
  '85',
]);

/** The lowest recognition confidence among the words of a date (1 for text layers). */
function ocrConfidence(c: Candidate): number {
  const words = spanWords(c.line, c.match.start, c.match.end);
  return Math.min(1, ...words.map((w) => w.confidence ?? 1));
}

/**
 * An OCR'd date read with a doubtful digit, when the document prints another date that differs only in
 * that digit by a look-alike (3/8, 5/6, 1/7...) and was read with more confidence, is that other date
 * ("Invoice date: August 8" beside "Amount due on August 3" on a bill due on receipt).
 */
function confirmOcrDigits(issue: Candidate | undefined, all: readonly Candidate[]): Candidate | undefined {
  if (!issue) return issue;
  const own = ocrConfidence(issue);
  if (own >= 0.9) return issue;
  for (const other of all) {
    if (other === issue || other.match.iso === issue.match.iso) continue;
    const a = issue.match.iso;
    const b = other.match.iso;
    const diffs: string[] = [];
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) diffs.push(`${a[k] ?? ''}${b[k] ?? ''}`);
    const [pair] = diffs;
    if (diffs.length !== 1 || pair === undefined || !LOOK_ALIKE.has(pair)) continue;
    if (ocrConfidence(other) < own + 0.05) continue;
    return { ...issue, match: { ...issue.match, iso: b, confidence: issue.match.confidence * 0.9 } };
  }
  return issue;
}

/**
 * An OCR'd date read with a doubtful digit, when a long document or transaction number on the page
 * embeds a date as yyyymmdd ("Invoice No: 2018061010100170023") that differs from it in exactly one
 * look-alike digit, is that embedded date: POS systems build such numbers from the sale's date.
 */
function confirmByEmbeddedDate(issue: Candidate | undefined, lines: readonly Line[]): Candidate | undefined {
  if (!issue || ocrConfidence(issue) >= 0.9) return issue;
  const a = issue.match.iso;
  const found = new Set<string>();
  for (const line of lines) {
    for (const run of line.text.match(/\d{10,}/g) ?? []) {
      for (const m of run.matchAll(/(?=(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))/g)) {
        const iso = `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}`;
        const diffs: string[] = [];
        for (let k = 0; k < a.length; k++) if (a[k] !== iso[k]) diffs.push(`${a[k] ?? ''}${iso[k] ?? ''}`);
        const [pair] = diffs;
        if (diffs.length === 1 && pair !== undefined && LOOK_ALIKE.has(pair)) found.add(iso);
      }
    }
  }
  const [only] = [...found];
  if (found.size !== 1 || only === undefined) return issue;
  return { ...issue, match: { ...issue.match, iso: only, confidence: issue.match.confidence * 0.9 } };
}

function toFound(c: Candidate): Found<string> {
  const base = c.match.ambiguous ? 0.45 : 0.6;
  return {
    value: c.match.iso,
    confidence: conf(
      base + Math.max(0, c.score - c.match.confidence) * 0.25 + (c.match.confidence - 0.7) * 0.5,
    ),
    location: locate(c.line, c.match.start, c.match.end),
  };
}
