/** A calendar date found in text. */
export interface DateMatch {
  /** YYYY-MM-DD */
  iso: string;
  start: number;
  end: number;
  raw: string;
  /** Day and month could be swapped (both 12 or less): resolved from the country. */
  ambiguous: boolean;
  /** How sure the reading is, from the shape alone (0..1). */
  confidence: number;
}

/** Month names and abbreviations: English, Malay, Dutch, German, French, Spanish, Italian, Portuguese. */
const MONTHS: Readonly<Record<string, number>> = buildMonths([
  ['january jan januari janvier enero gennaio janeiro jänner janner ene gen', 1],
  ['february feb februari februar fevrier février febrero febbraio fevereiro fév fev febr', 2],
  ['march mar mac maart märz maerz mars marzo março marco mrt mär', 3],
  ['april apr avril abril aprile avr', 4],
  ['may mei mai mayo maggio maio mag', 5],
  ['june jun juni juin junio giugno junho giu', 6],
  ['july jul julai juli juillet julio luglio julho jui lug juil', 7],
  ['august aug ogos ogo augustus agosto août aout ago', 8],
  ['september sep sept septembre septiembre settembre setembro set', 9],
  ['october oct okt oktober octobre octubre ottobre outubro ott out', 10],
  ['november nov novembre noviembre novembro', 11],
  ['december dec dis disember desember dezember décembre decembre diciembre dicembre dezembro dez dic', 12],
]);

function buildMonths(rows: ReadonlyArray<readonly [string, number]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [names, month] of rows) for (const n of names.split(' ')) out[n] = month;
  return out;
}

const MONTH_WORD = String.raw`[A-Za-zÀ-ÿ]{3,10}\.?`;

/** Countries that write the month first in numeric dates. */
const MONTH_FIRST = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'PR', 'VI', 'UM', 'MP']);

export function monthFirst(country: string | undefined): boolean {
  return country !== undefined && MONTH_FIRST.has(country.toUpperCase());
}

export function monthFromName(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? null;
}

export function expandYear(y: number, digits: number): number {
  if (digits === 4) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1980 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function toIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Pattern {
  re: RegExp;
  read: (
    g: Record<string, string | undefined>,
    mf: boolean,
  ) => Omit<DateMatch, 'start' | 'end' | 'raw'> | null;
}

const SEP = String.raw`\s?[-/.]\s?`;

const PATTERNS: Pattern[] = [
  {
    // 2018-03-25, 2018/03/25, 2018.03.25
    re: new RegExp(
      String.raw`(?<![\d])(?<y>(?:19|20)\d{2})${SEP}(?<m>\d{1,2})${SEP}(?<d>\d{1,2})(?![\d])`,
      'g',
    ),
    read: (g) => ymd(Number(g.y), Number(g.m), Number(g.d), 0.95),
  },
  {
    // 25/12/2018, 25-12-18, 12.01.2019; US order from the country when both parts could be a month
    re: new RegExp(
      String.raw`(?<![\d/.-])(?<a>\d{1,2})(?<s1>\s?[-/.]\s?)(?<b>\d{1,2})\k<s1>(?<y>\d{4}|\d{2})(?![\d]|[.,]\d)`,
      'g',
    ),
    read: (g, mf) => {
      const a = Number(g.a);
      const b = Number(g.b);
      const y = expandYear(Number(g.y), (g.y ?? '').length);
      const shortYear = (g.y ?? '').length === 2 ? 0.05 : 0;
      if (a > 12 && b <= 12) return ymd(y, b, a, 0.9 - shortYear);
      if (b > 12 && a <= 12) return ymd(y, a, b, 0.9 - shortYear);
      if (a === b) return ymd(y, a, a, 0.9 - shortYear);
      const r = mf ? ymd(y, a, b, 0.7 - shortYear) : ymd(y, b, a, 0.7 - shortYear);
      return r ? { ...r, ambiguous: true } : null;
    },
  },
  {
    // 25 MAR 2018, 25-Mar-18, 18 april 2014, 3rd August 2014, 25MAR2018
    re: new RegExp(
      String.raw`(?<![\dA-Za-z])(?<d>\d{1,2})(?:st|nd|rd|th|er)?[\s\-/.]*(?<mon>${MONTH_WORD})[\s\-/.,']*(?<y>\d{4}|\d{2})(?![\d])`,
      'g',
    ),
    read: (g) => named(g.y, g.mon, g.d),
  },
  {
    // March 25, 2018; Aug 3 2014; Jul 02, 15
    re: new RegExp(
      String.raw`(?<![A-Za-z])(?<mon>${MONTH_WORD})[\s\-/.]*(?<d>\d{1,2})(?:st|nd|rd|th)?[\s,.\-/]+(?<y>\d{4})(?![\d])`,
      'g',
    ),
    read: (g) => named(g.y, g.mon, g.d),
  },
  {
    // 20180325 as a token of its own
    re: /(?<![\d])(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?![\d])/g,
    read: (g) => ymd(Number(g.y), Number(g.m), Number(g.d), 0.55),
  },
];

function ymd(
  y: number,
  m: number,
  d: number,
  confidence: number,
): Omit<DateMatch, 'start' | 'end' | 'raw'> | null {
  return isValidDate(y, m, d) ? { iso: toIso(y, m, d), ambiguous: false, confidence } : null;
}

function named(
  yRaw: string | undefined,
  mon: string | undefined,
  dRaw: string | undefined,
): Omit<DateMatch, 'start' | 'end' | 'raw'> | null {
  const month = monthFromName(mon ?? '');
  if (month === null) return null;
  const y = expandYear(Number(yRaw), (yRaw ?? '').length);
  return ymd(y, month, Number(dRaw), (yRaw ?? '').length === 4 ? 0.95 : 0.85);
}

/** All dates in a text, left to right, without overlaps (the first pattern to claim a span wins). */
export function findDates(text: string, country?: string): DateMatch[] {
  const mf = monthFirst(country);
  const found: DateMatch[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const r = p.read(m.groups ?? {}, mf);
      if (r) found.push({ ...r, start, end, raw: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Parses one printed date ("25/12/2018", "25 MAR 2018") to ISO, or null. */
export function parseDate(raw: string, country?: string): string | null {
  const found = findDates(raw, country);
  return found[0]?.iso ?? null;
}
