import { sha256 } from './context';
import { and, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { DEFAULT_PUBLISHING_SETTINGS, PublishingSettings } from '../../../shared/contracts/publishing';
import type { Db } from '../../db/connect';
import {
  ledgerConnections,
  ledgerListEntries,
  ledgerOauthStates,
  paymentMethodLinks,
  publications,
  publishingSettings,
  type LedgerListKind,
} from '../../db/schema';
import type { Scope } from '../access';

/** This module's SQL. Every function takes the tenant (a Scope, or the account a job acts for). */
export type Tenant = Pick<Scope, 'accountId'>;
export type ConnectionRow = typeof ledgerConnections.$inferSelect;
export type ListEntryRow = typeof ledgerListEntries.$inferSelect;
export type PublicationRow = typeof publications.$inferSelect;
export type PaymentMethodLinkRow = typeof paymentMethodLinks.$inferSelect;

export async function getConnection(db: Db, tenant: Tenant): Promise<ConnectionRow | null> {
  const [row] = await db
    .select()
    .from(ledgerConnections)
    .where(eq(ledgerConnections.accountId, tenant.accountId));
  return row ?? null;
}

export async function saveConnection(
  db: Db,
  tenant: Tenant,
  values: Omit<typeof ledgerConnections.$inferInsert, 'accountId'>,
): Promise<void> {
  await db
    .insert(ledgerConnections)
    .values({ ...values, accountId: tenant.accountId })
    .onConflictDoUpdate({ target: ledgerConnections.accountId, set: values });
}

export async function updateConnection(
  db: Db,
  tenant: Tenant,
  set: Partial<ConnectionRow>,
  onlyIfRefreshToken?: string | null,
): Promise<boolean> {
  const rows = await db
    .update(ledgerConnections)
    .set(set)
    .where(
      and(
        eq(ledgerConnections.accountId, tenant.accountId),
        onlyIfRefreshToken === undefined || onlyIfRefreshToken === null
          ? undefined
          : eq(ledgerConnections.refreshTokenSealed, onlyIfRefreshToken),
      ),
    )
    .returning({ id: ledgerConnections.accountId });
  return rows.length > 0;
}

/**
 * Claims the account's list refresh until `until`, unless another claim is still running at `now`
 * (a claim past its time is taken over: its holder died or overran). Returns the lists' age
 * marker either way, and whether the claim is ours.
 */
export async function claimListRefresh(
  db: Db,
  tenant: Tenant,
  now: Date,
  until: Date,
): Promise<{ claimed: boolean; lastSyncAt: Date | null; refreshingUntil: Date | null } | null> {
  const [row] = await db
    .update(ledgerConnections)
    .set({ listsRefreshingUntil: until })
    .where(
      and(
        eq(ledgerConnections.accountId, tenant.accountId),
        or(isNull(ledgerConnections.listsRefreshingUntil), lte(ledgerConnections.listsRefreshingUntil, now)),
      ),
    )
    .returning({ lastSyncAt: ledgerConnections.lastSyncAt });
  if (row !== undefined) return { claimed: true, lastSyncAt: row.lastSyncAt, refreshingUntil: until };
  const [other] = await db
    .select({
      lastSyncAt: ledgerConnections.lastSyncAt,
      refreshingUntil: ledgerConnections.listsRefreshingUntil,
    })
    .from(ledgerConnections)
    .where(eq(ledgerConnections.accountId, tenant.accountId));
  return other === undefined ? null : { claimed: false, ...other };
}

/** Ends our claim (only ours: a claim taken over after ours expired stays). */
export async function releaseListRefresh(db: Db, tenant: Tenant, until: Date): Promise<void> {
  await db
    .update(ledgerConnections)
    .set({ listsRefreshingUntil: null })
    .where(
      and(
        eq(ledgerConnections.accountId, tenant.accountId),
        eq(ledgerConnections.listsRefreshingUntil, until),
      ),
    );
}

/** Accounts whose lists are older than `before` (for the refresh job). */
export async function staleConnections(db: Db, before: Date): Promise<string[]> {
  const rows = await db
    .select({ accountId: ledgerConnections.accountId })
    .from(ledgerConnections)
    .where(
      and(
        eq(ledgerConnections.status, 'connected'),
        sql`coalesce(${ledgerConnections.lastSyncAt}, 'epoch'::timestamptz) < ${before}`,
      ),
    );
  return rows.map((r) => r.accountId);
}

export async function connectedAccounts(db: Db): Promise<string[]> {
  const rows = await db
    .select({ accountId: ledgerConnections.accountId })
    .from(ledgerConnections)
    .where(eq(ledgerConnections.status, 'connected'));
  return rows.map((r) => r.accountId);
}

export async function connectionStatuses(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  return db
    .select({
      accountId: ledgerConnections.accountId,
      software: ledgerConnections.software,
      status: ledgerConnections.status,
      lastSyncAt: ledgerConnections.lastSyncAt,
    })
    .from(ledgerConnections)
    .where(inArray(ledgerConnections.accountId, [...accountIds]));
}

export async function saveOauthState(db: Db, values: typeof ledgerOauthStates.$inferInsert): Promise<void> {
  await db.insert(ledgerOauthStates).values(values);
}

/** Takes a state once: it is deleted whether or not it is still valid. */
export async function takeOauthState(db: Db, stateHash: string, now: Date) {
  const [row] = await db
    .delete(ledgerOauthStates)
    .where(eq(ledgerOauthStates.stateHash, stateHash))
    .returning();
  await db.delete(ledgerOauthStates).where(lt(ledgerOauthStates.expiresAt, now));
  return row !== undefined && row.expiresAt > now ? row : null;
}

export async function listEntries(
  db: Db,
  tenant: Tenant,
  kinds?: readonly LedgerListKind[],
): Promise<ListEntryRow[]> {
  return db
    .select()
    .from(ledgerListEntries)
    .where(
      and(
        eq(ledgerListEntries.accountId, tenant.accountId),
        kinds === undefined ? undefined : inArray(ledgerListEntries.kind, [...kinds]),
      ),
    );
}

/** Replaces the imported lists with a fresh import (rows no longer in the ledger go). */
export async function replaceListEntries(
  db: Db,
  tenant: Tenant,
  rows: readonly Omit<typeof ledgerListEntries.$inferInsert, 'accountId'>[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(ledgerListEntries).where(eq(ledgerListEntries.accountId, tenant.accountId));
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, accountId: tenant.accountId }));
      if (chunk.length > 0) await tx.insert(ledgerListEntries).values(chunk);
    }
  });
}

