import { randomBytes } from 'node:crypto';
import { LedgerError } from '../../integrations/ledgers/ledger-error';
import type { LedgerKind, LedgerLists, LedgerPort, LedgerSession } from '../../integrations/ledgers/port';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { publishingHooks } from '../review';
import { sha256, TOKEN_REFRESH_MARGIN_MS, type PublishingContext } from './context';
import { CONNECTION_FIX } from './error-catalogue';
import type { ledgerListEntries, LedgerListKind } from '../../db/schema';
import {
  claimListRefresh,
  getConnection,
  releaseListRefresh,
  replaceListEntries,
  saveConnection,
  saveOauthState,
  takeOauthState,
  updateConnection,
  type ConnectionRow,
  type Tenant,
} from './publishing.repo';

/** The connection cannot be used: publishing stops for this client until someone reconnects. */
export class ConnectionProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionProblem';
  }
}

const STATE_TTL_MS = 15 * 60_000;

function portOf(ctx: PublishingContext, software: LedgerKind): LedgerPort {
  const port = ctx.ledgers.port(software);
  if (port === null) {
    throw new Invalid(`${ctx.ledgers.label(software)} is not configured on this Docket server.`, {
      software: 'not configured',
    });
  }
  return port;
}

/** Connect / Reconnect: a one-time state bound to the account and the browser session, and the consent URL. */
export async function startConnect(
  ctx: PublishingContext,
  scope: Tenant & { userId: string },
  software: LedgerKind,
  sessionId: string,
): Promise<string> {
  const port = portOf(ctx, software);
  const state = randomBytes(24).toString('base64url');
  await saveOauthState(ctx.db, {
    stateHash: sha256(state),
    accountId: scope.accountId,
    sessionHash: sha256(sessionId),
    userId: scope.userId,
    software,
    expiresAt: new Date(ctx.clock.now().getTime() + STATE_TTL_MS),
  });
  return port.authorizeUrl({ state, redirectUri: ctx.ledgers.redirectUri(software) });
}

/** The ledger sent the browser back: check the state, trade the code, store sealed tokens, import lists. */
export async function finishConnect(
  ctx: PublishingContext,
  input: { software: LedgerKind; code: string; state: string; realmId?: string; sessionId: string | null },
): Promise<{ accountId: string }> {
  const saved = await takeOauthState(ctx.db, sha256(input.state), ctx.clock.now());
  if (saved === null || saved.software !== input.software)
    throw new Invalid(
      'This connection link has expired or was already used. Start again from Business settings > Connections.',
    );
  if (input.sessionId === null || saved.sessionHash !== sha256(input.sessionId))
    throw new Invalid(
      'This connection was started in another browser session. Start again from Business settings > Connections.',
    );
  const port = portOf(ctx, input.software);
  const grant = await port.exchangeCode({
    code: input.code,
    redirectUri: ctx.ledgers.redirectUri(input.software),
    ...(input.realmId === undefined ? {} : { realmId: input.realmId }),
  });
  const tenant = grant.tenants[0];
  if (tenant === undefined) throw new Conflict('No organisation was chosen on the consent page.');
  const scope: Tenant = { accountId: saved.accountId };
  const now = ctx.clock.now();
  await saveConnection(ctx.db, scope, {
    software: input.software,
    status: 'connected',
    tenantId: tenant.id,
    tenantName: tenant.name,
    accessTokenSealed: ctx.secrets.seal(grant.tokens.accessToken),
    refreshTokenSealed: ctx.secrets.seal(grant.tokens.refreshToken),
    expiresAt: grant.tokens.expiresAt,
    lastError: null,
    lastSyncAt: null,
    connectedByUserId: saved.userId,
    connectedAt: now,
    updatedAt: now,
  });
  await refreshLists(ctx, scope).catch((error: unknown) => {
    ctx.logger?.warn({ err: error }, 'list import after connect failed');
  });
  return { accountId: saved.accountId };
}

