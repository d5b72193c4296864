import { afterEach, describe, expect, it } from 'vitest';
import { bill, connectXero, type ConnectedXero } from './test-kit';

interface XeroError {
  Elements?: { ValidationErrors: { Message: string }[] }[];
}
const messagesOf = (body: XeroError) =>
  (body.Elements ?? []).flatMap((e) => e.ValidationErrors.map((v) => v.Message));

describe('Xero simulator organisation rules', () => {
  let x: ConnectedXero;
  afterEach(async () => x.sim.app.close());

  const putBill = async (overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => {
    const response = await x.call('PUT', '/api.xro/2.0/Invoices', { Invoices: [bill(overrides, line)] });
    return { status: response.statusCode, messages: messagesOf(response.json<XeroError>()) };
  };
  const settings = (patch: Record<string, unknown>) =>
    x.sim.app.inject({ method: 'PATCH', url: `/_sim/organisations/${x.tenantId}`, payload: patch });
  const spend = (date: string, extra: Record<string, unknown> = {}) =>
    x.call('PUT', '/api.xro/2.0/BankTransactions', {
      BankTransactions: [
        {
          Type: 'SPEND',
          BankAccount: { Code: '090' },
          Date: date,
          LineItems: [{ Description: 'Taxi', UnitAmount: 20, AccountCode: '493' }],
          ...extra,
        },
      ],
    });

  it('when an approved bill is dated inside the period lock, then Xero refuses it but a draft is still accepted', async () => {
    x = await connectXero();
    await settings({ periodLockDate: '2024-03-31' });
    expect(await putBill({ Date: '2024-03-15', Status: 'AUTHORISED' })).toEqual({
      status: 400,
      messages: ['The document date cannot be before the period lock date, currently set at 31 March 2024'],
    });
    expect((await putBill({ Date: '2024-03-15', Status: 'DRAFT' })).status).toBe(200);
  });

  it('when spend money is dated inside the end-of-year lock, then it is refused even though it has no draft status', async () => {
    x = await connectXero();
    await settings({ endOfYearLockDate: '2023-12-31' });
    const response = await spend('2023-12-20');
    expect(messagesOf(response.json<XeroError>())).toEqual([
      'The document date cannot be before the end of year lock date, currently set at 31 December 2023',
    ]);
  });

  it('when a line uses an archived account, then the archived-account message comes back', async () => {
    x = await connectXero();
    await x.sim.app.inject({ method: 'POST', url: `/_sim/organisations/${x.tenantId}/accounts/429/archive` });
    expect((await putBill()).messages).toEqual([
      "Account code '429' has been archived or has been deleted. Each line item must reference a valid account.",
    ]);
  });

  it('when a line uses an account code that does not exist, then it is not a valid code for this document', async () => {
    x = await connectXero();
    expect((await putBill({}, { AccountCode: '999' })).messages).toEqual([
      "Account code '999' is not a valid code for this document.",
    ]);
  });

  it('when a bill uses a sales tax rate, then the tax type cannot be used with the account', async () => {
    x = await connectXero();
    expect((await putBill({}, { TaxType: 'OUTPUT2' })).messages).toEqual([
      'The TaxType code OUTPUT2 cannot be used with this account code',
    ]);
  });

  it('when the contact is archived, then the bill is refused', async () => {
    x = await connectXero();
    expect((await putBill({ Contact: { Name: 'Old Supplier Ltd' } })).messages).toEqual([
      'Unable to assign an Archived contact.',
    ]);
  });

  it('when a tracking option does not exist, then the tracking message names it', async () => {
    x = await connectXero();
    expect((await putBill({}, { Tracking: [{ Name: 'Region', Option: 'West' }] })).messages).toEqual([
      "The tracking option 'West' could not be found for the tracking category 'Region'.",
    ]);
    expect(
      (await putBill({ InvoiceNumber: 'AF-2' }, { Tracking: [{ Name: 'Region', Option: 'North' }] })).status,
    ).toBe(200);
  });

  it('when the organisation refuses duplicate bill numbers, then a second bill from the same supplier with the same number fails', async () => {
    x = await connectXero();
    expect((await putBill()).status).toBe(200);
    expect((await putBill()).status).toBe(200);
    await settings({ rejectDuplicateBillNumbers: true });
    expect((await putBill()).messages).toEqual(['This invoice number must be unique.']);
  });

  it('when a sales invoice number is already used, then it must be unique', async () => {
    x = await connectXero();
    const sale = { Type: 'ACCREC', Contact: { Name: 'Bayside Club' }, InvoiceNumber: 'INV-9' };
    const saleLine = { AccountCode: '200', TaxType: 'OUTPUT2' };
    expect((await putBill(sale, saleLine)).status).toBe(200);
    expect((await putBill(sale, saleLine)).messages).toEqual(['This invoice number must be unique.']);
  });

  it('when the currency is not enabled, then the organisation is not subscribed to it', async () => {
    x = await connectXero();
    expect((await putBill({ CurrencyCode: 'JPY' })).messages).toEqual([
      'Organisation is not subscribed to currency JPY',
    ]);
  });

  it('when spend money mixes a GBP bank account with a EUR transaction, then one currency per transaction is enforced', async () => {
    x = await connectXero();
    const response = await spend('2024-06-12', { CurrencyCode: 'EUR' });
    expect(messagesOf(response.json<XeroError>())).toEqual([
      'The bank account currency (GBP) must match the transaction currency (EUR).',
    ]);
  });

  it('when a small plan has used its approved bills this month, then the next approved bill hits the limit but drafts pass', async () => {
    x = await connectXero();
    await settings({ plan: { name: 'Ignite', approvedBillsPerMonth: 2 } });
    expect((await putBill({ InvoiceNumber: 'A1', Status: 'AUTHORISED' })).status).toBe(200);
    expect((await putBill({ InvoiceNumber: 'A2', Status: 'AUTHORISED' })).status).toBe(200);
    expect((await putBill({ InvoiceNumber: 'A3', Status: 'AUTHORISED' })).messages).toEqual([
      'You have reached the limit of invoices you can approve!',
    ]);
    expect((await putBill({ InvoiceNumber: 'A3', Status: 'DRAFT' })).status).toBe(200);
  });

  it('when a paid bill is updated, then it is not of valid status for modification', async () => {
    x = await connectXero();
    const created = await x.call('PUT', '/api.xro/2.0/Invoices', {
      Invoices: [bill({ Status: 'AUTHORISED' })],
    });
    const invoiceId = created.json<{ Invoices: { InvoiceID: string }[] }>().Invoices[0]?.InvoiceID ?? '';
    const paid = await x.call('PUT', '/api.xro/2.0/Payments', {
      Payments: [
        { Invoice: { InvoiceID: invoiceId }, Account: { Code: '090' }, Date: '2024-06-14', Amount: 300 },
      ],
    });
    expect(paid.statusCode).toBe(200);
    const update = await x.call('POST', `/api.xro/2.0/Invoices/${invoiceId}`, {
      Invoices: [{ Reference: 'changed' }],
    });
    expect(messagesOf(update.json<XeroError>())).toEqual(['Invoice not of valid status for modification']);
  });

  it('when one bill in a batch fails, then none of the batch is stored', async () => {
    x = await connectXero();
    const response = await x.call('PUT', '/api.xro/2.0/Invoices', {
      Invoices: [bill({ InvoiceNumber: 'OK-1' }), bill({ InvoiceNumber: 'BAD-1' }, { AccountCode: '999' })],
    });
    expect(response.statusCode).toBe(400);
    expect(
      (await x.call('GET', '/api.xro/2.0/Invoices')).json<{ Invoices: unknown[] }>().Invoices,
    ).toHaveLength(0);
  });
});