export async function getSettings(db: Db, tenant: Tenant): Promise<PublishingSettings> {
  const [row] = await db
    .select()
    .from(publishingSettings)
    .where(eq(publishingSettings.accountId, tenant.accountId));
  const parsed = PublishingSettings.safeParse(row?.settings ?? DEFAULT_PUBLISHING_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_PUBLISHING_SETTINGS;
}

export async function saveSettings(
  db: Db,
  tenant: Tenant,
  settings: PublishingSettings,
  at: Date,
): Promise<void> {
  await db
    .insert(publishingSettings)
    .values({ accountId: tenant.accountId, settings, updatedAt: at })
    .onConflictDoUpdate({ target: publishingSettings.accountId, set: { settings, updatedAt: at } });
}

export async function paymentMethodLinksOf(db: Db, tenant: Tenant): Promise<PaymentMethodLinkRow[]> {
  return db.select().from(paymentMethodLinks).where(eq(paymentMethodLinks.accountId, tenant.accountId));
}

export async function savePaymentMethodLink(
  db: Db,
  tenant: Tenant,
  link: Omit<PaymentMethodLinkRow, 'accountId'>,
): Promise<void> {
  const { paymentMethodId, ...set } = link;
  await db
    .insert(paymentMethodLinks)
    .values({ ...link, accountId: tenant.accountId, paymentMethodId })
    .onConflictDoUpdate({ target: [paymentMethodLinks.accountId, paymentMethodLinks.paymentMethodId], set });
}

export async function getPublication(db: Db, tenant: Tenant, itemId: string): Promise<PublicationRow | null> {
  const [row] = await db
    .select()
    .from(publications)
    .where(and(eq(publications.accountId, tenant.accountId), eq(publications.itemId, itemId)));
  return row ?? null;
}

export async function publicationsOf(
  db: Db,
  tenant: Tenant,
  itemIds?: readonly string[],
): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publications)
    .where(
      and(
        eq(publications.accountId, tenant.accountId),
        itemIds === undefined ? undefined : inArray(publications.itemId, [...itemIds]),
      ),
    )
    .limit(1000);
}

