import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishingSettings } from '../../../shared/contracts/publishing';
import {
  accountPublishing,
  buildPublishingHarness,
  connectThroughBrowser,
  firstQuickBooksRealm,
  paymentMethod,
  readyItem,
  signUpClient,
  simGet,
  type Client,
  type PublishingHarness,
} from './test-kit';

type Line = Record<string, unknown>;
interface CompanyDump {
  entities: Record<string, (Record<string, unknown> & { Id: string; DocNumber?: string; Line?: Line[] })[]>;
}

describe('QuickBooks Online sales invoices and paid costs (simulator over HTTP)', () => {
  let h: PublishingHarness;
  let client: Client;
  let accountId: string;
  let realmId: string;

  const company = () => simGet<CompanyDump>(`${h.quickbooksUrl}/_sim/companies/${realmId}`);
  const created = async (entity: string, number: string) =>
    ((await company()).entities[entity] ?? []).filter((d) => d.DocNumber === number);
  const { publish, publication, item } = accountPublishing(() => ({ h, client, accountId }));
  const status = async (itemId: string) => (await item(itemId))?.status;
  const settings = async (sales: Partial<PublishingSettings['sales']>) => {
    const current = (
      await client.get(`/api/accounts/${accountId}/publishing/settings`)
    ).json<PublishingSettings>();
    const saved = await client.request('PUT', `/api/accounts/${accountId}/publishing/settings`, {
      ...current,
      sales: { ...current.sales, ...sales },
    });
    expect(saved.statusCode).toBe(200);
    return saved.json<PublishingSettings>();
  };
  const sale = (reference: string, extra: Partial<Parameters<typeof readyItem>[2]> = {}) =>
    readyItem(h.database.db, accountId, {
      workspace: 'sales',
      contactName: 'Bayside Club',
      date: '2026-02-20',
      reference,
      netMinor: 40_000n,
      taxMinor: 8_000n,
      categoryCode: null,
      taxCode: '1',
      ...extra,
    });

  beforeAll(async () => {
    h = await buildPublishingHarness();
    ({ client, accountId } = await signUpClient(h.app));
    realmId = await firstQuickBooksRealm(h);
    await connectThroughBrowser(h, client, accountId, 'quickbooks');
  });
  afterAll(async () => h.close());

  it('when QuickBooks is connected, then its products and services are imported with the lists', async () => {
    const lists = (await client.get(`/api/accounts/${accountId}/publishing/lists`)).json<{
      entries: {
        kind: string;
        ledgerId: string;
        name: string;
        active: boolean;
        data: Record<string, unknown>;
      }[];
    }>();
    expect(lists.entries.filter((e) => e.kind === 'item')).toEqual([
      expect.objectContaining({
        ledgerId: '1',
        name: 'Services',
        active: true,
        data: { type: 'Service', incomeAccountId: '8' },
      }),
    ]);
  });

  it('when a sale has no product or service and no default is set, then it is held in To review with the reason and nothing is sent', async () => {
    const itemId = await sale('QS-1');
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub?.state).toBe('held');
    expect(pub?.problems.map((p) => p.code)).toEqual(['sales_item_missing']);
    expect(pub?.problems[0]?.fix).toContain('default sales product or service');
    expect(await status(itemId)).toBe('to_review');
    expect(await created('Invoice', 'QS-1')).toHaveLength(0);
  });

  it('when the default sales product is set, then the sale is published as an Invoice to the customer with that ItemRef', async () => {
    expect((await settings({ defaultItemId: '1' })).sales.defaultItemId).toBe('1');
    const itemId = await sale('QS-2');
    await publish(itemId);
    expect(await publication(itemId)).toMatchObject({ state: 'published', kind: 'sales_invoice' });
    const [invoice] = await created('Invoice', 'QS-2');
    expect(invoice?.['CustomerRef']).toMatchObject({ value: '1' });
    expect(invoice?.Line?.[0]).toMatchObject({
      DetailType: 'SalesItemLineDetail',
      Amount: 400,
      SalesItemLineDetail: { ItemRef: { value: '1' }, TaxCodeRef: { value: '1' } },
    });
    expect(invoice?.['TotalAmt']).toBe(480);
    expect(await status(itemId)).toBe('archived');
  });

  it('when a line names its own product, then that product is used on the line', async () => {
    const itemId = await sale('QS-3', {
      lineItems: [{ description: 'Consulting', amount: '400.00', tax: '80.00', productId: '1' }],
    });
    await publish(itemId);
    expect((await publication(itemId))?.state).toBe('published');
    const [invoice] = await created('Invoice', 'QS-3');
    expect(invoice?.Line?.[0]).toMatchObject({ SalesItemLineDetail: { ItemRef: { value: '1' } } });
  });

  it('when the default product was made inactive in QuickBooks, then after refreshing lists the sale is held with the reason', async () => {
    await fetch(`${h.quickbooksUrl}/_sim/companies/${realmId}/deactivate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entity: 'Item', id: '1' }),
    });
    await client.post(`/api/accounts/${accountId}/connections/refresh-lists`);
    const itemId = await sale('QS-4');
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub?.problems.map((p) => p.code)).toEqual(['sales_item_inactive']);
    expect(pub?.problems[0]?.message).toBe('The product or service "Services" is inactive in QuickBooks.');
    expect(await status(itemId)).toBe('to_review');
    expect(await created('Invoice', 'QS-4')).toHaveLength(0);
  });

  it('when a paid cost’s payment method is linked to a card or bank account, then it is a Credit card or Cash purchase from that account', async () => {
    const card = await paymentMethod(h.database.db, accountId, 'Company card');
    const cash = await paymentMethod(h.database.db, accountId, 'Cash');
    for (const [id, account] of [
      [card, '2'],
      [cash, '1'],
    ] as const) {
      const res = await client.request('PUT', `/api/accounts/${accountId}/publishing/payment-methods/${id}`, {
        bankAccountId: account,
        paymentType: null,
        autoPublish: null,
      });
      expect(res.statusCode).toBe(200);
    }
    const cost = (reference: string, paymentMethodId: string) =>
      readyItem(h.database.db, accountId, {
        contactName: 'ABC Furniture',
        date: '2026-02-20',
        reference,
        netMinor: 10_000n,
        taxMinor: 2_000n,
        categoryCode: '5',
        taxCode: '1',
        paymentMethodId,
        paid: true,
      });
    const byCard = await cost('QP-1', card);
    const byCash = await cost('QP-2', cash);
    await publish(byCard);
    await publish(byCash);
    expect(await publication(byCard)).toMatchObject({ state: 'published', kind: 'spend_money' });
    expect(await publication(byCash)).toMatchObject({ state: 'published', kind: 'spend_money' });
    const [cardPurchase] = await created('Purchase', 'QP-1');
    const [cashPurchase] = await created('Purchase', 'QP-2');
    expect(cardPurchase).toMatchObject({ PaymentType: 'CreditCard', AccountRef: { value: '2' } });
    expect(cashPurchase).toMatchObject({ PaymentType: 'Cash', AccountRef: { value: '1' } });
  });

  it('when a paid cost’s payment method is linked to a card account but set to Check, then the pre-check holds it with the fix', async () => {
    const check = await paymentMethod(h.database.db, accountId, 'Cheque book');
    await client.request('PUT', `/api/accounts/${accountId}/publishing/payment-methods/${check}`, {
      bankAccountId: '2',
      paymentType: 'check',
      autoPublish: null,
    });
    const itemId = await readyItem(h.database.db, accountId, {
      contactName: 'ABC Furniture',
      date: '2026-02-20',
      reference: 'QP-3',
      netMinor: 10_000n,
      taxMinor: 2_000n,
      categoryCode: '5',
      taxCode: '1',
      paymentMethodId: check,
      paid: true,
    });
    await publish(itemId);
    expect((await publication(itemId))?.problems.map((p) => p.code)).toEqual(['payment_type_account']);
    expect(await created('Purchase', 'QP-3')).toHaveLength(0);
  });

  it('when a paid cost’s payment method is not linked, then it is published as a Bill and the item says why', async () => {
    const loose = await paymentMethod(h.database.db, accountId, 'Personal card');
    const itemId = await readyItem(h.database.db, accountId, {
      contactName: 'ABC Furniture',
      date: '2026-02-20',
      reference: 'QP-4',
      netMinor: 10_000n,
      taxMinor: 2_000n,
      categoryCode: '5',
      taxCode: '1',
      paymentMethodId: loose,
      paid: true,
    });
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub).toMatchObject({ state: 'published', kind: 'bill' });
    expect(pub?.note).toContain('Published as a Bill');
    expect(await created('Bill', 'QP-4')).toHaveLength(1);
  });
});
