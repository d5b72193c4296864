import { fromMinor } from '../../../shared/money';
import type { ItemRow } from './items.repo';

const cell = (v: string | null | undefined): string => {
  const s = v ?? '';
  // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const money = (v: bigint | null, c: string | null) => (v === null ? '' : fromMinor(v, c ?? 'GBP'));

/** The tracking lists' names, to write "Region: North" instead of ledger ids. */
export interface TrackingNames {
  readonly id: string;
  readonly name: string;
  readonly options: readonly { readonly id: string; readonly name: string }[];
}

/** "Region: North; Department: Sales; line 2 Region: South" */
export function trackingText(picks: ItemRow['tracking'], lists: readonly TrackingNames[] = []): string {
  return picks
    .map((p) => {
      const list = lists.find((l) => l.id === p.categoryId);
      const option = list?.options.find((o) => o.id === p.optionId)?.name ?? p.optionId;
      const where = p.line === null ? '' : `line ${p.line + 1} `;
      return `${where}${list?.name ?? p.categoryId}: ${option}`;
    })
    .join('; ');
}

/** Items as CSV, one row each, with a header line. */
export function itemsCsv(rows: readonly ItemRow[], tracking: readonly TrackingNames[] = []): string {
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
    'tracking',
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
      trackingText(r.tracking, tracking),
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
