import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories } from '../../db/schema';
import {
  accountPublishing,
  buildPublishingHarness,
  connectThroughBrowser,
  firstQuickBooksRealm,
  sampleBill,
  signUpClient,
  simGet,
  simSend,
  type Client,
  type ItemSeed,
  type PublishingHarness,
} from './test-kit';

interface CompanyDump {
  entities: Record<
    string,
    { Id: string; DocNumber?: string; AttachableRef?: { EntityRef: { value: string } }[] }[]
  >;
  files: { attachableId: string; base64: string }[];
}

describe('publishing to QuickBooks Online (simulator over HTTP)', () => {
  let h: PublishingHarness;
  let client: Client;
  let accountId: string;
  let realmId: string;

  const company = () => simGet<CompanyDump>(`${h.quickbooksUrl}/_sim/companies/${realmId}`);
  const bills = async (number: string) =>
    ((await company()).entities['Bill'] ?? []).filter((b) => b.DocNumber === number);
  const { publish, publication, item } = accountPublishing(() => ({ h, client, accountId }));
  const bill = (reference: string, extra: Partial<ItemSeed> = {}) =>
    sampleBill(h, accountId, 'quickbooks', reference, extra);
  const patchCompany = (body: unknown) =>
    simSend(`${h.quickbooksUrl}/_sim/companies/${realmId}`, body, 'PATCH');

  beforeAll(async () => {
    h = await buildPublishingHarness();
    ({ client, accountId } = await signUpClient(h.app));
    realmId = await firstQuickBooksRealm(h);
  });
  afterAll(async () => h.close());

  it('when the admin connects through Intuit’s consent page, then the company and its lists (classes, locations) are imported', async () => {
    const landed = await connectThroughBrowser(h, client, accountId, 'quickbooks');
    expect(landed).toContain('connection=connected');
    const lists = (await client.get(`/api/accounts/${accountId}/publishing/lists`)).json<{
      entries: { kind: string; name: string; data: Record<string, unknown> }[];
    }>();
    expect(lists.entries.filter((e) => e.kind === 'tracking').map((e) => e.data['kind'])).toEqual([
      'class',
      'location',
    ]);
    expect(lists.entries.filter((e) => e.kind === 'currency').map((e) => e.name)).toEqual([
      'GBP',
      'EUR',
      'USD',
    ]);
    const names = (
      await h.database.db.select().from(categories).where(eq(categories.accountId, accountId))
    ).map((c) => c.name);
    expect(names).toContain('Office Expenses');
  });

  it('when a Ready bill is published, then QuickBooks has the Bill and the attachable with the original bytes', async () => {
    const itemId = await bill('QB-1');
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub).toMatchObject({ state: 'published', kind: 'bill', attachmentError: null });
    const [created] = await bills('QB-1');
    expect(created).toBeDefined();
    const file = (await company()).files.find((f) => f.attachableId === pub?.attachmentIds[0]);
    expect(Buffer.from(file?.base64 ?? '', 'base64').toString()).toContain('receipt QB-1');
    expect((await item(itemId))?.status).toBe('archived');
  });

  it('when the books are closed before the item date, then the pre-check holds it in To review', async () => {
    await patchCompany({ bookCloseDate: '2026-01-31' });
    await client.post(`/api/accounts/${accountId}/connections/refresh-lists`);
    const itemId = await bill('QB-2', { date: '2026-01-10' });
    await publish(itemId);
    expect((await publication(itemId))?.problems.map((p) => p.code)).toEqual(['period_closed']);
    expect((await item(itemId))?.status).toBe('to_review');
    expect(await bills('QB-2')).toHaveLength(0);
    await patchCompany({ bookCloseDate: null });
    await client.post(`/api/accounts/${accountId}/connections/refresh-lists`);
  });

  it('when the category was made inactive after the last sync, then Ready (yellow) with the fix; after fixing it publishes', async () => {
    const itemId = await bill('QB-3', { categoryCode: '6' });
    await fetch(`${h.quickbooksUrl}/_sim/companies/${realmId}/deactivate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entity: 'Account', id: '6' }),
    });
    await publish(itemId);
    const failed = await publication(itemId);
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.fix).toContain('Reactivate it in QuickBooks or pick another one');
    expect((await item(itemId))?.status).toBe('ready');
    await client.post(`/api/accounts/${accountId}/connections/refresh-lists`);
    const [office] = await h.database.db.select().from(categories).where(eq(categories.code, '5'));
    await client.request('PATCH', `/api/accounts/${accountId}/items/${itemId}`, { categoryId: office?.id });
    await publish(itemId);
    expect((await publication(itemId))?.state).toBe('published');
    expect(await bills('QB-3')).toHaveLength(1);
  });

  it('when the token expired and QuickBooks throttles with 429, then Docket refreshes, waits Retry-After and creates one bill', async () => {
    h.clock.advance(61 * 60_000);
    for (let i = 0; i < 500; i += 1) {
      const admitted = h.quickbooks.state.limiter.admit(realmId);
      if (admitted.ok) admitted.release();
    }
    const before = h.publishing.ctx.limiter.stats.rateLimited;
    const itemId = await bill('QB-4');
    await publish(itemId);
    expect(h.publishing.ctx.limiter.stats.rateLimited).toBeGreaterThan(before);
    expect((await publication(itemId))?.state).toBe('published');
    expect(await bills('QB-4')).toHaveLength(1);
  });
});
