import type { LineFacts } from './line-features';

/** Lines start..end (inclusive) of the first page, as indexes into the facts array. */
export interface Span {
  start: number;
  end: number;
}

/** A candidate answer: a run of lines with its feature vector (names in the model's order). */
export interface Candidate {
  span: Span;
  x: number[];
}

/** Where the hand-written rules put the name and the address: the model's strongest hint. */
export interface RuleHint {
  name: Span | null;
  address: Span | null;
}

export const NAME_START_LINES = 12;
export const NAME_MAX_LINES = 3;
export const ADDRESS_START_LINES = 20;
export const ADDRESS_MAX_LINES = 6;

type Emit = (name: string, value: number) => void;

const b = (v: boolean): number => (v ? 1 : 0);

/** Facts of one line that matter wherever the line sits (prefix names the line's role). */
function lineShape(emit: Emit, p: string, f: LineFacts | undefined): void {
  if (!f) {
    emit(`${p}.absent`, 1);
    return;
  }
  emit(`${p}.legal`, b(f.legal));
  emit(`${p}.business`, b(f.business));
  emit(`${p}.postcode`, b(f.postcode));
  emit(`${p}.street`, b(f.street));
  emit(`${p}.unitWord`, b(f.unitWord));
  emit(`${p}.country`, b(f.country));
  emit(`${p}.startsWithNumber`, b(f.startsWithNumber));
  emit(`${p}.contact`, b(f.contact));
  emit(`${p}.taxOrReg`, b(f.taxOrReg));
  emit(`${p}.title`, b(f.title));
  emit(`${p}.date`, b(f.date));
  emit(`${p}.amount`, b(f.amount));
  emit(`${p}.generic`, b(f.generic));
  emit(`${p}.regNumber`, b(f.regNumber));
  emit(`${p}.numberOnly`, b(f.numberOnly));
  emit(`${p}.digits`, f.digits);
  emit(`${p}.upper`, f.upper);
  emit(`${p}.height`, Math.min(3, f.height));
  emit(`${p}.centred`, f.centred);
  emit(`${p}.endsComma`, b(f.endsComma));
  emit(`${p}.endsStop`, b(f.endsStop));
  emit(`${p}.endsJoiner`, b(f.endsJoiner));
  emit(`${p}.parenthesis`, b(f.parenthesis));
  emit(`${p}.personish`, b(f.personish));
  emit(`${p}.fewLetters`, b(f.letters < 4));
}

function some(facts: readonly LineFacts[], s: Span, test: (f: LineFacts) => boolean): number {
  let n = 0;
  for (let i = s.start; i <= s.end; i++) {
    const f = facts[i];
    if (f && test(f)) n += 1;
  }
  return n;
}

function maxGapInside(facts: readonly LineFacts[], s: Span): number {
  let g = 0;
  for (let i = s.start; i < s.end; i++) g = Math.max(g, facts[i]?.gapAfter ?? 0);
  return g;
}

function firstIndex(facts: readonly LineFacts[], test: (f: LineFacts) => boolean): number {
  const i = facts.findIndex(test);
  return i < 0 ? facts.length : i;
}

function relation(emit: Emit, p: string, s: Span, hint: Span | null): void {
  if (!hint) {
    emit(`${p}.none`, 1);
    return;
  }
  emit(`${p}.same`, b(s.start === hint.start && s.end === hint.end));
  emit(`${p}.sameStart`, b(s.start === hint.start));
  emit(`${p}.sameEnd`, b(s.end === hint.end));
  const overlap = Math.max(0, Math.min(s.end, hint.end) - Math.max(s.start, hint.start) + 1);
  emit(`${p}.overlap`, overlap / (s.end - s.start + 1));
  emit(`${p}.covers`, overlap / (hint.end - hint.start + 1));
}

function common(emit: Emit, facts: readonly LineFacts[], s: Span): void {
  const n = s.end - s.start + 1;
  const first = facts[s.start];
  const last = facts[s.end];
  emit('bias', 1);
  for (let k = 1; k <= 6; k++) emit(`lines.${k}`, b(n === k));
  emit('start.index', Math.min(20, s.start) / 10);
  emit('start.first', b(s.start === 0));
  emit('start.second', b(s.start === 1));
  emit('start.top', first?.top ?? 1);
  emit('gap.before', Math.min(6, first?.gapBefore ?? 10) / 3);
  emit('gap.after', Math.min(6, last?.gapAfter ?? 10) / 3);
  emit('gap.inside', Math.min(6, maxGapInside(facts, s)) / 3);
  const heights = facts.slice(s.start, s.end + 1).map((f) => f.height);
  emit('height.spread', Math.min(2, Math.max(...heights) - Math.min(...heights)));
  const firstContact = firstIndex(facts, (f) => f.contact || f.taxOrReg);
  const firstDate = firstIndex(facts, (f) => f.date);
  const firstAmount = firstIndex(facts, (f) => f.amount);
  emit('before.contact', b(s.end < firstContact));
  emit('endsAt.contact', b(s.end + 1 === firstContact));
  emit('before.date', b(s.end < firstDate));
  emit('before.amount', b(s.end < firstAmount));
  emit('toContact', Math.max(-5, Math.min(5, firstContact - s.end - 1)) / 5);
}

