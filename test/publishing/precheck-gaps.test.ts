import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../src/shared/contracts/publishing';
import { requestPublish } from '../../src/server/modules/publishing/jobs';
import {
  buildPublishingHarness,
  connectThroughBrowser,
  readyItem,
  signUpClient,
  type Client,
  type PublishingHarness,
} from '../../src/server/modules/publishing/test-kit';

/** The pre-check gaps eval:publish found (0109), each on the simulators over HTTP. */
describe('pre-check gaps found by eval:publish', () => {
  let h: PublishingHarness;
  let xero: { client: Client; accountId: string; tenantId: string };
  let qbo: { client: Client; accountId: string };

  const publication = async (client: Client, accountId: string, itemId: string) =>
    (await client.get(`/api/accounts/${accountId}/publications?itemId=${itemId}`)).json<{
      publications: PublicationView[];
    }>().publications[0];
  const send = (url: string, method: string, body: unknown = {}) =>
    fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    h = await buildPublishingHarness();
    const x = await signUpClient(h.app);
    await connectThroughBrowser(h, x.client, x.accountId, 'xero');
    const [org] = (await (await fetch(`${h.xeroUrl}/_sim/organisations`)).json()) as { tenantId: string }[];
    xero = { ...x, tenantId: org?.tenantId ?? '' };
    qbo = await signUpClient(h.app);
    await connectThroughBrowser(h, qbo.client, qbo.accountId, 'quickbooks');
  });
  afterAll(async () => h.close());

  it('when a QuickBooks bill number was already published for the same supplier, then the next one is held as a duplicate and another supplier may use it', async () => {
    const bill = (contactName: string) =>
      readyItem(h.database.db, qbo.accountId, {
        contactName,
        date: '2026-02-20',
        reference: 'DUP-7',
        netMinor: 5_000n,
        taxMinor: 1_000n,
        categoryCode: '5',
        taxCode: '1',
      });
    const first = await bill('ABC Furniture');
    await qbo.client.post(`/api/accounts/${qbo.accountId}/publications`, { itemIds: [first] });
    expect((await publication(qbo.client, qbo.accountId, first))?.state).toBe('published');
    const again = await bill('ABC Furniture');
    await qbo.client.post(`/api/accounts/${qbo.accountId}/publications`, { itemIds: [again] });
    const held = await publication(qbo.client, qbo.accountId, again);
    expect(held?.state).toBe('held');
    expect(held?.problems.map((p) => p.code)).toEqual(['duplicate_number']);
    const other = await bill('PowerDirect');
    await qbo.client.post(`/api/accounts/${qbo.accountId}/publications`, { itemIds: [other] });
    expect((await publication(qbo.client, qbo.accountId, other))?.state).toBe('published');
  });

  it('when seven bills are published at once on a Xero plan that approves 5 a month, then 5 are published and 2 held, none refused', async () => {
    await send(`${h.xeroUrl}/_sim/organisations/${xero.tenantId}`, 'PATCH', {
      plan: { name: 'Simple', approvedBillsPerMonth: 5 },
    });
    await xero.client.post(`/api/accounts/${xero.accountId}/connections/refresh-lists`);
    const ids: string[] = [];
    for (let i = 1; i <= 7; i += 1)
      ids.push(
        await readyItem(h.database.db, xero.accountId, {
          contactName: 'ABC Furniture',
          date: '2026-02-20',
          reference: `PLAN-${i}`,
          netMinor: 1_000n,
          taxMinor: 200n,
          categoryCode: '429',
          taxCode: 'INPUT2',
        }),
      );
    // No queue in the harness: each request publishes inline, all seven at the same time.
    await Promise.all(ids.map((id) => requestPublish(h.publishing.ctx, { accountId: xero.accountId }, id)));
    const states = await Promise.all(ids.map((id) => publication(xero.client, xero.accountId, id)));
    expect(states.filter((p) => p?.state === 'published')).toHaveLength(5);
    const held = states.filter((p) => p?.state === 'held');
    expect(held).toHaveLength(2);
    for (const p of held) expect(p?.problems.map((x) => x.code)).toEqual(['plan_limit']);
    await send(`${h.xeroUrl}/_sim/organisations/${xero.tenantId}`, 'PATCH', {
      plan: { name: 'Standard', approvedBillsPerMonth: null },
    });
    await xero.client.post(`/api/accounts/${xero.accountId}/connections/refresh-lists`);
  });

  it('when a supplier was archived in Xero and the lists refreshed, then its item is held (no longer linked, matched by name)', async () => {
    const itemId = await readyItem(h.database.db, xero.accountId, {
      contactName: 'PowerDirect',
      date: '2026-02-20',
      reference: 'PD-1',
      netMinor: 1_000n,
      taxMinor: 200n,
      categoryCode: '429',
      taxCode: 'INPUT2',
    });
    await send(`${h.xeroUrl}/_sim/organisations/${xero.tenantId}/contacts/archive`, 'POST', {
      name: 'PowerDirect',
    });
    await xero.client.post(`/api/accounts/${xero.accountId}/connections/refresh-lists`);
    await xero.client.post(`/api/accounts/${xero.accountId}/publications`, { itemIds: [itemId] });
    const held = await publication(xero.client, xero.accountId, itemId);
    expect(held?.state).toBe('held');
    expect(held?.problems.map((p) => p.code)).toEqual(['contact_archived']);
  });
});
