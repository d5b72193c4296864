import { afterEach, describe, expect, it } from 'vitest';
import { missingDataMessage } from '../../../../../test/support/shared-data';
import { buildQuickBooksSimulator, type QuickBooksSimulator } from './index';
import { connectQuickBooks, qboBasic, qboBill, type ConnectedQuickBooks, type Fault } from './test-kit';
import { quickbooksXsd } from './xsd';

const xsdAvailable = quickbooksXsd() !== null;
if (!xsdAvailable) console.warn(missingDataMessage('api-specs/quickbooks-online/*.xsd'));
const codes = (body: Fault) => body.Fault.Error.map((e) => e.code);

describe('QuickBooks simulator OAuth', () => {
  let sim: QuickBooksSimulator;
  afterEach(async () => sim.app.close());

  it('when the user allows access, then the redirect carries code, state and realmId and the code trades for tokens', async () => {
    sim = buildQuickBooksSimulator({ clock: () => new Date('2024-06-15T10:00:00Z') });
    const redirect = 'http://127.0.0.1:5555/callback';
    const page = await sim.app.inject({
      method: 'GET',
      url: `/connect/oauth2?client_id=docket-qbo-sim-client&response_type=code&scope=com.intuit.quickbooks.accounting&redirect_uri=${encodeURIComponent(redirect)}&state=s1`,
    });
    expect(page.body).toContain('Allow access');
    const realmId = /<option value="([^"]+)" selected>/.exec(page.body)?.[1] ?? '';
    const allowed = await sim.app.inject({
      method: 'POST',
      url: '/connect/oauth2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        client_id: 'docket-qbo-sim-client',
        redirect_uri: redirect,
        state: 's1',
        organisation: realmId,
        decision: 'allow',
      }).toString(),
    });
    const location = new URL(String(allowed.headers.location));
    expect(location.searchParams.get('realmId')).toBe(realmId);
    expect(location.searchParams.get('state')).toBe('s1');
    const tokens = await sim.app.inject({
      method: 'POST',
      url: '/oauth2/v1/tokens/bearer',
      headers: { authorization: qboBasic, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code') ?? '',
        redirect_uri: redirect,
      }).toString(),
    });
    expect(tokens.json()).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      x_refresh_token_expires_in: 101 * 86_400,
    });
  });
});

