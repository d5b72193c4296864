import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPublishingHarness,
  connectThroughBrowser,
  signUpClient,
  type Client,
  type PublishingHarness,
} from './test-kit';

interface Lists {
  entries: { kind: string; ledgerId: string; name: string; active: boolean; data: Record<string, unknown> }[];
}

/** GET /publishing/lists, which Lists > Products and services reads (QuickBooks Online). */
describe('the imported lists over HTTP: QuickBooks products and services', () => {
  let h: PublishingHarness;
  let client: Client;
  let accountId: string;
  beforeAll(async () => {
    h = await buildPublishingHarness();
    ({ client, accountId } = await signUpClient(h.app));
    await connectThroughBrowser(h, client, accountId, 'quickbooks');
  });
  afterAll(async () => h.close());

  it('when QuickBooks is connected, then the lists hold its products and services with the income account they post to, which is one of the imported accounts', async () => {
    const res = await client.get(`/api/accounts/${accountId}/publishing/lists`);
    expect(res.statusCode).toBe(200);
    const { entries } = res.json<Lists>();
    const products = entries.filter((e) => e.kind === 'item');
    expect(products).toEqual([
      expect.objectContaining({
        name: 'Services',
        active: true,
        data: { type: 'Service', incomeAccountId: '8' },
      }),
    ]);
    const income = entries.find((e) => e.kind === 'account' && e.ledgerId === '8');
    expect(income).toMatchObject({ name: 'Sales', active: true });
  });

  it("when another account asks for this account's lists, then 404 and nothing of them", async () => {
    const other = await signUpClient(h.app);
    const res = await other.client.get(`/api/accounts/${accountId}/publishing/lists`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Services');
    // Its own lists are empty: nothing imported, no connection.
    const own = await other.client.get(`/api/accounts/${other.accountId}/publishing/lists`);
    expect(own.json()).toEqual({ lastSyncAt: null, entries: [] });
  });
});
