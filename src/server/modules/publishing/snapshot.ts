import { toMinor } from '../../../shared/money';
import type {
  ItemLine,
  ItemToPublish,
  LedgerSnapshot,
  SnapshotAccount,
  SnapshotContact,
  SnapshotTaxRate,
} from './publishing';
import type { ListEntryRow } from './publishing.repo';
import type { publishingHooks } from '../review';

/** Imported list rows -> what the pure rules read. */

const text = (data: Record<string, unknown>, key: string): string | null =>
  typeof data[key] === 'string' ? data[key] : null;

export interface Links {
  readonly snapshot: LedgerSnapshot;
  readonly categoryLinks: Map<string, string>;
  readonly taxRateLinks: Map<string, string>;
}

export function snapshotOf(entries: readonly ListEntryRow[], fallbackCurrency: string): Links {
  const accounts = new Map<string, SnapshotAccount>();
  const taxRates = new Map<string, SnapshotTaxRate>();
  const contacts = new Map<string, SnapshotContact>();
  const inactiveContactsByName = new Map<string, SnapshotContact>();
  const categoryLinks = new Map<string, string>();
  const taxRateLinks = new Map<string, string>();
  const currencies: string[] = [];
  let organisation: Record<string, unknown> = {};
  for (const e of entries) {
    switch (e.kind) {
      case 'organisation':
        organisation = e.data;
        break;
      case 'account':
      case 'bank_account':
        accounts.set(e.ledgerId, {
          id: e.ledgerId,
          name: e.name,
          active: e.active,
          kind: text(e.data, 'kind') ?? 'expense',
          currency: text(e.data, 'currency'),
        });
        if (e.docketId !== null) categoryLinks.set(e.docketId, e.ledgerId);
        break;
      case 'tax_rate': {
        taxRates.set(e.ledgerId, {
          id: e.ledgerId,
          name: e.name,
          active: e.active,
          purchases: e.data['purchases'] !== false,
          sales: e.data['sales'] !== false,
        });
        if (e.docketId !== null) taxRateLinks.set(e.docketId, e.ledgerId);
        const sales = text(e.data, 'salesDocketId');
        if (sales !== null) taxRateLinks.set(sales, e.ledgerId);
        break;
      }
      case 'contact': {
        const contact = { id: e.ledgerId, name: e.name, active: e.active };
        if (e.docketId !== null) contacts.set(e.docketId, contact);
        if (!e.active) inactiveContactsByName.set(e.name.trim().toLowerCase(), contact);
        const customer = text(e.data, 'customerDocketId');
        if (customer !== null) contacts.set(customer, contact);
        break;
      }
      case 'currency':
        currencies.push(e.ledgerId);
        break;
      case 'tracking':
        break;
    }
  }
  const baseCurrency = text(organisation, 'baseCurrency') ?? fallbackCurrency;
  return {
    snapshot: {
      baseCurrency,
      lockDate: text(organisation, 'lockDate'),
      plan: text(organisation, 'plan'),
      currencies: currencies.length > 0 ? currencies : [baseCurrency],
      accounts,
      taxRates,
      contacts,
      inactiveContactsByName,
    },
    categoryLinks,
    taxRateLinks,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (r: Record<string, unknown>, key: string): string | null => {
  const v = r[key];
  return typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null;
};

/** A line's tracking: its own picks, and the item's for the lists the line does not set. */
function trackingOf(row: publishingHooks.ItemRow, line: number | null) {
  const own = row.tracking.filter((t) => t.line === line);
  const item = line === null ? [] : row.tracking.filter((t) => t.line === null);
  return [...own, ...item.filter((t) => !own.some((o) => o.categoryId === t.categoryId))].map((t) => ({
    categoryId: t.categoryId,
    optionId: t.optionId,
  }));
}

/** An item row as the pure rules see it; line items are read leniently from their JSON. */
export function itemToPublish(row: publishingHooks.ItemRow): ItemToPublish {
  const currency = row.currency ?? 'GBP';
  const records = row.lineItems.flatMap((l, i) => (isRecord(l) ? [{ l, i }] : []));
  const lines: ItemLine[] = records.map(({ l, i }) => {
    const amount = str(l, 'amount');
    const tax = str(l, 'tax');
    return {
      tracking: trackingOf(row, i),
      description: str(l, 'description'),
      amountMinor: amount === null ? null : toMinor(amount, currency),
      taxMinor: tax === null ? null : toMinor(tax, currency),
      categoryId: str(l, 'categoryId'),
      taxRateId: str(l, 'taxRateId'),
      productId: str(l, 'productId'),
    };
  });
  return {
    id: row.id,
    workspace: row.workspace,
    contactId: row.contactId,
    contactName: row.contactName,
    date: row.date,
    dueDate: row.dueDate,
    reference: row.reference,
    description: row.description,
    currency: row.currency,
    netMinor: row.netMinor,
    taxMinor: row.taxMinor,
    totalMinor: row.totalMinor,
    categoryId: row.categoryId,
    taxRateId: row.taxRateId,
    paid: row.paid,
    tracking: trackingOf(row, null),
    lines,
  };
}
