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

const MONEY_AFTER = /^\D{0,4}\s?-?\d[\d.,' ]*[.,]\d{2}(?!\d)/;
const MONEY_BEFORE = /\d[.,]\d{2}\s?\D{0,4}$/;

/** Currencies named in words ("All prices are in US Dollars", "capital de 10 000 euros"). */
const NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bu\.?s\.? dollars?\b/, 'USD'],
  [/\beuros?\b/, 'EUR'],
  [/\bpounds? sterling\b/, 'GBP'],
  [/\brupees?\b/, 'INR'],
  [/\bringgit\b/, 'MYR'],
  [/\bzloty|zlotych\b/, 'PLN'],
  [/\bswiss francs?|schweizer franken|francs? suisses?\b/, 'CHF'],
];

/** Country names as printed in addresses (English and the country's own languages). */
const COUNTRY_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(india|bharat)\b/, 'IN'],
  [/\b(nederland|netherlands|the netherlands|pays-bas|niederlande)\b/, 'NL'],
  [/\b(deutschland|germany|allemagne|duitsland)\b/, 'DE'],
  [/\b(france|frankreich|frankrijk)\b/, 'FR'],
  [/\b(belgie|belgium|belgique|belgien)\b/, 'BE'],
  [/\b(osterreich|austria|autriche|oostenrijk)\b/, 'AT'],
  [/\b(luxembourg|luxemburg)\b/, 'LU'],
  [/\b(united kingdom|great britain|england|scotland|wales)\b/, 'GB'],
  [/\b(united states|u\.s\.a\.?)\b/, 'US'],
  [/\b(malaysia)\b/, 'MY'],
  [/\b(singapore)\b/, 'SG'],
  [/\b(australia)\b/, 'AU'],
  [/\b(canada)\b/, 'CA'],
  [/\b(schweiz|suisse|svizzera|switzerland)\b/, 'CH'],
  [/\b(polska|poland|pologne|polen)\b/, 'PL'],
  [/\b(ireland|eire)\b/, 'IE'],
  [/\b(espana|spain|espagne|spanje)\b/, 'ES'],
  [/\b(italia|italy|italie)\b/, 'IT'],
];

/** A currency named in words, else the currency of the country most often printed in the addresses. */
function byName(ctx: FieldContext): Found<string> | null {
  for (const line of ctx.lines) {
    const folded = fold(line.text);
    for (const [re, code] of NAMES) {
      const m = re.exec(folded);
      if (m) return { value: code, confidence: 0.7, location: locate(line, m.index, m.index + m[0].length) };
    }
  }
  const votes = new Map<string, { count: number; at: Found<string> }>();
  for (const line of ctx.lines) {
    const folded = fold(line.text);
    for (const [re, country] of COUNTRY_NAMES) {
      const m = re.exec(folded);
      const code = m ? currencyForCountry(country) : null;
      if (!m || code === null) continue;
      const prev = votes.get(code);
      const at: Found<string> = {
        value: code,
        confidence: 0.55,
        location: locate(line, m.index, m.index + m[0].length),
      };
      votes.set(code, { count: (prev?.count ?? 0) + 1, at: prev?.at ?? at });
    }
  }
  return [...votes.values()].sort((a, b) => b.count - a.count)[0]?.at ?? null;
}

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
      // A symbol beside an amount with cents counts fully; elsewhere ("$60067", an OCR slip) it barely counts.
      const near = folded.slice(m.index, m.index + m[0].length + 16);
      const before = folded.slice(Math.max(0, m.index - 16), m.index + m[0].length);
      const weight = MONEY_AFTER.test(near) || MONEY_BEFORE.test(before) ? 1 : 0.3;
      const prev = symbolVotes.get(code);
      const at: Found<string> = {
        value: code,
        confidence: 0.8,
        location: locate(line, m.index, m.index + m[0].length),
      };
      symbolVotes.set(code, { count: (prev?.count ?? 0) + weight, at: prev?.at ?? at });
      break;
    }
  }
  const topSymbol = [...symbolVotes.values()].sort((a, b) => b.count - a.count)[0];
  if (topSymbol) return topSymbol.at;
  const named = byName(ctx);
  if (named) return named;
  const fromCountry = currencyForCountry(ctx.country);
  if (fromCountry) return { value: fromCountry, confidence: conf(0.5), location: null };
  if (ctx.currency && /^[A-Za-z]{3}$/.test(ctx.currency)) {
    return { value: ctx.currency.toUpperCase(), confidence: 0.4, location: null };
  }
  return null;
}
