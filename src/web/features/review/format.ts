import type { ItemSummary } from './review-api';

export type ItemStatus = ItemSummary['status'];

const statusLabels: Record<ItemStatus, string> = {
  processing: 'Processing',
  waiting: 'Waiting',
  failed: 'Failed',
  to_review: 'To review',
  ready: 'Ready',
  archived: 'Archived',
  deleted: 'Deleted',
  merged: 'Merged',
  duplicate: 'Duplicate removed',
};

const statusColors: Record<ItemStatus, string> = {
  processing: 'blue',
  waiting: 'gray',
  failed: 'red',
  to_review: 'orange',
  ready: 'teal',
  archived: 'gray',
  deleted: 'red',
  merged: 'violet',
  duplicate: 'grape',
};

export function statusLabel(status: string): string {
  return status in statusLabels ? statusLabels[status as ItemStatus] : status;
}

export function statusColor(status: string): string {
  return status in statusColors ? statusColors[status as ItemStatus] : 'gray';
}

const documentTypes: Record<string, string> = {
  receipt: 'Receipt',
  invoice: 'Invoice',
  credit_note: 'Credit note',
  other: 'Other',
};

export function documentTypeLabel(type: string): string {
  return documentTypes[type] ?? type;
}

/** A decimal string as money, e.g. "12.5" + GBP → "£12.50". */
export function money(amount: string | null, currency: string | null): string {
  if (amount === null) return '—';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: currency ?? 'GBP',
      minimumFractionDigits: 2,
    }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

/** YYYY-MM-DD as "3 Mar 2025" without moving it across time zones. */
export function day(iso: string | null): string {
  if (iso === null) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "Supplier" in Costs, "Customer" in Sales. */
export function partyOf(workspace: 'costs' | 'sales'): string {
  return workspace === 'costs' ? 'Supplier' : 'Customer';
}
