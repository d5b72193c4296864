import type { SnapshotProduct } from './publishing';
import type { ListEntryRow } from './publishing.repo';

/** QuickBooks products and services as imported (list kind "item"), by ledger id. */
export function productsOf(entries: readonly ListEntryRow[]): Map<string, SnapshotProduct> {
  const products = new Map<string, SnapshotProduct>();
  for (const e of entries) {
    if (e.kind !== 'item') continue;
    const income = e.data['incomeAccountId'];
    products.set(e.ledgerId, {
      id: e.ledgerId,
      name: e.name,
      active: e.active,
      incomeAccountId: typeof income === 'string' ? income : null,
    });
  }
  return products;
}