/** Disconnect: revoke the grant (best effort), forget the tokens, keep the lists. */
export async function disconnect(ctx: PublishingContext, scope: Tenant): Promise<void> {
  const connection = await getConnection(ctx.db, scope);
  if (connection === null) throw new NotFound('This business is not connected to accounting software.');
  const port = ctx.ledgers.port(connection.software);
  if (port !== null && connection.refreshTokenSealed !== null) {
    await port.revoke(ctx.secrets.open(connection.refreshTokenSealed)).catch(() => undefined);
  }
  await updateConnection(ctx.db, scope, {
    status: 'disconnected',
    accessTokenSealed: null,
    refreshTokenSealed: null,
    expiresAt: null,
    lastError: null,
    updatedAt: ctx.clock.now(),
  });
}

type ListRow = Omit<typeof ledgerListEntries.$inferInsert, 'accountId'>;

const refreshing = new Map<string, Promise<LedgerSession>>();

/** A live session for the account's ledger; tokens are refreshed before they expire (once per account at a time). */
export async function openSession(
  ctx: PublishingContext,
  scope: Tenant,
): Promise<{ port: LedgerPort; session: LedgerSession; connection: ConnectionRow }> {
  const connection = await getConnection(ctx.db, scope);
  if (connection === null || connection.status === 'disconnected')
    throw new ConnectionProblem(
      `This business is not connected to accounting software. ${CONNECTION_FIX.replace('choose Reconnect', 'connect it')}`,
    );
  if (connection.status === 'needs_reconnecting' || connection.refreshTokenSealed === null)
    throw new ConnectionProblem(
      `The connection to ${ctx.ledgers.label(connection.software)} needs reconnecting. ${CONNECTION_FIX}`,
    );
  const port = portOf(ctx, connection.software);
  const expiresAt = connection.expiresAt?.getTime() ?? 0;
  if (
    connection.accessTokenSealed !== null &&
    expiresAt - ctx.clock.now().getTime() > TOKEN_REFRESH_MARGIN_MS
  ) {
    return {
      port,
      connection,
      session: { accessToken: ctx.secrets.open(connection.accessTokenSealed), tenantId: connection.tenantId },
    };
  }
  return { port, connection, session: await refreshSession(ctx, scope, connection, port) };
}

/** Refreshes now (also after a 401 with a token we thought was valid). */
export function refreshSession(
  ctx: PublishingContext,
  scope: Tenant,
  connection: ConnectionRow,
  port: LedgerPort,
): Promise<LedgerSession> {
  const running = refreshing.get(scope.accountId);
  if (running !== undefined) return running;
  const task = (async () => {
    const sealed = connection.refreshTokenSealed;
    if (sealed === null) throw new ConnectionProblem(`The connection needs reconnecting. ${CONNECTION_FIX}`);
    try {
      const tokens = await port.refresh(ctx.secrets.open(sealed));
      const saved = await updateConnection(
        ctx.db,
        scope,
        {
          accessTokenSealed: ctx.secrets.seal(tokens.accessToken),
          refreshTokenSealed: ctx.secrets.seal(tokens.refreshToken),
          expiresAt: tokens.expiresAt,
          updatedAt: ctx.clock.now(),
        },
        sealed,
      );
      if (!saved) {
        // Another process refreshed first: its tokens are the live ones.
        const fresh = await getConnection(ctx.db, scope);
        if (fresh?.accessTokenSealed == null)
          throw new ConnectionProblem(`The connection needs reconnecting. ${CONNECTION_FIX}`);
        return { accessToken: ctx.secrets.open(fresh.accessTokenSealed), tenantId: fresh.tenantId };
      }
      return { accessToken: tokens.accessToken, tenantId: connection.tenantId };
    } catch (error) {
      if (error instanceof LedgerError && error.code === 'unauthorized') {
        await markNeedsReconnecting(ctx, scope, error.vendorMessage);
        throw new ConnectionProblem(
          `The connection to ${ctx.ledgers.label(connection.software)} expired or was disconnected. ${CONNECTION_FIX}`,
        );
      }
      throw error;
    }
  })();
  refreshing.set(scope.accountId, task);
  return task.finally(() => refreshing.delete(scope.accountId));
}

