import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../../shared/contracts/publishing';
import { categories, items, ledgerConnections } from '../../db/schema';
import {
  accountPublishing,
  buildPublishingHarness,
  connectThroughBrowser,
  firstXeroTenant,
  sampleBill,
  signUpClient,
  simGet,
  type Client,
  type ItemSeed,
  type PublishingHarness,
} from './test-kit';

interface XeroDump {
  tenantId: string;
  invoices: { InvoiceID: string; InvoiceNumber?: string; Status: string }[];
  attachments: Record<string, { FileName: string; base64: string }[]>;
}

describe('publishing to Xero (simulator over HTTP)', () => {
  let h: PublishingHarness;
  let client: Client;
  let accountId: string;
  let tenantId: string;

  const dump = () => simGet<XeroDump>(`${h.xeroUrl}/_sim/organisations/${tenantId}`);
  const { publish, publication, item } = accountPublishing(() => ({ h, client, accountId }));
  const bill = (reference: string, extra: Partial<ItemSeed> = {}) =>
    sampleBill(h, accountId, 'xero', reference, extra);

  beforeAll(async () => {
    h = await buildPublishingHarness();
    ({ client, accountId } = await signUpClient(h.app));
    tenantId = await firstXeroTenant(h);
  });
  afterAll(async () => h.close());

  it('when the admin connects through the OAuth redirect and consent page, then the connection is stored sealed and the lists are imported', async () => {
    const landed = await connectThroughBrowser(h, client, accountId, 'xero');
    expect(landed).toBe(
      `http://docket.test/a/${accountId}/business-settings/connections?connection=connected&software=xero`,
    );
    const page = (await client.get(`/api/accounts/${accountId}/connections`)).json<{
      connection: { status: string; softwareName: string; organisation: { name: string } };
    }>();
    expect(page.connection).toMatchObject({
      status: 'connected',
      softwareName: 'Xero (simulated)',
      organisation: { name: 'Demo Company (UK)' },
    });
    const [row] = await h.database.db
      .select()
      .from(ledgerConnections)
      .where(eq(ledgerConnections.accountId, accountId));
    expect(row?.accessTokenSealed?.startsWith('v1.')).toBe(true);
    const lists = (await client.get(`/api/accounts/${accountId}/publishing/lists`)).json<{
      entries: { kind: string; name: string }[];
    }>();
    const kinds = new Set(lists.entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual([
      'account',
      'bank_account',
      'contact',
      'currency',
      'organisation',
      'tax_rate',
      'tracking',
    ]);
    expect(lists.entries.filter((e) => e.kind === 'tracking').map((e) => e.name)).toEqual([
      'Region',
      'Department',
    ]);
    const names = (
      await h.database.db.select().from(categories).where(eq(categories.accountId, accountId))
    ).map((c) => c.name);
    expect(names).toContain('General Expenses');
    expect(names).not.toContain('Old Motor Expenses');
  });

  it('when a Ready bill is published, then Xero has the bill with the original document and the item is archived with an Open in Xero link', async () => {
    const itemId = await bill('AF-1');
    const res = await publish(itemId);
    expect(res.json()).toEqual({ queued: [itemId], skipped: [] });
    const pub = await publication(itemId);
    expect(pub).toMatchObject({
      state: 'published',
      kind: 'bill',
      ledgerNumber: 'AF-1',
      attachmentError: null,
    });
    expect(pub?.ledgerUrl).toBe(
      `${h.xeroUrl}/_sim/organisations/${tenantId}/documents/${pub?.ledgerDocumentId ?? ''}`,
    );
    const opened = (await (await fetch(pub?.ledgerUrl ?? '')).json()) as {
      attachments: { FileName: string }[];
    };
    expect(opened.attachments.map((a) => a.FileName)).toEqual(['AF-1.pdf']);
    const org = await dump();
    const created = org.invoices.filter((i) => i.InvoiceNumber === 'AF-1');
    expect(created).toHaveLength(1);
    const attached = org.attachments[created[0]?.InvoiceID ?? ''];
    expect(Buffer.from(attached?.[0]?.base64 ?? '', 'base64').toString()).toContain('receipt AF-1');
    expect((await item(itemId))?.status).toBe('archived');
  });

  it('when an item is published again, then the already-published guard refuses and Xero still has one bill', async () => {
    const itemId = await bill('AF-2');
    await publish(itemId);
    const again = (await publish(itemId)).json<{ skipped: { reason: string }[] }>();
    expect(again.skipped[0]?.reason).toBe('Already published.');
    expect((await dump()).invoices.filter((i) => i.InvoiceNumber === 'AF-2')).toHaveLength(1);
  });

  it('when the date is inside the Xero lock date, then the pre-check keeps the item in To review with the reason and no call is made', async () => {
    await fetch(`${h.xeroUrl}/_sim/organisations/${tenantId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ periodLockDate: '2026-01-31' }),
    });
    await client.post(`/api/accounts/${accountId}/connections/refresh-lists`);
    const itemId = await bill('AF-3', { date: '2026-01-15' });
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub?.state).toBe('held');
    expect(pub?.problems.map((p) => p.code)).toEqual(['lock_date']);
    const row = await item(itemId);
    expect(row?.status).toBe('to_review');
    expect(row?.statusReason).toContain('lock date');
    expect((await dump()).invoices.filter((i) => i.InvoiceNumber === 'AF-3')).toHaveLength(0);
    await fetch(`${h.xeroUrl}/_sim/organisations/${tenantId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ periodLockDate: null }),
    });
    await client.post(`/api/accounts/${accountId}/connections/refresh-lists`);
  });

  it('when the category was archived in Xero after the last sync, then the item is Ready (yellow) with the catalogue fix, and after the fix it publishes', async () => {
    const itemId = await bill('AF-4', { categoryCode: '461' });
    await fetch(`${h.xeroUrl}/_sim/organisations/${tenantId}/accounts/461/archive`, { method: 'POST' });
    await publish(itemId);
    const failed = await publication(itemId);
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.message).toBe("The item's category is archived or deleted in Xero.");
    expect(failed?.error?.fix).toContain('Refresh lists');
    expect(failed?.error?.vendorMessage).toContain("Account code '461' has been archived");
    expect((await item(itemId))?.status).toBe('ready');
    expect((await item(itemId))?.statusReason).toContain('archived or deleted in Xero');

    await client.post(`/api/accounts/${accountId}/connections/refresh-lists`);
    const [other] = await h.database.db.select().from(categories).where(eq(categories.code, '400'));
    await client.request('PATCH', `/api/accounts/${accountId}/items/${itemId}`, { categoryId: other?.id });
    await publish(itemId);
    expect(await publication(itemId)).toMatchObject({ state: 'published', error: null });
    expect((await item(itemId))?.statusReason).toBeNull();
    expect((await dump()).invoices.filter((i) => i.InvoiceNumber === 'AF-4')).toHaveLength(1);
  });

  it('when the access token has expired (by time or revoked early), then Docket refreshes it and publishes', async () => {
    h.clock.advance(31 * 60_000);
    const first = await bill('AF-5');
    await publish(first);
    expect((await publication(first))?.state).toBe('published');
    await fetch(`${h.xeroUrl}/_sim/tokens/expire`, { method: 'POST' });
    const second = await bill('AF-6');
    await publish(second);
    expect((await publication(second))?.state).toBe('published');
  });

  it('when Xero answers 429 with Retry-After, then Docket waits, sends the same call again and creates one bill', async () => {
    for (let i = 0; i < 60; i += 1) {
      const admitted = h.xero.state.limiter.admit(tenantId);
      if (admitted.ok) admitted.release();
    }
    const before = h.publishing.ctx.limiter.stats.rateLimited;
    const itemId = await bill('AF-7');
    await publish(itemId);
    expect(h.publishing.ctx.limiter.stats.rateLimited).toBe(before + 1);
    expect((await publication(itemId))?.state).toBe('published');
    expect((await dump()).invoices.filter((i) => i.InvoiceNumber === 'AF-7')).toHaveLength(1);
  });

  it('when a published item is unarchived with Clear publishing data, then it can be published again on purpose', async () => {
    const itemId = await bill('AF-8');
    await publish(itemId);
    const cleared = await client.post(`/api/accounts/${accountId}/publications/${itemId}/clear`);
    expect(cleared.json<{ publications: PublicationView[] }>().publications[0]).toMatchObject({
      state: 'held',
      ledgerDocumentId: null,
    });
    expect((await item(itemId))?.status).toBe('ready');
    await publish(itemId);
    expect((await publication(itemId))?.state).toBe('published');
    expect((await dump()).invoices.filter((i) => i.InvoiceNumber === 'AF-8')).toHaveLength(2);
  });

  it('when the business disconnects, then the lists stay and publishing stops with a message pointing to Business settings > Connections', async () => {
    await client.post(`/api/accounts/${accountId}/connections/disconnect`);
    const page = (await client.get(`/api/accounts/${accountId}/connections`)).json<{
      connection: { status: string };
    }>();
    expect(page.connection.status).toBe('disconnected');
    const lists = (await client.get(`/api/accounts/${accountId}/publishing/lists`)).json<{
      entries: unknown[];
    }>();
    expect(lists.entries.length).toBeGreaterThan(10);
    const itemId = await bill('AF-9');
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub?.state).toBe('failed');
    expect(pub?.error?.message).toContain('Business settings > Connections');
    expect((await item(itemId))?.status).toBe('ready');
  });

  it('when another account asks for these connections or publications, then it gets 404 or nothing', async () => {
    const stranger = await signUpClient(h.app);
    expect((await stranger.client.get(`/api/accounts/${accountId}/connections`)).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/accounts/${accountId}/publications`)).statusCode).toBe(404);
    expect((await stranger.client.post(`/api/accounts/${accountId}/connections/disconnect`)).statusCode).toBe(
      404,
    );
    const [someItem] = await h.database.db
      .select({ id: items.id })
      .from(items)
      .where(eq(items.accountId, accountId))
      .limit(1);
    const cross = await stranger.client.post(`/api/accounts/${stranger.accountId}/publications`, {
      itemIds: [someItem?.id],
    });
    expect(cross.statusCode).toBe(404);
    const own = (await stranger.client.get(`/api/accounts/${stranger.accountId}/publications`)).json<{
      publications: unknown[];
    }>();
    expect(own.publications).toEqual([]);
    const conn = (await stranger.client.get(`/api/accounts/${stranger.accountId}/connections`)).json<{
      connection: unknown;
    }>();
    expect(conn.connection).toBeNull();
  });
});
