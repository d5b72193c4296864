import { addMonths } from '../../../shared/dates';

/** Reactivate stays disabled this long after a client is deactivated. */
export const REACTIVATION_MONTHS = 4;

export function reactivatableFrom(deactivatedAt: Date): Date {
  return addMonths(deactivatedAt, REACTIVATION_MONTHS);
}

/** Splits one CSV line (quotes and doubled quotes supported). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((v) => v.trim());
}

/** One CSV field, quoted when needed; cells that a spreadsheet would run as a formula are defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
