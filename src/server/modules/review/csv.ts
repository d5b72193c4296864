import { fromMinor } from '../../../shared/money';
import type { ItemRow } from './items.repo';

const cell = (v: string | null | undefined): string => {
  const s = v ?? '';
  // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const money = (v: bigint | null, c: string | null) => (v === null ? '' : fromMinor(v, c ?? 'GBP'));

/** Items as CSV, one row each, with a header line. */
export function itemsCsv(rows: readonly ItemRow[]): string {
  const header = [
    'id',
    'status',
    'type',
    'supplier_or_customer',
    'date',
    'due_date',
    'reference',
    'currency',
    'net',
    'tax',
    'total',
    'description',
    'created_at',
  ];
  const lines = rows.map((r) =>
    [
      r.id,
      r.status,
      r.documentType,
      r.contactName,
      r.date,
      r.dueDate,
      r.reference,
      r.currency,
      money(r.netMinor, r.currency),
      money(r.taxMinor, r.currency),
      money(r.totalMinor, r.currency),
      r.description,
      r.createdAt.toISOString(),
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
