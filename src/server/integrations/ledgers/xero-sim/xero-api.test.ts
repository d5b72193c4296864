import { afterEach, describe, expect, it } from 'vitest';
import { missingDataMessage } from '../../../../../test/support/shared-data';
import { xeroSpec } from './spec';
import { bill, connectXero, type ConnectedXero } from './test-kit';

const specAvailable = xeroSpec() !== null;
if (!specAvailable) console.warn(missingDataMessage('api-specs/xero/xero_accounting.yaml'));

interface XeroError {
  Type: string;
  Elements: { ValidationErrors: { Message: string }[] }[];
}
const messagesOf = (body: XeroError) =>
  body.Elements.flatMap((e) => e.ValidationErrors.map((v) => v.Message));

describe('Xero simulator Accounting API', () => {
  let x: ConnectedXero;
  afterEach(async () => x.sim.app.close());

  it('when Docket loads the lists, then accounts, tax rates, contacts, tracking, currencies and the organisation come back', async () => {
    x = await connectXero();
    const accounts = (await x.call('GET', '/api.xro/2.0/Accounts?where=Type=="BANK"')).json<{
      Accounts: { Code: string }[];
    }>();
    expect(accounts.Accounts.map((a) => a.Code)).toEqual(['090', '091', '092']);
    const taxRates = (await x.call('GET', '/api.xro/2.0/TaxRates')).json<{
      TaxRates: { TaxType: string }[];
    }>();
    expect(taxRates.TaxRates.map((t) => t.TaxType)).toContain('INPUT2');
    const contacts = (await x.call('GET', '/api.xro/2.0/Contacts')).json<{ Contacts: { Name: string }[] }>();
    expect(contacts.Contacts.map((c) => c.Name)).not.toContain('Old Supplier Ltd');
    const tracking = (await x.call('GET', '/api.xro/2.0/TrackingCategories')).json<{
      TrackingCategories: { Name: string }[];
    }>();
    expect(tracking.TrackingCategories.map((t) => t.Name)).toEqual(['Region', 'Department']);
    const currencies = (await x.call('GET', '/api.xro/2.0/Currencies')).json<{
      Currencies: { Code: string }[];
    }>();
    expect(currencies.Currencies.map((c) => c.Code)).toEqual(['GBP', 'EUR', 'USD']);
    const org = (await x.call('GET', '/api.xro/2.0/Organisation')).json<{
      Organisations: { BaseCurrency: string }[];
    }>();
    expect(org.Organisations[0]?.BaseCurrency).toBe('GBP');
  });

  it('when a bill is created and a PDF attached, then both read back, bytes included', async () => {
    x = await connectXero();
    const created = await x.call('PUT', '/api.xro/2.0/Invoices', { Invoices: [bill()] });
    expect(created.statusCode).toBe(200);
    const invoice = created.json<{ Invoices: { InvoiceID: string; Total: number; TotalTax: number }[] }>()
      .Invoices[0];
    expect(invoice).toMatchObject({ Total: 300, TotalTax: 50 });
    const pdf = Buffer.from('%PDF-1.4 fake receipt');
    const attached = await x.call(
      'PUT',
      `/api.xro/2.0/Invoices/${invoice?.InvoiceID ?? ''}/Attachments/receipt.pdf`,
      pdf,
      {
        'content-type': 'application/pdf',
      },
    );
    expect(attached.statusCode).toBe(200);
    expect(attached.json()).toMatchObject({
      Attachments: [{ FileName: 'receipt.pdf', MimeType: 'application/pdf', ContentLength: pdf.length }],
    });
    const bytes = await x.call(
      'GET',
      `/api.xro/2.0/Invoices/${invoice?.InvoiceID ?? ''}/Attachments/receipt.pdf`,
    );
    expect(bytes.rawPayload.equals(pdf)).toBe(true);
    const dump = (await x.sim.app.inject({ method: 'GET', url: `/_sim/organisations/${x.tenantId}` })).json<{
      invoices: { HasAttachments: boolean }[];
      attachments: Record<string, { base64: string }[]>;
    }>();
    expect(dump.invoices[0]?.HasAttachments).toBe(true);
    expect(
      Buffer.from(dump.attachments[invoice?.InvoiceID ?? '']?.[0]?.base64 ?? '', 'base64').equals(pdf),
    ).toBe(true);
    const byNumber = await x.call('GET', '/api.xro/2.0/Invoices?where=InvoiceNumber=="AF-1001"');
    expect(byNumber.json<{ Invoices: unknown[] }>().Invoices).toHaveLength(1);
  });

  it('when the same Idempotency-Key is sent twice, then the second gets the first answer and no second bill exists', async () => {
    x = await connectXero();
    const first = await x.call(
      'PUT',
      '/api.xro/2.0/Invoices',
      { Invoices: [bill()] },
      { 'idempotency-key': 'doc-42-publish-1' },
    );
    const second = await x.call(
      'PUT',
      '/api.xro/2.0/Invoices',
      { Invoices: [bill()] },
      { 'idempotency-key': 'doc-42-publish-1' },
    );
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(
      (await x.call('GET', '/api.xro/2.0/Invoices')).json<{ Invoices: unknown[] }>().Invoices,
    ).toHaveLength(1);
  });

  it('when 60 calls were made within a minute, then the 61st gets 429 with Retry-After until the clock moves on', async () => {
    x = await connectXero();
    for (let i = 0; i < 60; i += 1)
      expect((await x.call('GET', '/api.xro/2.0/Currencies')).statusCode).toBe(200);
    const limited = await x.call('GET', '/api.xro/2.0/Currencies');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['x-rate-limit-problem']).toBe('minute');
    expect(Number(limited.headers['retry-after'])).toBe(60);
    x.clock.advance(60_000);
    expect((await x.call('GET', '/api.xro/2.0/Currencies')).statusCode).toBe(200);
  });

  it('when a 503 trap is armed, then exactly the next matching call fails', async () => {
    x = await connectXero();
    await x.sim.app.inject({
      method: 'POST',
      url: '/_sim/traps',
      payload: { kind: 'status', status: 503, pathContains: '/Invoices' },
    });
    expect((await x.call('GET', '/api.xro/2.0/Invoices')).statusCode).toBe(503);
    expect((await x.call('GET', '/api.xro/2.0/Invoices')).statusCode).toBe(200);
  });

  it('when the xero-tenant-id header is missing, then the call is forbidden', async () => {
    x = await connectXero();
    const response = await x.call('GET', '/api.xro/2.0/Accounts', undefined, { 'xero-tenant-id': '' });
    expect(response.statusCode).toBe(403);
  });

  describe.skipIf(!specAvailable)('validation against xero_accounting.yaml', () => {
    it('when a quantity is a string, then the body is rejected with a ValidationException naming the field', async () => {
      x = await connectXero();
      const response = await x.call('PUT', '/api.xro/2.0/Invoices', {
        Invoices: [bill({}, { Quantity: 'one' })],
      });
      expect(response.statusCode).toBe(400);
      const body = response.json<XeroError & { ErrorNumber: number }>();
      expect(body).toMatchObject({
        ErrorNumber: 10,
        Type: 'ValidationException',
        Message: 'A validation exception occurred',
      });
      expect(messagesOf(body)).toEqual(['Invoices[0].LineItems[0].Quantity must be number']);
    });

    it("when the invoice type is not one of Xero's enum values, then it is rejected", async () => {
      x = await connectXero();
      const response = await x.call('PUT', '/api.xro/2.0/Invoices', { Invoices: [bill({ Type: 'BILL' })] });
      expect(response.statusCode).toBe(400);
      expect(messagesOf(response.json<XeroError>())[0]).toMatch(
        /^Invoices\[0\]\.Type must be one of: ACCPAY/,
      );
    });

    it('when spend money has no BankAccount (required by the spec), then it is rejected', async () => {
      x = await connectXero();
      const response = await x.call('PUT', '/api.xro/2.0/BankTransactions', {
        BankTransactions: [
          { Type: 'SPEND', LineItems: [{ Description: 'Taxi', UnitAmount: 12, AccountCode: '493' }] },
        ],
      });
      expect(messagesOf(response.json<XeroError>())).toEqual([
        "BankTransactions[0] must have required property 'BankAccount'",
      ]);
    });

    it('when the body is well formed, then it passes validation and is stored', async () => {
      x = await connectXero();
      const response = await x.call('PUT', '/api.xro/2.0/BankTransactions', {
        BankTransactions: [
          {
            Type: 'SPEND',
            Contact: { Name: 'PowerDirect' },
            BankAccount: { Code: '090' },
            Date: '2024-06-12',
            LineItems: [
              { Description: 'Electricity', UnitAmount: 100, AccountCode: '445', TaxType: 'INPUT2' },
            ],
          },
        ],
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ BankTransactions: [{ Status: 'AUTHORISED', Total: 120 }] });
    });
  });

  it('when the spec is unavailable, then the simulator still answers and says validation did not run', async () => {
    x = await connectXero({ withoutSpec: true });
    const status = (await x.sim.app.inject({ method: 'GET', url: '/_sim/status' })).json<{
      specAvailable: boolean;
      specMessage: string;
    }>();
    expect(status.specAvailable).toBe(false);
    expect(status.specMessage).toMatch(/not available/);
    const response = await x.call('PUT', '/api.xro/2.0/Invoices', { Invoices: [bill()] });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-sim-validation']).toBe('unavailable');
  });
});
