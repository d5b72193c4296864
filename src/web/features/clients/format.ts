const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "4 Mar 2026", or "—" when there is no date. */
export function formatDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  return dateFormat.format(new Date(iso));
}

export const payerLabel = { client: 'Client', practice: 'Practice' } as const;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