export async function markNeedsReconnecting(
  ctx: PublishingContext,
  scope: Tenant,
  reason: string,
): Promise<void> {
  await updateConnection(ctx.db, scope, {
    status: 'needs_reconnecting',
    lastError: reason,
    updatedAt: ctx.clock.now(),
  });
}

/** How long a list refresh claim lasts: a refresher that dies blocks the others at most this long. */
export const LIST_REFRESH_CLAIM_MS = 2 * 60_000;
/** Lists up to this old are used as they are while another job or process refreshes them (0107). */
export const LISTS_USABLE_MS = 5 * 60_000;
/** How often a job waiting for another's refresh looks again (real time). */
const LIST_REFRESH_POLL_MS = 50;

export interface RefreshListsOptions {
  /** Only if the lists are older than this (pre-check, sweep); by default always (connect, Refresh, job). */
  readonly ifOlderThanMs?: number;
  /** When another refresh is running, leave it to that one instead of waiting (sweep). */
  readonly skipIfBusy?: boolean;
}

/**
 * Imports the ledger's lists, one refresh per account at a time across processes: the refresh is
 * claimed on the connection row (`lists_refreshing_until`, expires after LIST_REFRESH_CLAIM_MS so
 * a crashed refresher never blocks for good). A caller that finds another refresh running uses
 * the lists as they are if they are at most LISTS_USABLE_MS old (with `ifOlderThanMs`), otherwise
 * waits for it and then looks again. Returns whether this call refreshed.
 */
export async function refreshLists(
  ctx: PublishingContext,
  scope: Tenant,
  options: RefreshListsOptions = {},
): Promise<boolean> {
  const ageOf = (lastSyncAt: Date | null) => ctx.clock.now().getTime() - (lastSyncAt?.getTime() ?? 0);
  for (;;) {
    const now = ctx.clock.now();
    const until = new Date(now.getTime() + LIST_REFRESH_CLAIM_MS);
    const claim = await claimListRefresh(ctx.db, scope, now, until);
    // No connection: the import says so (ConnectionProblem), as before.
    if (claim === null) return importLists(ctx, scope).then(() => true);
    const { ifOlderThanMs } = options;
    if (claim.claimed) {
      try {
        // Another job may have refreshed since the caller looked.
        if (ifOlderThanMs !== undefined && ageOf(claim.lastSyncAt) <= ifOlderThanMs) return false;
        await importLists(ctx, scope);
        return true;
      } finally {
        await releaseListRefresh(ctx.db, scope, until).catch((error: unknown) => {
          // The claim then expires on its own.
          ctx.logger?.warn({ err: error }, 'list refresh claim not released');
        });
      }
    }
    if (options.skipIfBusy === true) return false;
    if (ifOlderThanMs !== undefined && ageOf(claim.lastSyncAt) <= LISTS_USABLE_MS) return false;
    // Wait for the running refresh (or its claim to expire), then look again: a refresh that
    // succeeded makes the lists fresh, one that failed leaves the claim to us.
    const lastSync = claim.lastSyncAt?.getTime() ?? null;
    const deadline = claim.refreshingUntil?.getTime() ?? 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, LIST_REFRESH_POLL_MS));
      const current = await getConnection(ctx.db, scope);
      if (current === null) break;
      if (
        current.listsRefreshingUntil?.getTime() !== deadline ||
        (current.lastSyncAt?.getTime() ?? null) !== lastSync ||
        ctx.clock.now().getTime() >= deadline
      )
        break;
    }
    // An unconditional refresh claims and refreshes after the running one: its lists may predate the ask.
  }
}

