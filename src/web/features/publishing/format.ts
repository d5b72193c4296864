import type { Connection, Publication } from './publishing-api';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "4 Mar 2026, 09:12", or "Never". */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return 'Never';
  return dateTime.format(new Date(iso));
}

export const connectionStatusLabel: Record<Connection['status'], { label: string; color: string }> = {
  connected: { label: 'Connected', color: 'teal' },
  needs_reconnecting: { label: 'Needs reconnecting', color: 'orange' },
  disconnected: { label: 'Disconnected', color: 'gray' },
  error: { label: 'Error', color: 'red' },
};

/** What an item's publishing state means for people, in the product's words. */
export const publicationStateLabel: Record<Publication['state'], { label: string; color: string }> = {
  held: { label: 'To review: the ledger would refuse it', color: 'orange' },
  queued: { label: 'Waiting to publish', color: 'blue' },
  publishing: { label: 'Publishing…', color: 'blue' },
  published: { label: 'Published', color: 'teal' },
  failed: { label: 'Ready (yellow): the last publish failed', color: 'yellow' },
};

/** A string field of a list entry's data (codes, kinds, lock dates), or null. */
export function textField(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Xero and QuickBooks rates are stored in basis points: 2000 → "20%". */
export function ratePercent(data: Record<string, unknown>): string | null {
  const value = data['rateBasisPoints'];
  if (typeof value !== 'number') return null;
  return `${(value / 100).toLocaleString('en-GB', { maximumFractionDigits: 4 })}%`;
}

/** Tracking options (Xero tracking categories, QuickBooks classes and locations). */
export function trackingOptions(data: Record<string, unknown>): string[] {
  const options: unknown = data['options'];
  if (!Array.isArray(options)) return [];
  const names: string[] = [];
  for (const option of options as unknown[]) {
    if (
      typeof option === 'object' &&
      option !== null &&
      'name' in option &&
      typeof option.name === 'string'
    ) {
      const inactive = 'active' in option && option.active === false;
      names.push(inactive ? `${option.name} (inactive)` : option.name);
    }
  }
  return names;
}