describe('QuickBooks simulator API', () => {
  let q: ConnectedQuickBooks;
  afterEach(async () => q.sim.app.close());

  const postBill = async (overrides: Record<string, unknown> = {}, detail: Record<string, unknown> = {}) => {
    const response = await q.call('POST', '/bill', qboBill(overrides, detail));
    return {
      status: response.statusCode,
      body: response.json<Fault & { Bill?: { Id: string; SyncToken: string; TotalAmt: number } }>(),
    };
  };

  it('when Docket queries accounts with a where clause, then only the matching active accounts come back', async () => {
    q = await connectQuickBooks();
    const response = await q.call(
      'GET',
      `/query?query=${encodeURIComponent("select * from Account where AccountType in ('Bank', 'Credit Card') orderby Name maxresults 50")}`,
    );
    const names = response
      .json<{ QueryResponse: { Account: { Name: string }[] } }>()
      .QueryResponse.Account.map((a) => a.Name);
    expect(names).toEqual(['Business Current Account', 'Company Credit Card', 'Euro Bank Account']);
    const expenses = await q.call(
      'GET',
      `/query?query=${encodeURIComponent("select count(*) from Account where AccountType = 'Expense'")}`,
    );
    expect(expenses.json()).toMatchObject({ QueryResponse: { totalCount: 3 } });
  });

  it('when a bill is created, then totals are computed and it reads back by id', async () => {
    q = await connectQuickBooks();
    const { status, body } = await postBill();
    expect(status).toBe(200);
    expect(body.Bill).toMatchObject({ TotalAmt: 300, SyncToken: '0' });
    const read = await q.call('GET', `/bill/${body.Bill?.Id ?? ''}`);
    expect(read.json()).toMatchObject({ Bill: { DocNumber: 'AF-1001', Balance: 300 } });
  });

  it('when the books are closed, then a bill dated before the closing date is refused with 6210', async () => {
    q = await connectQuickBooks();
    await q.admin('PATCH', '', { bookCloseDate: '2024-03-31' });
    const { status, body } = await postBill({ TxnDate: '2024-03-01' });
    expect(status).toBe(400);
    expect(body.Fault.Error[0]).toMatchObject({
      code: '6210',
      Message: 'Account Period Closed, cannot update through Services API',
    });
  });

  it('when the expense account is inactive, then QuickBooks answers Object Not Found; an unknown id is an Invalid Reference Id', async () => {
    q = await connectQuickBooks();
    await q.admin('POST', '/deactivate', { entity: 'Account', id: '5' });
    expect(codes((await postBill()).body)).toEqual(['610']);
    const unknown = await postBill({}, { AccountRef: { value: '999' } });
    expect(unknown.body.Fault.Error[0]).toMatchObject({ code: '2500', Message: 'Invalid Reference Id' });
  });

  it('when the vendor is inactive, then the bill is refused', async () => {
    q = await connectQuickBooks();
    expect(codes((await postBill({ VendorRef: { value: '4' } })).body)).toEqual(['610']);
  });

  it('when the same vendor bill number is used twice, then the second is a duplicate document number (6140)', async () => {
    q = await connectQuickBooks();
    expect((await postBill()).status).toBe(200);
    const second = await postBill();
    expect(second.body.Fault.Error[0]).toMatchObject({
      code: '6140',
      Message: 'Duplicate Document Number Error',
    });
  });

  it('when an update carries an old SyncToken, then it is a stale object (5010)', async () => {
    q = await connectQuickBooks();
    const created = (await postBill()).body.Bill;
    const update = { ...qboBill({ PrivateNote: 'first' }), Id: created?.Id, SyncToken: '0', sparse: true };
    expect((await q.call('POST', '/bill', update)).statusCode).toBe(200);
    const stale = await q.call('POST', '/bill', { ...update, PrivateNote: 'second' });
    expect(codes(stale.json<Fault>())).toEqual(['5010']);
  });

  it('when the company is on Simple Start, then bills are refused but a purchase is accepted', async () => {
    q = await connectQuickBooks();
    await q.admin('PATCH', '', { plan: 'SimpleStart' });
    expect((await postBill()).body.Fault.Error[0]?.Detail).toMatch(/Simple Start/);
    const purchase = await q.call('POST', '/purchase', {
      PaymentType: 'CreditCard',
      AccountRef: { value: '2' },
      EntityRef: { value: '2', type: 'Vendor' },
      TxnDate: '2024-06-11',
      Line: [
        {
          Amount: 40,
          DetailType: 'AccountBasedExpenseLineDetail',
          AccountBasedExpenseLineDetail: { AccountRef: { value: '6' }, TaxCodeRef: { value: '1' } },
        },
      ],
    });
    expect(purchase.statusCode).toBe(200);
    expect(purchase.json()).toMatchObject({ Purchase: { TotalAmt: 48, PaymentType: 'CreditCard' } });
  });

  it('when a Cash purchase names a credit card account or a CreditCard purchase a bank account, then QuickBooks refuses the account type; Check from a bank account and Item queries pass', async () => {
    q = await connectQuickBooks();
    const purchase = (PaymentType: string, account: string) =>
      q.call('POST', '/purchase', {
        PaymentType,
        AccountRef: { value: account },
        EntityRef: { value: '2', type: 'Vendor' },
        TxnDate: '2024-06-11',
        Line: [
          {
            Amount: 40,
            DetailType: 'AccountBasedExpenseLineDetail',
            AccountBasedExpenseLineDetail: { AccountRef: { value: '6' }, TaxCodeRef: { value: '1' } },
          },
        ],
      });
    for (const [type, account] of [
      ['Cash', '2'],
      ['CreditCard', '1'],
    ] as const) {
      const refused = await purchase(type, account);
      expect(refused.statusCode).toBe(400);
      expect(refused.json<Fault>().Fault.Error[0]?.Detail).toMatch(/Invalid account type/);
    }
    expect((await purchase('Check', '1')).statusCode).toBe(200);
    const items = await q.call(
      'GET',
      `/query?query=${encodeURIComponent('select * from Item where Active in (true, false) startposition 1 maxresults 1000')}`,
    );
    expect(
      items.json<{ QueryResponse: { Item: { Name: string }[] } }>().QueryResponse.Item.map((i) => i.Name),
    ).toEqual(['Services']);
  });

  it('when multi-currency is off, then a EUR bill is refused; when on, a EUR bill to a GBP vendor mixes currencies', async () => {
    q = await connectQuickBooks();
    const mixed = await postBill({ CurrencyRef: { value: 'EUR' } });
    expect(mixed.body.Fault.Error[0]?.Detail).toBe(
      'Business Validation Error: You can only use one foreign currency per transaction.',
    );
    expect(
      (
        await postBill({
          CurrencyRef: { value: 'EUR' },
          VendorRef: { value: '3' },
          APAccountRef: { value: '11' },
        })
      ).status,
    ).toBe(200);
    await q.admin('PATCH', '', { multiCurrencyEnabled: false });
    expect(
      (await postBill({ DocNumber: 'E2', CurrencyRef: { value: 'EUR' }, VendorRef: { value: '3' } })).body
        .Fault.Error[0]?.code,
    ).toBe('6000');
  });

  it('when the same requestid is sent twice, then the second gets the first answer and only one bill exists', async () => {
    q = await connectQuickBooks();
    const first = await q.call('POST', '/bill?requestid=doc-7-1', qboBill());
    const second = await q.call('POST', '/bill?requestid=doc-7-1', qboBill());
    expect(second.json()).toEqual(first.json());
    const count = await q.call('GET', `/query?query=${encodeURIComponent('select count(*) from Bill')}`);
    expect(count.json()).toMatchObject({ QueryResponse: { totalCount: 1 } });
  });

  it('when 500 requests were made in a minute, then the next is throttled with 429 until the clock moves on', async () => {
    q = await connectQuickBooks();
    for (let i = 0; i < 500; i += 1) await q.call('GET', '/companyinfo/1');
    const throttled = await q.call('GET', '/companyinfo/1');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('60');
    expect(codes(throttled.json<Fault>())).toEqual(['3001']);
    q.clock.advance(60_000);
    expect((await q.call('GET', '/companyinfo/1')).statusCode).toBe(200);
  });

  it('when the access token expired, then the API answers 401 with an AUTHENTICATION fault', async () => {
    q = await connectQuickBooks();
    q.clock.advance(3600_000);
    const response = await q.call('GET', '/companyinfo/1');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ fault: { type: 'AUTHENTICATION', error: [{ code: '3200' }] } });
  });

  describe.skipIf(!xsdAvailable)('validation against rules read from the XSDs', () => {
    it('when a bill has an unknown field, a wrong type and a bad enum, then each is reported', async () => {
      q = await connectQuickBooks();
      const { status, body } = await postBill({
        Vendor: 'ABC',
        GlobalTaxCalculation: 'Gross',
        TxnDate: '10/06/2024',
      });
      expect(status).toBe(400);
      expect(body.Fault.type).toBe('ValidationFault');
      expect(body.Fault.Error.map((e) => [e.code, e.element])).toEqual([
        ['2010', 'TxnDate'],
        ['2010', 'GlobalTaxCalculation'],
        ['2010', 'Vendor'],
      ]);
    });

    it('when a line amount is a string, then the decimal type is enforced', async () => {
      q = await connectQuickBooks();
      const response = await q.call(
        'POST',
        '/bill',
        qboBill({
          Line: [
            {
              Amount: '250',
              DetailType: 'AccountBasedExpenseLineDetail',
              AccountBasedExpenseLineDetail: { AccountRef: { value: '5' } },
            },
          ],
        }),
      );
      expect(response.json<Fault>().Fault.Error[0]).toMatchObject({
        code: '2010',
        element: 'Line[0].Amount',
      });
    });

    it('when a purchase has an unknown payment type, then the enumeration from the XSD rejects it', async () => {
      q = await connectQuickBooks();
      const response = await q.call('POST', '/purchase', {
        PaymentType: 'Card',
        AccountRef: { value: '2' },
        Line: [],
      });
      expect(response.json<Fault>().Fault.Error[0]?.Detail).toMatch(
        /PaymentTypeEnum values: \[Cash, Check, CreditCard, Expense, Other\]/,
      );
    });
  });

  it('when the XSDs are unavailable, then the simulator still answers and says validation did not run', async () => {
    q = await connectQuickBooks({ withoutSpec: true });
    expect((await q.sim.app.inject({ method: 'GET', url: '/_sim/status' })).json()).toMatchObject({
      specAvailable: false,
    });
    const { status } = await postBill();
    expect(status).toBe(200);
  });
});
