import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { ledgerConnections, ledgerListEntries, type TrackingPick } from '../../db/schema';
import { Conflict, Invalid } from '../../lib/errors';
import type { Tenant } from './settle';

/**
 * What review needs to know of the accounting software: whether one is connected (its lists are
 * then the ledger's and read-only here) and the tracking lists imported from it. Read-only queries
 * on the publishing module's tables: publishing imports review (publishingHooks), so review cannot
 * import publishing's front door without a cycle (decision 0110).
 */

export interface LedgerRef {
  readonly software: 'xero' | 'quickbooks';
  readonly name: string;
}

const NAMES = { xero: 'Xero', quickbooks: 'QuickBooks Online' } as const;

/** The connected accounting software (connected, needing reconnection or failing), or null. */
export async function connectedLedger(db: Db, tenant: Tenant): Promise<LedgerRef | null> {
  const [row] = await db
    .select({ software: ledgerConnections.software, status: ledgerConnections.status })
    .from(ledgerConnections)
    .where(eq(ledgerConnections.accountId, tenant.accountId));
  if (row === undefined || row.status === 'disconnected') return null;
  return { software: row.software, name: NAMES[row.software] };
}

export interface TrackingOption {
  readonly id: string;
  readonly name: string;
}
export interface TrackingList {
  readonly id: string;
  readonly name: string;
  readonly kind: 'tracking' | 'class' | 'location';
  readonly options: TrackingOption[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The imported tracking lists (Xero's active categories; QuickBooks classes and locations), active options only. */
export async function trackingLists(db: Db, tenant: Tenant): Promise<TrackingList[]> {
  const rows = await db
    .select()
    .from(ledgerListEntries)
    .where(
      and(
        eq(ledgerListEntries.accountId, tenant.accountId),
        eq(ledgerListEntries.kind, 'tracking'),
        eq(ledgerListEntries.active, true),
      ),
    );
  const sorted = [...rows].sort((a, b) => a.name.localeCompare(b.name));
  return sorted.map((r) => {
    const kind = r.data['kind'];
    const options = Array.isArray(r.data['options']) ? (r.data['options'] as unknown[]) : [];
    return {
      id: r.ledgerId,
      name: r.name,
      kind: kind === 'class' || kind === 'location' ? kind : 'tracking',
      options: options
        .filter(isRecord)
        .filter((o) => o['active'] !== false && typeof o['id'] === 'string' && typeof o['name'] === 'string')
        .map((o) => ({ id: String(o['id']), name: String(o['name']) })),
    };
  });
}

/**
 * Checks tracking picks: each option must be an active option of an imported, active tracking list
 * of this account, one per list per line, on a line the item has. Returns the picks, ordered.
 */
export async function checkTracking(
  db: Db,
  tenant: Tenant,
  picks: readonly { categoryId: string; optionId: string; line?: number | null | undefined }[],
  lineCount: number,
): Promise<TrackingPick[]> {
  if (picks.length === 0) return [];
  const lists = await trackingLists(db, tenant);
  const seen = new Set<string>();
  const out: TrackingPick[] = [];
  for (const p of picks) {
    const line = p.line ?? null;
    const list = lists.find((l) => l.id === p.categoryId);
    if (list === undefined)
      throw new Invalid('No such tracking list: refresh the lists from the accounting software.', {
        tracking: 'not an imported tracking list of this account',
      });
    if (!list.options.some((o) => o.id === p.optionId))
      throw new Invalid(`That option is not an active option of ${list.name}.`, {
        tracking: `not an active option of ${list.name}`,
      });
    if (line !== null && line >= lineCount)
      throw new Invalid(`The item has no line item ${line + 1}.`, { tracking: 'no such line item' });
    const key = `${line ?? '-'}:${list.id}`;
    if (seen.has(key))
      throw new Invalid(`Pick one ${list.name} option per line.`, { tracking: 'one option per list' });
    seen.add(key);
    out.push({ categoryId: p.categoryId, optionId: p.optionId, line });
  }
  return out.sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
}

const LIST_WORDS = { categories: 'Categories', tax_rates: 'Tax rates' } as const;

/** With accounting software connected, categories and tax rates are the ledger's: refused here. */
export async function assertListEditable(
  db: Db,
  tenant: Tenant,
  list: keyof typeof LIST_WORDS,
): Promise<void> {
  const ledger = await connectedLedger(db, tenant);
  if (ledger === null) return;
  const only = list === 'categories' ? ' Only Visible can be changed in Docket.' : '';
  throw new Conflict(
    `${LIST_WORDS[list]} come from ${ledger.name} while this business is connected to it: change them in ${ledger.name}, then Refresh lists in Business settings > Connections.${only}`,
  );
}

/** Manual Ready / To review is for businesses without accounting software. */
export async function assertNoLedger(db: Db, tenant: Tenant): Promise<void> {
  const ledger = await connectedLedger(db, tenant);
  if (ledger === null) return;
  throw new Conflict(
    `This business publishes to ${ledger.name}: Ready is decided by the item's fields and the publishing pre-check, not moved by hand.`,
  );
}
