import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { items } from '../../db/schema';
import {
  buildPublishingHarness,
  connectThroughBrowser,
  sampleBill,
  signUpClient,
  type Client,
  type PublishingHarness,
} from '../publishing/test-kit';

interface Source {
  ledger: { software: string; name: string } | null;
  readOnly: boolean;
  tracking: { id: string; name: string; kind: string; options: { id: string; name: string }[] }[];
}
interface XeroLine {
  Description: string;
  Tracking: { TrackingCategoryID: string; TrackingOptionID: string }[];
}
interface XeroDump {
  invoices: { InvoiceNumber?: string; LineItems: XeroLine[] }[];
}
interface QuickBooksDump {
  entities: Record<
    string,
    {
      DocNumber?: string;
      DepartmentRef?: { value: string };
      Line: { AccountBasedExpenseLineDetail?: { ClassRef?: { value: string } } }[];
    }[]
  >;
}

describe('tracking on items, read-only lists with a ledger, manual Ready without one', () => {
  let h: PublishingHarness;
  beforeAll(async () => {
    h = await buildPublishingHarness();
  });
  afterAll(async () => h.close());

  const seed = (accountId: string, reference: string, categoryCode: string | null, taxCode: string | null) =>
    sampleBill(h, accountId, 'xero', reference, { categoryCode, taxCode });
  const source = async (client: Client, accountId: string) =>
    (await client.get(`/api/accounts/${accountId}/list-source`)).json<Source>();
  const detail = async (client: Client, accountId: string, id: string) =>
    (await client.get(`/api/accounts/${accountId}/items/${id}`)).json<{
      status: string;
      tracking: { categoryId: string; optionId: string; line: number | null }[];
      history: { field: string | null }[];
    }>();

  describe('connected to Xero', () => {
    let client: Client;
    let accountId: string;
    let tenantId: string;
    let region: Source['tracking'][number];
    let department: Source['tracking'][number];

    beforeAll(async () => {
      ({ client, accountId } = await signUpClient(h.app));
      const [org] = (await (await fetch(`${h.xeroUrl}/_sim/organisations`)).json()) as { tenantId: string }[];
      tenantId = org?.tenantId ?? '';
      await connectThroughBrowser(h, client, accountId, 'xero');
      const lists = await source(client, accountId);
      region = lists.tracking.find((t) => t.name === 'Region') ?? region;
      department = lists.tracking.find((t) => t.name === 'Department') ?? department;
    });

    const option = (list: Source['tracking'][number], name: string) =>
      list.options.find((o) => o.name === name)?.id ?? '';

    it('when the business is connected, then its lists come from Xero, are read-only, and the two active tracking categories are lists named after them', async () => {
      const lists = await source(client, accountId);
      expect(lists.ledger).toEqual({ software: 'xero', name: 'Xero' });
      expect(lists.readOnly).toBe(true);
      expect(lists.tracking.map((t) => [t.name, t.kind])).toEqual([
        ['Department', 'tracking'],
        ['Region', 'tracking'],
      ]);
      expect(region.options.length).toBeGreaterThan(1);
    });

    it('when someone creates, renames, recodes, imports or deletes categories or tax rates, then each is refused with the reason, and only Visible changes', async () => {
      const base = `/api/accounts/${accountId}`;
      const cats = (await client.get(`${base}/categories`)).json<{
        categories: { id: string; name: string }[];
      }>().categories;
      const general = cats.find((c) => c.name === 'General Expenses');
      const rate = (await client.get(`${base}/tax-rates`)).json<{ taxRates: { id: string }[] }>().taxRates[0];
      const refused: [string, string, unknown?][] = [
        ['POST', `${base}/categories`, { name: 'Made up' }],
        ['PATCH', `${base}/categories/${general?.id}`, { name: 'Renamed' }],
        ['PATCH', `${base}/categories/${general?.id}`, { code: '999' }],
        ['DELETE', `${base}/categories/${general?.id}`],
        ['POST', `${base}/categories/import`, { csv: 'Travel,420' }],
        ['POST', `${base}/tax-rates`, { workspace: 'costs', name: 'Made up', rate: '5' }],
        ['PATCH', `${base}/tax-rates/${rate?.id}`, { name: 'Renamed' }],
        ['DELETE', `${base}/tax-rates/${rate?.id}`],
      ];
      for (const [method, url, body] of refused) {
        const res = await client.request(method as 'POST', url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(409);
        expect(res.body, `${method} ${url}`).toContain('come from Xero');
        expect(res.body).toContain('Refresh lists in Business settings > Connections');
      }
      const hidden = await client.request('PATCH', `${base}/categories/${general?.id}`, { visible: false });
      expect(hidden.statusCode, hidden.body).toBe(200);
      expect(hidden.json()).toMatchObject({ name: 'General Expenses', visible: false });
      const itemId = await seed(accountId, 'HID-1', null, 'INPUT2');
      const pick = await client.request('PATCH', `${base}/items/${itemId}`, { categoryId: general?.id });
      expect(pick.statusCode).toBe(422);
      expect(pick.body).toContain('hidden');
      await client.request('PATCH', `${base}/categories/${general?.id}`, { visible: true });
      // Payment methods are Docket's own, even with a ledger.
      const pm = await client.post(`${base}/payment-methods`, { name: 'Company card' });
      expect(pm.statusCode).toBe(201);
    });

    it('when a reviewer picks tracking on the item and on a line, then it is stored, in the history and the CSV, and the Xero bill carries it on its lines', async () => {
      const base = `/api/accounts/${accountId}`;
      const itemId = await seed(accountId, 'TRK-1', '429', 'INPUT2');
      await h.database.db
        .update(items)
        .set({
          lineItems: [
            { description: 'Desk', amount: '60.00', tax: '12.00' },
            { description: 'Chair', amount: '40.00', tax: '8.00' },
          ],
        })
        .where(eq(items.id, itemId));
      const res = await client.request('PATCH', `${base}/items/${itemId}`, {
        tracking: [
          { categoryId: region.id, optionId: option(region, 'North') },
          { categoryId: department.id, optionId: department.options[0]?.id ?? '', line: null },
          { categoryId: region.id, optionId: option(region, 'South'), line: 1 },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = await detail(client, accountId, itemId);
      expect(after.tracking).toEqual([
        { categoryId: region.id, optionId: option(region, 'North'), line: null },
        { categoryId: department.id, optionId: department.options[0]?.id, line: null },
        { categoryId: region.id, optionId: option(region, 'South'), line: 1 },
      ]);
      expect(after.history.map((e) => e.field)).toContain('tracking');
      const csv = await client.get(`${base}/items.csv?view=all`);
      expect(csv.body).toContain('Region: North; Department:');
      expect(csv.body).toContain('line 2 Region: South');

      const settings = await client.request('PUT', `${base}/publishing/settings`, {
        costs: {},
        sales: {},
        lineMode: 'lines',
      });
      expect(settings.statusCode, settings.body).toBe(200);
      const published = await client.post(`${base}/publications`, { itemIds: [itemId] });
      expect(published.json()).toEqual({ queued: [itemId], skipped: [] });
      const org = (await (await fetch(`${h.xeroUrl}/_sim/organisations/${tenantId}`)).json()) as XeroDump;
      const bill = org.invoices.find((i) => i.InvoiceNumber === 'TRK-1');
      expect(bill?.LineItems.map((l) => [l.Description, l.Tracking])).toEqual([
        [
          'Desk',
          [
            { TrackingCategoryID: region.id, TrackingOptionID: option(region, 'North') },
            { TrackingCategoryID: department.id, TrackingOptionID: department.options[0]?.id },
          ],
        ],
        [
          'Chair',
          [
            { TrackingCategoryID: region.id, TrackingOptionID: option(region, 'South') },
            { TrackingCategoryID: department.id, TrackingOptionID: department.options[0]?.id },
          ],
        ],
      ]);
    });

    it('when a tracking pick is not an active option of an imported list, is doubled, or names a line the item lacks, then it is refused and nothing changes', async () => {
      const base = `/api/accounts/${accountId}`;
      const itemId = await seed(accountId, 'TRK-2', '429', 'INPUT2');
      const bad = [
        [{ categoryId: 'no-such-list', optionId: option(region, 'North') }],
        [{ categoryId: region.id, optionId: option(department, department.options[0]?.name ?? '') }],
        [
          { categoryId: region.id, optionId: option(region, 'North') },
          { categoryId: region.id, optionId: option(region, 'South') },
        ],
        [{ categoryId: region.id, optionId: option(region, 'North'), line: 3 }],
      ];
      for (const tracking of bad) {
        const res = await client.request('PATCH', `${base}/items/${itemId}`, { tracking });
        expect(res.statusCode, JSON.stringify(tracking)).toBe(422);
        expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
          'tracking',
        );
      }
      expect((await detail(client, accountId, itemId)).tracking).toEqual([]);
    });

    it('when a supplier rule sets a default tracking option, then its Inbox items take it, and a rule cannot set tracking for one line', async () => {
      const base = `/api/accounts/${accountId}`;
      const itemId = await seed(accountId, 'TRK-3', '429', 'INPUT2');
      const [row] = await h.database.db.select().from(items).where(eq(items.id, itemId));
      const rule = await client.request('PATCH', `${base}/contacts/${row?.contactId}`, {
        tracking: [{ categoryId: region.id, optionId: option(region, 'North') }],
      });
      expect(rule.statusCode, rule.body).toBe(200);
      expect(rule.json()).toMatchObject({
        contact: { tracking: [{ categoryId: region.id, optionId: option(region, 'North'), line: null }] },
      });
      expect((await detail(client, accountId, itemId)).tracking).toEqual([
        { categoryId: region.id, optionId: option(region, 'North'), line: null },
      ]);
      const lineRule = await client.request('PATCH', `${base}/contacts/${row?.contactId}`, {
        tracking: [{ categoryId: region.id, optionId: option(region, 'North'), line: 0 }],
      });
      expect(lineRule.statusCode).toBe(422);
    });

    it('when someone moves an item to Ready or to review by hand, then it is refused: with a ledger, the fields and the pre-check decide', async () => {
      const base = `/api/accounts/${accountId}`;
      const itemId = await seed(accountId, 'MAN-1', null, 'INPUT2');
      await client.request('PATCH', `${base}/items/${itemId}`, { description: 'settle' });
      for (const [url, body] of [
        [`${base}/items/${itemId}/ready`, undefined],
        [`${base}/items/${itemId}/to-review`, undefined],
        [`${base}/items/bulk`, { ids: [itemId], action: 'ready' }],
      ] as const) {
        const res = await client.post(url, body);
        expect(res.statusCode, url).toBe(409);
        expect(res.body).toContain('publishes to Xero');
      }
      expect((await detail(client, accountId, itemId)).status).toBe('to_review');
    });
  });

  it('when connected to QuickBooks, then a class and a location picked on the item reach the Bill as ClassRef and DepartmentRef', async () => {
    const { client, accountId } = await signUpClient(h.app);
    const [company] = (await (await fetch(`${h.quickbooksUrl}/_sim/companies`)).json()) as {
      realmId: string;
    }[];
    await connectThroughBrowser(h, client, accountId, 'quickbooks');
    const lists = await source(client, accountId);
    expect(lists.ledger).toEqual({ software: 'quickbooks', name: 'QuickBooks Online' });
    expect(lists.tracking.map((t) => [t.id, t.kind])).toEqual([
      ['class', 'class'],
      ['location', 'location'],
    ]);
    const klass = lists.tracking[0]?.options[0]?.id ?? '';
    const location = lists.tracking[1]?.options[0]?.id ?? '';
    const itemId = await seed(accountId, 'QTRK-1', '5', '1');
    const res = await client.request('PATCH', `/api/accounts/${accountId}/items/${itemId}`, {
      tracking: [
        { categoryId: 'class', optionId: klass },
        { categoryId: 'location', optionId: location },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    await client.post(`/api/accounts/${accountId}/publications`, { itemIds: [itemId] });
    const dump = (await (
      await fetch(`${h.quickbooksUrl}/_sim/companies/${company?.realmId ?? ''}`)
    ).json()) as QuickBooksDump;
    const bill = (dump.entities['Bill'] ?? []).find((b) => b.DocNumber === 'QTRK-1');
    expect(bill?.DepartmentRef).toEqual({ value: location });
    expect(bill?.Line[0]?.AccountBasedExpenseLineDetail?.ClassRef).toEqual({ value: klass });
  });

  describe('without accounting software', () => {
    it('when a person moves items to Ready and back by hand (one and in bulk), then the move holds through later edits, is in the history, and Ready items export to CSV', async () => {
      const { client, accountId } = await signUpClient(h.app);
      const base = `/api/accounts/${accountId}`;
      const lists = await source(client, accountId);
      expect(lists).toEqual({ ledger: null, readOnly: false, tracking: [] });
      const one = await seed(accountId, 'NL-1', null, null);
      const two = await seed(accountId, 'NL-2', null, null);
      await client.request('PATCH', `${base}/items/${one}`, { description: 'settle' });
      await client.request('PATCH', `${base}/items/${two}`, { description: 'settle' });
      expect((await detail(client, accountId, one)).status).toBe('to_review');

      const ready = await client.post(`${base}/items/${one}/ready`);
      expect(ready.statusCode, ready.body).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ready' });
      await client.request('PATCH', `${base}/items/${one}`, { description: 'still ready' });
      expect((await detail(client, accountId, one)).status).toBe('ready');
      expect((await detail(client, accountId, one)).history.map((e) => e.field)).toContain('status');

      const bulk = await client.post(`${base}/items/bulk`, { ids: [one, two], action: 'ready' });
      expect(bulk.json()).toEqual({ updated: 2 });
      const csv = await client.get(`${base}/items.csv?view=inbox&tab=ready`);
      expect(csv.body).toContain('NL-1');
      expect(csv.body).toContain('NL-2');

      const back = await client.post(`${base}/items/${two}/to-review`);
      expect(back.json()).toMatchObject({ status: 'to_review' });
      const cat = (await client.post(`${base}/categories`, { name: 'Office' })).json<{ id: string }>();
      await client.request('PATCH', `${base}/items/${two}`, { categoryId: cat.id });
      expect((await detail(client, accountId, two)).status).toBe('to_review');
      const toReview = await client.post(`${base}/items/bulk`, { ids: [one], action: 'to_review' });
      expect(toReview.json()).toEqual({ updated: 1 });
      const readyCsv = await client.get(`${base}/items.csv?view=inbox&tab=ready`);
      expect(readyCsv.body).not.toContain('NL-1');
    });

    it('when lists are Docket’s own, then categories, tax rates and payment methods can be renamed and deleted, and a deleted one leaves supplier rules and Inbox items', async () => {
      const { client, accountId } = await signUpClient(h.app);
      const base = `/api/accounts/${accountId}`;
      const rate = (
        await client.post(`${base}/tax-rates`, { workspace: 'costs', name: 'Standard', rate: '20' })
      ).json<{ id: string }>();
      const renamed = await client.request('PATCH', `${base}/tax-rates/${rate.id}`, {
        name: 'Standard 20%',
        rate: '20.0',
      });
      expect(renamed.json()).toMatchObject({ name: 'Standard 20%', rate: '20.0' });
      const pm = (await client.post(`${base}/payment-methods`, { name: 'Card' })).json<{ id: string }>();
      const pmRenamed = await client.request('PATCH', `${base}/payment-methods/${pm.id}`, {
        name: 'Amex',
        cardLast4: '1234',
      });
      expect(pmRenamed.json()).toEqual({ id: pm.id, name: 'Amex', cardLast4: '1234' });
      const cat = (await client.post(`${base}/categories`, { name: 'Travel', code: '420' })).json<{
        id: string;
      }>();
      expect(
        (await client.request('PATCH', `${base}/categories/${cat.id}`, { name: 'Travel UK' })).json(),
      ).toMatchObject({ name: 'Travel UK', code: '420' });

      const itemId = await seed(accountId, 'DEL-1', null, null);
      await client.request('PATCH', `${base}/items/${itemId}`, {
        contactName: 'ABC Furniture',
        categoryId: cat.id,
        taxRateId: rate.id,
        paymentMethodId: pm.id,
      });
      const [row] = await h.database.db.select().from(items).where(eq(items.id, itemId));
      await client.request('PATCH', `${base}/contacts/${row?.contactId}`, {
        categoryId: cat.id,
        taxRateId: rate.id,
        paymentMethodId: pm.id,
      });
      expect((await detail(client, accountId, itemId)).status).toBe('ready');
      for (const url of [`categories/${cat.id}`, `tax-rates/${rate.id}`, `payment-methods/${pm.id}`]) {
        const res = await client.request('DELETE', `${base}/${url}`);
        expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      }
      const [after] = await h.database.db.select().from(items).where(eq(items.id, itemId));
      expect(after).toMatchObject({
        categoryId: null,
        taxRateId: null,
        paymentMethodId: null,
        status: 'to_review',
      });
      const supplier = (await client.get(`${base}/contacts?kind=supplier`)).json<{
        contacts: { id: string; categoryId: string | null; taxRateId: string | null }[];
      }>().contacts;
      expect(supplier.find((c) => c.id === row?.contactId)).toMatchObject({
        categoryId: null,
        taxRateId: null,
      });
      expect((await client.get(`${base}/tax-rates`)).json()).toEqual({ taxRates: [] });
    });

    it("when another account calls the new list and item routes with this account's ids, then each answers 404 and changes nothing", async () => {
      const a = await signUpClient(h.app);
      const b = await signUpClient(h.app);
      const base = `/api/accounts/${a.accountId}`;
      const itemId = await seed(a.accountId, 'ISO-1', null, null);
      const rate = (
        await a.client.post(`${base}/tax-rates`, { workspace: 'costs', name: 'Private rate', rate: '5' })
      ).json<{ id: string }>();
      const pm = (await a.client.post(`${base}/payment-methods`, { name: 'Private card' })).json<{
        id: string;
      }>();
      const cat = (await a.client.post(`${base}/categories`, { name: 'Private cat' })).json<{ id: string }>();
      const own = `/api/accounts/${b.accountId}`;
      const calls: [string, string, unknown?][] = [
        ['GET', `${base}/list-source`],
        ['POST', `${own}/items/${itemId}/ready`],
        ['POST', `${own}/items/${itemId}/to-review`],
        ['POST', `${own}/items/bulk`, { ids: [itemId], action: 'ready' }],
        ['PATCH', `${own}/items/${itemId}`, { tracking: [] }],
        ['PATCH', `${own}/tax-rates/${rate.id}`, { name: 'Stolen' }],
        ['DELETE', `${own}/tax-rates/${rate.id}`],
        ['PATCH', `${own}/payment-methods/${pm.id}`, { name: 'Stolen' }],
        ['DELETE', `${own}/payment-methods/${pm.id}`],
        ['DELETE', `${own}/categories/${cat.id}`],
      ];
      for (const [method, url, body] of calls) {
        const res = await b.client.request(method as 'GET', url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.body).not.toContain('Private');
      }
      expect((await a.client.get(`${base}/tax-rates`)).json()).toMatchObject({
        taxRates: [{ name: 'Private rate' }],
      });
      expect((await a.client.get(`${base}/payment-methods`)).json()).toMatchObject({
        paymentMethods: [{ name: 'Private card' }],
      });
      expect((await a.client.get(`${base}/categories`)).json()).toMatchObject({
        categories: [{ name: 'Private cat' }],
      });
      expect((await detail(a.client, a.accountId, itemId)).status).toBe('ready');
    });
  });
});
