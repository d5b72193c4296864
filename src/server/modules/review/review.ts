/** Pure review rules: why an item needs review, how names match, when two items are the same purchase. */
import { toMinor } from '../../../shared/money';

export const reviewReasons = [
  'missing_supplier',
  'missing_customer',
  'missing_date',
  'missing_total',
  'missing_category',
  'lines_do_not_add_up',
  'suspected_duplicate',
] as const;
export type ReviewReason = (typeof reviewReasons)[number];

export const reviewReasonText: Readonly<Record<ReviewReason, string>> = {
  missing_supplier: 'Supplier is missing',
  missing_customer: 'Customer is missing',
  missing_date: 'Date is missing',
  missing_total: 'Total is missing',
  missing_category: 'Category is missing',
  lines_do_not_add_up: 'Line items do not add up to the total',
  suspected_duplicate: 'Suspected duplicate',
};

export interface ReviewFields {
  workspace: 'costs' | 'sales';
  contactId: string | null;
  contactName: string | null;
  date: string | null;
  totalMinor: bigint | null;
  netMinor: bigint | null;
  categoryId: string | null;
  currency: string | null;
  lineItems: readonly unknown[];
  duplicateOfItemId: string | null;
}

interface LineLike {
  amount?: string | null;
  tax?: string | null;
}

const isLine = (v: unknown): v is LineLike => typeof v === 'object' && v !== null;

/** Line items add up when their amounts sum to the net or the total, or amounts plus tax to the total. */
export function linesAddUp(
  fields: Pick<ReviewFields, 'lineItems' | 'totalMinor' | 'netMinor' | 'currency'>,
): boolean {
  const lines = fields.lineItems.filter(isLine);
  if (lines.length === 0 || fields.totalMinor === null) return true;
  const currency = fields.currency ?? 'GBP';
  let amounts = 0n;
  let taxes = 0n;
  for (const line of lines) {
    if (typeof line.amount !== 'string') return true;
    amounts += toMinor(line.amount, currency) ?? 0n;
    if (typeof line.tax === 'string') taxes += toMinor(line.tax, currency) ?? 0n;
  }
  return (
    amounts === fields.totalMinor || amounts === fields.netMinor || amounts + taxes === fields.totalMinor
  );
}

/** Every reason the item needs a person's eye; none means Ready. */
export function reasonsFor(fields: ReviewFields): ReviewReason[] {
  const out: ReviewReason[] = [];
  if (!fields.contactId && !fields.contactName?.trim()) {
    out.push(fields.workspace === 'costs' ? 'missing_supplier' : 'missing_customer');
  }
  if (!fields.date) out.push('missing_date');
  if (fields.totalMinor === null) out.push('missing_total');
  if (!fields.categoryId) out.push('missing_category');
  if (!linesAddUp(fields)) out.push('lines_do_not_add_up');
  if (fields.duplicateOfItemId) out.push('suspected_duplicate');
  return out;
}

const SUFFIXES =
  /\b(ltd|limited|llc|llp|plc|inc|incorporated|co|company|corp|corporation|gmbh|sa|sas|sarl|bv|pty|the)\b/g;

/** A name reduced for matching: lower case, no accents, punctuation or company suffixes. */
export function matchKeyOf(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return key || name.trim().toLowerCase();
}

/** 1 - edit distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return 1 - (prev[b.length] ?? 0) / Math.max(a.length, b.length);
}

/** The existing contact a name most likely means (same key, or close enough), else null. */
export function bestMatch<T extends { matchKey: string }>(name: string, candidates: readonly T[]): T | null {
  const key = matchKeyOf(name);
  let best: T | null = null;
  let score = 0;
  for (const c of candidates) {
    if (c.matchKey === key) return c;
    const s = similarity(key, c.matchKey);
    const contains =
      key.length >= 4 && c.matchKey.length >= 4 && (key.startsWith(c.matchKey) || c.matchKey.startsWith(key));
    const value = contains ? Math.max(s, 0.9) : s;
    if (value > score) {
      score = value;
      best = c;
    }
  }
  return score >= 0.85 ? best : null;
}

export interface DuplicateFields {
  id: string;
  documentType: string;
  contactId: string | null;
  date: string | null;
  totalMinor: bigint | null;
  reference: string | null;
  ownerUserId: string | null;
}

/**
 * Receipts are the same purchase when supplier, date, total and document owner match (both without
 * an owner counts as a match); invoices and credit notes when supplier, total and reference match.
 * A missing key field means no match.
 */
export function sameDocument(a: DuplicateFields, b: DuplicateFields): boolean {
  if (a.id === b.id || !a.contactId || a.contactId !== b.contactId) return false;
  if (a.totalMinor === null || a.totalMinor !== b.totalMinor) return false;
  const invoiceLike = (t: string) => t === 'invoice' || t === 'credit_note';
  if (invoiceLike(a.documentType) || invoiceLike(b.documentType)) {
    if (a.documentType !== b.documentType) return false;
    const ref = (r: string | null) => r?.replace(/\s+/g, '').toLowerCase() ?? '';
    return ref(a.reference) !== '' && ref(a.reference) === ref(b.reference);
  }
  return a.date !== null && a.date === b.date && a.ownerUserId === b.ownerUserId;
}
