/**
 * Money is integer minor units (bigint) plus an ISO 4217 currency; never a float.
 * Decimal strings ("1234.50", "-3.1") are the wire format. All rounding lives here.
 */

/** Minor-unit exponent per ISO 4217 code, for the currencies that differ from 2. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  HUF: 2,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL_RE.test(value);
}

/**
 * Parses a plain decimal string into an exact scaled integer with `scale` fractional digits,
 * rounding half away from zero when the input has more digits than the scale.
 * Returns null when the string is not a plain decimal.
 */
export function parseDecimal(value: string, scale: number): bigint | null {
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = m[2] ?? '0';
  const frac = m[3] ?? '';
  const kept = frac.slice(0, scale).padEnd(scale, '0');
  let n = BigInt(whole + kept);
  const dropped = frac.slice(scale);
  if (dropped.length > 0 && dropped.charCodeAt(0) >= 53 /* '5' */) n += 1n;
  return sign * n;
}

/** Formats a scaled integer as a decimal string with exactly `scale` fractional digits. */
export function formatDecimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** Decimal string to minor units of `currency` (e.g. "12.5" EUR -> 1250n). */
export function toMinor(value: string, currency: string): bigint | null {
  return parseDecimal(value, currencyExponent(currency));
}

/** Minor units of `currency` back to a decimal string (1250n EUR -> "12.50"). */
export function fromMinor(value: bigint, currency: string): string {
  return formatDecimal(value, currencyExponent(currency));
}

/** Normalises any plain decimal string to a canonical form with at least `minScale` decimals ("1.5" -> "1.50"). */
export function normaliseDecimal(value: string, minScale = 2): string | null {
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) return null;
  const scale = Math.max(minScale, (m[3] ?? '').length);
  const n = parseDecimal(value, scale);
  return n === null ? null : formatDecimal(n, scale);
}

/** Compares two decimal strings numerically: -1, 0 or 1. Throws on malformed input. */
export function compareDecimal(a: string, b: string): number {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  const x = mustParse(a, scale);
  const y = mustParse(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Adds decimal strings exactly; the result keeps the largest scale of the inputs (at least 2). */
export function addDecimals(values: readonly string[]): string {
  const scale = Math.max(2, ...values.map(fractionDigits));
  let sum = 0n;
  for (const v of values) sum += mustParse(v, scale);
  return formatDecimal(sum, scale);
}

export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(2, fractionDigits(a), fractionDigits(b));
  return formatDecimal(mustParse(a, scale) - mustParse(b, scale), scale);
}

/** Multiplies a decimal by a decimal (e.g. quantity x unit price), rounded half away from zero to `scale`. */
export function multiplyDecimal(a: string, b: string, scale = 2): string {
  const sa = fractionDigits(a);
  const sb = fractionDigits(b);
  const product = mustParse(a, sa) * mustParse(b, sb);
  return formatDecimal(rescale(product, sa + sb, scale), scale);
}

/** Percentage of an amount: amount * ratePercent / 100, rounded to `scale`. */
export function percentOf(amount: string, ratePercent: string, scale = 2): string {
  const sa = fractionDigits(amount);
  const sr = fractionDigits(ratePercent);
  const product = mustParse(amount, sa) * mustParse(ratePercent, sr);
  return formatDecimal(rescale(product, sa + sr + 2, scale), scale);
}

/** Absolute difference of two decimals is within `tolerance` (a decimal string such as "0.02"). */
export function decimalsClose(a: string, b: string, tolerance = '0.00'): boolean {
  const diff = subtractDecimal(a, b);
  const abs = diff.startsWith('-') ? diff.slice(1) : diff;
  return compareDecimal(abs, tolerance) <= 0;
}

/** Rounds a scaled integer from one scale to another, half away from zero. */
export function rescale(value: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return value * 10n ** BigInt(toScale - fromScale);
  const divisor = 10n ** BigInt(fromScale - toScale);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let q = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) q += 1n;
  return negative ? -q : q;
}

function fractionDigits(value: string): number {
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) throw new RangeError(`Not a decimal number: "${value}"`);
  return (m[3] ?? '').length;
}

function mustParse(value: string, scale: number): bigint {
  const n = parseDecimal(value, scale);
  if (n === null) throw new RangeError(`Not a decimal number: "${value}"`);
  return n;
}
