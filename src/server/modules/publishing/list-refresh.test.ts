import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerConnections } from '../../db/schema';
import { LISTS_MAX_AGE_MS } from './context';
import { LIST_REFRESH_CLAIM_MS, refreshLists } from './connections';
import { requestPublish } from './jobs';
import { getConnection } from './publishing.repo';
import {
  buildPublishingHarness,
  connectThroughBrowser,
  sampleBill,
  signUpClient,
  type PublishingHarness,
} from './test-kit';

/** Issue 7: one list refresh per account at a time, claimed on the connection row (0107). */
describe('list refresh, one at a time per account', () => {
  let h: PublishingHarness;
  let accountId: string;
  /** List refreshes the Xero simulator saw (each starts with GET /Organisation). */
  let listFetches = 0;
  const realFetch = globalThis.fetch;

  const bill = (reference: string) => sampleBill(h, accountId, 'xero', reference);
  const lastSync = async () => (await getConnection(h.database.db, { accountId }))?.lastSyncAt ?? null;
  const listsAged = async (ms: number) => {
    const synced = (await lastSync())?.getTime() ?? 0;
    h.clock.set(new Date(synced + ms));
  };

  beforeAll(async () => {
    h = await buildPublishingHarness();
    const signedUp = await signUpClient(h.app);
    accountId = signedUp.accountId;
    globalThis.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.startsWith(h.xeroUrl) && new URL(url).pathname.endsWith('/Organisation')) listFetches += 1;
      return realFetch(input, init);
    };
    await connectThroughBrowser(h, signedUp.client, accountId, 'xero');
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await h.close();
  });
  beforeEach(() => {
    listFetches = 0;
  });
  afterEach(async () => {
    await h.database.db
      .update(ledgerConnections)
      .set({ listsRefreshingUntil: null })
      .where(eq(ledgerConnections.accountId, accountId));
  });

  it('when two publishes find the lists stale (4.5 min) at once, then one refreshes and the other uses the lists as they are', async () => {
    await listsAged(LISTS_MAX_AGE_MS + 30_000);
    const [a, b] = [await bill('LR-1'), await bill('LR-2')];
    const outcomes = await Promise.all([
      requestPublish(h.publishing.ctx, { accountId }, a),
      requestPublish(h.publishing.ctx, { accountId }, b),
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['published', 'published']);
    expect(listFetches).toBe(1);
    expect((await lastSync())?.getTime()).toBe(h.clock.now().getTime());
  });

  it('when three pre-checks find the lists older than 5 minutes at once, then one refreshes and the others wait for it', async () => {
    await listsAged(6 * 60_000);
    const refreshed = await Promise.all(
      [1, 2, 3].map(() => refreshLists(h.publishing.ctx, { accountId }, { ifOlderThanMs: LISTS_MAX_AGE_MS })),
    );
    expect(refreshed.filter(Boolean)).toHaveLength(1);
    expect(listFetches).toBe(1);
    const row = await getConnection(h.database.db, { accountId });
    expect(row?.listsRefreshingUntil).toBeNull();
    expect(row?.lastSyncAt?.getTime()).toBe(h.clock.now().getTime());
  });

  it('when a refresher died holding the claim, then stale-but-usable lists are used, and older ones are refreshed once the claim expires', async () => {
    await listsAged(LISTS_MAX_AGE_MS + 30_000);
    const crashedUntil = new Date(h.clock.now().getTime() + LIST_REFRESH_CLAIM_MS);
    await h.database.db
      .update(ledgerConnections)
      .set({ listsRefreshingUntil: crashedUntil })
      .where(eq(ledgerConnections.accountId, accountId));
    expect(await refreshLists(h.publishing.ctx, { accountId }, { ifOlderThanMs: LISTS_MAX_AGE_MS })).toBe(
      false,
    );
    expect(listFetches).toBe(0);

    h.clock.advance(60_000); // now 5.5 minutes old: waits for the claim
    let done = false;
    const waiting = refreshLists(h.publishing.ctx, { accountId }, { ifOlderThanMs: LISTS_MAX_AGE_MS }).then(
      (r) => {
        done = true;
        return r;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    expect(listFetches).toBe(0);
    h.clock.set(crashedUntil);
    expect(await waiting).toBe(true);
    expect(listFetches).toBe(1);
    expect((await getConnection(h.database.db, { accountId }))?.listsRefreshingUntil).toBeNull();
  });

  it('when the sweep finds another refresh running, then it leaves it to that one', async () => {
    await listsAged(10 * 60_000);
    await h.database.db
      .update(ledgerConnections)
      .set({ listsRefreshingUntil: new Date(h.clock.now().getTime() + 60_000) })
      .where(eq(ledgerConnections.accountId, accountId));
    expect(
      await refreshLists(
        h.publishing.ctx,
        { accountId },
        { ifOlderThanMs: LISTS_MAX_AGE_MS, skipIfBusy: true },
      ),
    ).toBe(false);
    expect(listFetches).toBe(0);
  });

  it('when Refresh is asked while lists are fresh, then it refreshes (unconditional) and releases the claim', async () => {
    expect(await refreshLists(h.publishing.ctx, { accountId })).toBe(true);
    expect(listFetches).toBe(1);
    expect((await getConnection(h.database.db, { accountId }))?.listsRefreshingUntil).toBeNull();
  });
});