export async function upsertPublication(
  db: Db,
  tenant: Tenant,
  itemId: string,
  set: Partial<Omit<PublicationRow, 'accountId' | 'itemId'>> & Pick<PublicationRow, 'state' | 'updatedAt'>,
): Promise<PublicationRow> {
  const [row] = await db
    .insert(publications)
    .values({ ...set, accountId: tenant.accountId, itemId })
    .onConflictDoUpdate({
      target: publications.itemId,
      set,
      setWhere: eq(publications.accountId, tenant.accountId),
    })
    .returning();
  if (!row) throw new Error('publication upsert returned nothing');
  return row;
}

/**
 * Claims the item for one publisher: only from a state that is not already publishing or published
 * (the "already published" guard). Returns null when another run holds it or it is published.
 */
export async function claimPublication(
  db: Db,
  tenant: Tenant,
  itemId: string,
  at: Date,
  staleBefore: Date,
): Promise<PublicationRow | null> {
  await db
    .insert(publications)
    .values({ accountId: tenant.accountId, itemId, state: 'queued', updatedAt: at })
    .onConflictDoNothing();
  const [row] = await db
    .update(publications)
    .set({ state: 'publishing', updatedAt: at })
    .where(
      and(
        eq(publications.accountId, tenant.accountId),
        eq(publications.itemId, itemId),
        sql`(${publications.state} in ('queued', 'failed', 'held') or (${publications.state} = 'publishing' and ${publications.updatedAt} < ${staleBefore}))`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Non-draft bills Docket published to an organisation since `since` (small Xero plans). */
export async function approvedBillsSince(
  db: Db,
  tenant: Tenant,
  tenantId: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publications)
    .where(
      and(
        eq(publications.accountId, tenant.accountId),
        eq(publications.tenantId, tenantId),
        eq(publications.state, 'published'),
        eq(publications.kind, 'bill'),
        sql`${publications.ledgerStatus} <> 'DRAFT'`,
        gte(publications.publishedAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** Another item of this account published with the same number (and, when given, the same supplier). */
export async function publishedNumberExists(
  db: Db,
  tenant: Tenant,
  itemId: string,
  number: string,
  supplier?: { readonly contactId: string | null; readonly contactName: string | null },
): Promise<boolean> {
  const sameSupplier =
    supplier === undefined
      ? undefined
      : sql`exists (select 1 from items i where i.id = ${publications.itemId} and (i.contact_id = ${supplier.contactId} or lower(i.contact_name) = lower(${supplier.contactName ?? ''})))`;
  const [row] = await db
    .select({ itemId: publications.itemId })
    .from(publications)
    .where(
      and(
        eq(publications.accountId, tenant.accountId),
        eq(publications.state, 'published'),
        eq(publications.ledgerNumber, number),
        sql`${publications.itemId} <> ${itemId}`,
        sameSupplier,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Other items of this account on their way to the ledger that may become approved bills (small
 * Xero plans): created but not yet marked published, or claimed before this one (so of several
 * pre-checks running at once, each counts only those ahead of it).
 */
export async function billsInFlightAhead(
  db: Db,
  tenant: Tenant,
  itemId: string,
  claimedAt: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publications)
    .where(
      and(
        eq(publications.accountId, tenant.accountId),
        eq(publications.state, 'publishing'),
        sql`${publications.itemId} <> ${itemId}`,
        sql`((${publications.ledgerDocumentId} is not null and ${publications.kind} = 'bill' and coalesce(${publications.ledgerStatus}, '') <> 'DRAFT')
          or (${publications.ledgerDocumentId} is null and (${publications.updatedAt} < ${claimedAt} or (${publications.updatedAt} = ${claimedAt} and ${publications.itemId} < ${itemId}))))`,
      ),
    );
  return row?.n ?? 0;
}

/** The account an OAuth state was issued for, without using the state up (for the callback's redirect). */
export async function accountOfState(db: Db, state: string): Promise<string | null> {
  const [row] = await db
    .select({ accountId: ledgerOauthStates.accountId })
    .from(ledgerOauthStates)
    .where(eq(ledgerOauthStates.stateHash, sha256(state)));
  return row?.accountId ?? null;
}
