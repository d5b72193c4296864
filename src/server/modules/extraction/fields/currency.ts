import { conf, fold, locate, type FieldContext, type Found } from './context';

/** Currency of a country, for documents that print no symbol or code. */
const BY_COUNTRY: Readonly<Record<string, string>> = {
  MY: 'MYR',
  SG: 'SGD',
  GB: 'GBP',
  UK: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  IN: 'INR',
  JP: 'JPY',
  CN: 'CNY',
  HK: 'HKD',
  ID: 'IDR',
  TH: 'THB',
  PH: 'PHP',
  VN: 'VND',
  KR: 'KRW',
  CH: 'CHF',
  PL: 'PLN',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  BG: 'BGN',
  ZA: 'ZAR',
  AE: 'AED',
  SA: 'SAR',
  BR: 'BRL',
  MX: 'MXN',
  IE: 'EUR',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  LU: 'EUR',
  AT: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  PT: 'EUR',
  FI: 'EUR',
  GR: 'EUR',
  EE: 'EUR',
  LV: 'EUR',
  LT: 'EUR',
  SK: 'EUR',
  SI: 'EUR',
  MT: 'EUR',
  CY: 'EUR',
  HR: 'EUR',
};

const ISO_CODES = new Set(
  'EUR USD GBP MYR SGD AUD NZD CAD CHF INR JPY CNY HKD PLN SEK NOK DKK CZK HUF RON ZAR AED IDR THB PHP BRL MXN'.split(
    ' ',
  ),
);

/** Symbols and their currency; "$" depends on the country. */
const SYMBOLS: ReadonlyArray<readonly [RegExp, (country: string | undefined) => string]> = [
  [/€/, () => 'EUR'],
  [/£/, () => 'GBP'],
  [/₹|\brs\.?\s?-?\d|\binr\b/, () => 'INR'],
  [/\brm\s?\d|\(rm\)|\brm\b/, () => 'MYR'],
  [/zł|\bzl\b/, () => 'PLN'],
  [/\bs\$/, () => 'SGD'],
  [/\ba\$|\bau\$/, () => 'AUD'],
  [/\bc\$|\bca\$/, () => 'CAD'],
  [/\bus\$/, () => 'USD'],
  [/\$/, (c) => (c && ['AU', 'CA', 'NZ', 'SG', 'HK', 'MX'].includes(c) ? (BY_COUNTRY[c] ?? 'USD') : 'USD')],
  [/¥/, () => 'JPY'],
  [/\bchf\b|\bfr\.\s?\d/, () => 'CHF'],
  [/\bkr\b/, (c) => (c === 'NO' ? 'NOK' : c === 'DK' ? 'DKK' : 'SEK')],
];

export function currencyForCountry(country: string | undefined): string | null {
  return country ? (BY_COUNTRY[country.toUpperCase()] ?? null) : null;
}

/** ISO codes printed on the document first, then symbols, then the country, then the caller's default. */
export function readCurrency(ctx: FieldContext): Found<string> | null {
  const codeVotes = new Map<string, { count: number; at: Found<string> }>();
  for (const line of ctx.lines) {
    for (const m of line.text.matchAll(/\b([A-Z]{3})\b/g)) {
      const code = m[1] ?? '';
      if (!ISO_CODES.has(code)) continue;
      const prev = codeVotes.get(code);
      const at: Found<string> = {
        value: code,
        confidence: 0.9,
        location: locate(line, m.index, m.index + 3),
      };
      codeVotes.set(code, { count: (prev?.count ?? 0) + 1, at: prev?.at ?? at });
    }
  }
  const topCode = [...codeVotes.values()].sort((a, b) => b.count - a.count)[0];
  if (topCode) return topCode.at;
  const symbolVotes = new Map<string, { count: number; at: Found<string> }>();
  for (const line of ctx.lines) {
    const folded = fold(line.text);
    for (const [re, pick] of SYMBOLS) {
      const m = re.exec(folded);
      if (!m) continue;
      const code = pick(ctx.country?.toUpperCase());
      const prev = symbolVotes.get(code);
      const at: Found<string> = {
        value: code,
        confidence: 0.8,
        location: locate(line, m.index, m.index + m[0].length),
      };
      symbolVotes.set(code, { count: (prev?.count ?? 0) + 1, at: prev?.at ?? at });
      break;
    }
  }
  const topSymbol = [...symbolVotes.values()].sort((a, b) => b.count - a.count)[0];
  if (topSymbol) return topSymbol.at;
  const fromCountry = currencyForCountry(ctx.country);
  if (fromCountry) return { value: fromCountry, confidence: conf(0.5), location: null };
  if (ctx.currency && /^[A-Za-z]{3}$/.test(ctx.currency)) {
    return { value: ctx.currency.toUpperCase(), confidence: 0.4, location: null };
  }
  return null;
}