/** The import itself: the snapshot the pre-check reads, and Docket's categories, tax rates and contacts. */
async function importLists(ctx: PublishingContext, scope: Tenant): Promise<void> {
  const { port, session, connection } = await openSession(ctx, scope);
  let lists: LedgerLists;
  try {
    lists = await ctx.limiter.run(connection.software, connection.tenantId, () => port.fetchLists(session), {
      weight: connection.software === 'xero' ? 6 : 10,
    });
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'unauthorized') {
      await markNeedsReconnecting(ctx, scope, error.vendorMessage);
      throw new ConnectionProblem(`The connection needs reconnecting. ${CONNECTION_FIX}`);
    }
    await updateConnection(ctx.db, scope, {
      lastError: error instanceof Error ? error.message : String(error),
      updatedAt: ctx.clock.now(),
    });
    throw error;
  }
  const ids = await publishingHooks.importLedgerLists(ctx.db, scope, docketListsOf(lists));
  const now = ctx.clock.now();
  const rows: ListRow[] = [];
  const entry = (
    kind: LedgerListKind,
    ledger: { id: string; name: string; active: boolean },
    data: Record<string, unknown>,
    docketId?: string,
  ) => {
    rows.push({
      kind,
      ledgerId: ledger.id,
      name: ledger.name,
      active: ledger.active,
      data,
      docketId: docketId ?? null,
      syncedAt: now,
    });
  };
  entry('organisation', { ...lists.organisation, active: true }, { ...lists.organisation });
  for (const a of lists.accounts)
    entry('account', a, { kind: a.kind, code: a.code, currency: a.currency }, ids.get(`account:${a.id}`));
  for (const a of lists.bankAccounts)
    entry('bank_account', a, { kind: a.kind, code: a.code, currency: a.currency });
  for (const t of lists.taxRates) {
    const data = { rateBasisPoints: t.rateBasisPoints, purchases: t.purchases, sales: t.sales };
    entry(
      'tax_rate',
      t,
      { ...data, salesDocketId: ids.get(`tax:sales:${t.id}`) ?? null },
      ids.get(`tax:costs:${t.id}`),
    );
  }
  for (const c of lists.contacts) {
    const customerDocketId = ids.get(`contact:customer:${c.id}`);
    const data = { supplier: c.supplier, customer: c.customer, currency: c.currency };
    entry(
      'contact',
      c,
      { ...data, customerDocketId: customerDocketId ?? null },
      ids.get(`contact:supplier:${c.id}`) ?? customerDocketId,
    );
  }
  // Xero publishes with at most 2 active tracking categories; QuickBooks has classes and locations.
  const tracking = lists.tracking.filter((t) => t.options.some((o) => o.active)).slice(0, 2);
  for (const t of tracking) entry('tracking', { ...t, active: true }, { kind: t.kind, options: t.options });
  for (const c of lists.currencies) entry('currency', { id: c, name: c, active: true }, {});
  for (const p of lists.products) entry('item', p, { type: p.type, incomeAccountId: p.incomeAccountId });
  await replaceListEntries(ctx.db, scope, rows);
  await updateConnection(ctx.db, scope, {
    lastSyncAt: now,
    lastError: null,
    status: 'connected',
    updatedAt: now,
  });
}

function docketListsOf(lists: LedgerLists): publishingHooks.LedgerListImport {
  const rate = (bp: number) => (bp / 100).toFixed(2).replace(/\.?0+$/, '') || '0';
  return {
    categories: lists.accounts
      .filter((a) => a.kind === 'expense' || a.kind === 'revenue' || a.kind === 'asset')
      .map((a) => ({ key: `account:${a.id}`, name: a.name, code: a.code ?? a.id, active: a.active })),
    taxRates: lists.taxRates.flatMap((t) => [
      ...(t.purchases
        ? [
            {
              key: `tax:costs:${t.id}`,
              workspace: 'costs' as const,
              name: t.name,
              code: t.id,
              rate: rate(t.rateBasisPoints),
              active: t.active,
            },
          ]
        : []),
      ...(t.sales
        ? [
            {
              key: `tax:sales:${t.id}`,
              workspace: 'sales' as const,
              name: t.name,
              code: t.id,
              rate: rate(t.rateBasisPoints),
              active: t.active,
            },
          ]
        : []),
    ]),
    contacts: lists.contacts
      .filter((c) => c.active)
      .flatMap((c) => [
        ...(c.supplier ? [{ key: `contact:supplier:${c.id}`, kind: 'supplier' as const, name: c.name }] : []),
        ...(c.customer ? [{ key: `contact:customer:${c.id}`, kind: 'customer' as const, name: c.name }] : []),
      ]),
  };
}
