import type { Line } from '../lines';
import {
  ADDRESS_MAX_LINES,
  ADDRESS_START_LINES,
  addressFeatures,
  NAME_MAX_LINES,
  NAME_START_LINES,
  nameFeatures,
  sparse,
  spans,
  type RuleHint,
  type Span,
  type SparseVector,
} from './candidates';
import { lineFacts, type LineFacts } from './line-features';
import { rankCandidates, type RankerWeights } from './ranker';

/** The learned part of the supplier reader: one ranker for the name, one for the address. */
export interface SupplierModel {
  name: RankerWeights;
  address: RankerWeights;
}

/** The candidates of one document, with the lines they cover. */
export interface SupplierCandidates {
  facts: LineFacts[];
  names: { span: Span; x: SparseVector }[];
  addresses: { span: Span; x: SparseVector }[];
}

/** Lines of the first page covered by a span. */
export function spanLines(facts: readonly LineFacts[], s: Span): Line[] {
  return facts.slice(s.start, s.end + 1).map((f) => f.line);
}

/** Every candidate name (runs of up to 3 lines near the top) and address (runs of up to 6 lines). */
export function supplierCandidates(lines: readonly Line[], unit: number, hint: RuleHint): SupplierCandidates {
  const facts = lineFacts(lines, unit);
  const has = (span: Span, test: (f: LineFacts) => boolean): boolean =>
    facts.slice(span.start, span.end + 1).some(test);
  // Hard limits, never crossed by a right answer in the training data: a name holds no date, an
  // address no phone, e-mail, web address, date or document title.
  const nameSpans = spans(facts.length, NAME_START_LINES, NAME_MAX_LINES).filter(
    (span) => !has(span, (f) => f.date),
  );
  const addressSpans = spans(facts.length, ADDRESS_START_LINES, ADDRESS_MAX_LINES).filter(
    (span) => !has(span, (f) => f.contact || f.date || f.title),
  );
  const names = nameSpans.map((span) => ({
    span,
    x: sparse((emit) => {
      nameFeatures(facts, span, hint, emit);
    }),
  }));
  const addresses = addressSpans.map((span) => ({
    span,
    x: sparse((emit) => {
      addressFeatures(facts, span, hint, hint.name, emit);
    }),
  }));
  return { facts, names, addresses };
}

export interface SpanChoice {
  span: Span;
  probability: number;
}

function best(weights: RankerWeights, cands: readonly { span: Span; x: SparseVector }[]): SpanChoice | null {
  const p = rankCandidates(
    weights,
    cands.map((c) => c.x),
  );
  let out: SpanChoice | null = null;
  cands.forEach((c, i) => {
    const probability = p[i] ?? 0;
    if (!out || probability > out.probability) out = { span: c.span, probability };
  });
  return out;
}

/** The most probable name and address spans. */
export function predictSupplier(
  model: SupplierModel,
  cands: SupplierCandidates,
): { name: SpanChoice | null; address: SpanChoice | null } {
  return { name: best(model.name, cands.names), address: best(model.address, cands.addresses) };
}

/** A loaded weights file, checked for shape (a broken file means "use the rules"). */
export function parseSupplierModel(raw: unknown): SupplierModel | null {
  const isRanker = (r: unknown): r is RankerWeights => {
    if (typeof r !== 'object' || r === null) return false;
    const o = r as Record<string, unknown>;
    const arrays = [o.names, o.mean, o.scale, o.w];
    if (!arrays.every(Array.isArray)) return false;
    const n = (o.names as unknown[]).length;
    return n > 0 && arrays.every((a) => (a as unknown[]).length === n);
  };
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  return isRanker(o.name) && isRanker(o.address) ? { name: o.name, address: o.address } : null;
}