/** Feature vector of a candidate supplier name. */
export function nameFeatures(facts: readonly LineFacts[], s: Span, hint: RuleHint, emit: Emit): void {
  common(emit, facts, s);
  lineShape(emit, 'first', facts[s.start]);
  lineShape(emit, 'last', facts[s.end]);
  lineShape(emit, 'prev', facts[s.start - 1]);
  lineShape(emit, 'next', facts[s.end + 1]);
  emit('any.legal', b(some(facts, s, (f) => f.legal) > 0));
  emit('any.contact', b(some(facts, s, (f) => f.contact) > 0));
  emit('any.taxOrReg', b(some(facts, s, (f) => f.taxOrReg) > 0));
  emit('any.date', b(some(facts, s, (f) => f.date) > 0));
  emit('any.street', b(some(facts, s, (f) => f.street || f.postcode) > 0));
  emit('any.generic', b(some(facts, s, (f) => f.generic || f.title) > 0));
  emit('any.regNumber', b(some(facts, s, (f) => f.regNumber) > 0));
  emit('legalBefore', b(some(facts, { start: 0, end: s.start - 1 }, (f) => f.legal) > 0));
  emit(
    'first.tallest',
    b((facts[s.start]?.height ?? 0) >= Math.max(...facts.slice(0, 12).map((f) => f.height)) - 0.05),
  );
  relation(emit, 'rule', s, hint.name);
}

/** Feature vector of a candidate supplier address. */
export function addressFeatures(
  facts: readonly LineFacts[],
  s: Span,
  hint: RuleHint,
  name: Span | null,
  emit: Emit,
): void {
  common(emit, facts, s);
  lineShape(emit, 'first', facts[s.start]);
  lineShape(emit, 'last', facts[s.end]);
  lineShape(emit, 'prev', facts[s.start - 1]);
  lineShape(emit, 'next', facts[s.end + 1]);
  const n = s.end - s.start + 1;
  emit('share.street', some(facts, s, (f) => f.street || f.unitWord) / n);
  emit('share.digit', some(facts, s, (f) => /\d/.test(f.folded)) / n);
  emit('share.postcode', some(facts, s, (f) => f.postcode) / n);
  emit('any.legal', b(some(facts, s, (f) => f.legal) > 0));
  emit('any.contact', b(some(facts, s, (f) => f.contact) > 0));
  emit('any.taxOrReg', b(some(facts, s, (f) => f.taxOrReg) > 0));
  emit('any.date', b(some(facts, s, (f) => f.date) > 0));
  emit('any.title', b(some(facts, s, (f) => f.title) > 0));
  emit('any.amount', b(some(facts, s, (f) => f.amount) > 0));
  emit('any.regNumber', b(some(facts, s, (f) => f.regNumber || f.numberOnly) > 0));
  emit('any.generic', b(some(facts, s, (f) => f.generic) > 0));
  emit('inner.noDigitLines', some(facts, s, (f) => !/\d/.test(f.folded)) / n);
  if (name) {
    const d = s.start - name.end - 1;
    emit('afterName.0', b(d === 0));
    emit('afterName.1', b(d === 1));
    emit('afterName.2', b(d === 2));
    emit('afterName.far', b(d > 2));
    emit('afterName.before', b(d < 0));
    const skipped = { start: name.end + 1, end: s.start - 1 };
    emit('skipped.regNumber', b(d > 0 && some(facts, skipped, (f) => f.regNumber || f.taxOrReg) > 0));
    emit('skipped.noDigit', b(d > 0 && some(facts, skipped, (f) => !/\d/.test(f.folded)) === d));
  } else emit('afterName.none', 1);
  relation(emit, 'rule', s, hint.address);
}

/** Every run of up to `maxLines` lines starting in the first `startLines` lines. */
export function spans(count: number, startLines: number, maxLines: number): Span[] {
  const out: Span[] = [];
  for (let start = 0; start < Math.min(count, startLines); start++) {
    for (let end = start; end < Math.min(count, start + maxLines); end++) out.push({ start, end });
  }
  return out;
}

/** The features a builder emits, as (name, value) pairs; zero values are dropped. */
export function sparse(build: (emit: Emit) => void): SparseVector {
  const out: SparseVector = [];
  build((name, value) => {
    if (value !== 0) out.push([name, value]);
  });
  return out;
}

export type SparseVector = [string, number][];
