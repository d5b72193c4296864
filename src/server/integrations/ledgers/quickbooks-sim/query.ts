import type { Json } from '../sim-kit/fields';

/**
 * The slice of QuickBooks' query language Docket uses:
 *   select * | count(*) from <Entity> [where <field> <op> <value> [and ...]]
 *   [orderby <field> [asc|desc]] [startposition n] [maxresults n]
 * Operators: = != < > <= >= like in. Values: 'quoted', true/false, numbers.
 */

export interface Condition {
  readonly path: readonly string[];
  readonly op: '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like' | 'in';
  readonly value: string | number | boolean | readonly (string | number)[];
}

export interface Query {
  readonly entity: string;
  readonly count: boolean;
  readonly where: readonly Condition[];
  readonly orderBy: { readonly path: readonly string[]; readonly desc: boolean } | null;
  readonly startPosition: number;
  readonly maxResults: number;
}

const QUERY_RE =
  /^\s*select\s+(\*|count\(\*\))\s+from\s+(\w+)(?:\s+where\s+(.+?))?(?:\s+order\s?by\s+([\w.]+)(?:\s+(asc|desc))?)?(?:\s+startposition\s+(\d+))?(?:\s+maxresults\s+(\d+))?\s*$/is;
const CONDITION_RE = /^\s*([\w.]+)\s*(=|!=|<=|>=|<|>|\blike\b|\bin\b)\s*(.+?)\s*$/is;

export function parseQuery(text: string, entities: readonly string[]): Query {
  const m = QUERY_RE.exec(text);
  if (!m?.[1] || !m[2]) throw new Error(`Unsupported query: ${text}`);
  const entity = entities.find((e) => e.toLowerCase() === m[2]?.toLowerCase());
  if (entity === undefined) throw new Error(`Unknown entity ${m[2]}`);
  const where = m[3] === undefined ? [] : splitAnd(m[3]).map(parseCondition);
  return {
    entity,
    count: m[1].toLowerCase() !== '*',
    where,
    orderBy: m[4] === undefined ? null : { path: m[4].split('.'), desc: m[5]?.toLowerCase() === 'desc' },
    startPosition: m[6] === undefined ? 1 : Math.max(1, Number(m[6])),
    maxResults: m[7] === undefined ? 100 : Math.min(1000, Number(m[7])),
  };
}

/** Splits on AND outside quotes. */
function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  const words = text.split(/(\s+)/);
  for (const word of words) {
    if (!quoted && /^and$/i.test(word)) {
      parts.push(current);
      current = '';
      continue;
    }
    quoted = ((word.match(/'/g)?.length ?? 0) % 2 === 1) !== quoted;
    current += word;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function parseCondition(text: string): Condition {
  const m = CONDITION_RE.exec(text);
  if (!m?.[1] || !m[2] || m[3] === undefined) throw new Error(`Unsupported condition: ${text}`);
  const op = m[2].toLowerCase() as Condition['op'];
  if (op === 'in') {
    const inner = /^\((.*)\)$/s.exec(m[3])?.[1];
    if (inner === undefined) throw new Error(`Expected a list after IN: ${text}`);
    return {
      path: m[1].split('.'),
      op,
      value: inner.split(',').map((v) => literal(v.trim())) as (string | number)[],
    };
  }
  return { path: m[1].split('.'), op, value: literal(m[3]) };
}

function literal(text: string): string | number | boolean {
  const quoted = /^'((?:[^'\\]|\\.)*)'$/s.exec(text);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\'/g, "'");
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  throw new Error(`Unsupported value: ${text}`);
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

function read(record: Json, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    const found = Object.entries(current).find(([k]) => k.toLowerCase() === key.toLowerCase());
    current = found?.[1];
  }
  // References filter on their id: VendorRef = '5'.
  if (typeof current === 'object' && current !== null && 'value' in current)
    return (current as Json)['value'];
  return current;
}

function compare(actual: unknown, cond: Condition): boolean {
  const { op, value } = cond;
  if (op === 'in') return Array.isArray(value) && value.some((v) => String(v) === scalar(actual));
  if (op === 'like') {
    if (typeof value !== 'string' || typeof actual !== 'string') return false;
    const pattern = value
      .split('%')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${pattern}$`, 'i').test(actual);
  }
  const a =
    typeof value === 'number'
      ? Number(actual)
      : typeof value === 'boolean'
        ? actual === true
        : scalar(actual);
  const b = value as string | number | boolean;
  switch (op) {
    case '=':
      return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
}

export function runQuery(query: Query, rows: readonly Json[]): { rows: Json[]; total: number } {
  let found = rows.filter((row) => query.where.every((cond) => compare(read(row, cond.path), cond)));
  const order = query.orderBy;
  if (order !== null) {
    found = [...found].sort((x, y) => {
      const a = scalar(read(x, order.path));
      const b = scalar(read(y, order.path));
      return (a < b ? -1 : a > b ? 1 : 0) * (order.desc ? -1 : 1);
    });
  }
  return {
    rows: found.slice(query.startPosition - 1, query.startPosition - 1 + query.maxResults),
    total: found.length,
  };
}
