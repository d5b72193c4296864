import { afterEach, describe, expect, it } from 'vitest';
import { missingDataMessage } from '../../../../../test/support/shared-data';
import { xeroSpec } from './spec';
import { bill, connectXero, type ConnectedXero } from './test-kit';

const specAvailable = xeroSpec() !== null;
if (!specAvailable) console.warn(missingDataMessage('api-specs/xero/xero_accounting.yaml'));

interface XeroError {
  Type?: string;
  Elements?: { ValidationErrors: { Message: string }[] }[];
}
interface Invoice {
  InvoiceID: string;
  Status: string;
  AmountDue: number;
  AmountPaid: number;
}
const messagesOf = (body: XeroError) =>
  (body.Elements ?? []).flatMap((e) => e.ValidationErrors.map((v) => v.Message));

describe('Xero simulator payments (PUT /Payments, validated against the OpenAPI spec)', () => {
  let x: ConnectedXero;
  afterEach(async () => x.sim.app.close());

  const approvedBill = async (number = 'AF-1001') => {
    const created = await x.call('PUT', '/api.xro/2.0/Invoices', {
      Invoices: [bill({ Status: 'AUTHORISED', InvoiceNumber: number })],
    });
    expect(created.statusCode).toBe(200);
    return created.json<{ Invoices: Invoice[] }>().Invoices[0]?.InvoiceID ?? '';
  };
  const pay = (
    invoiceId: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    x.call(
      'PUT',
      '/api.xro/2.0/Payments',
      {
        Payments: [
          {
            Invoice: { InvoiceID: invoiceId },
            Account: { Code: '090' },
            Date: '2024-06-14',
            Amount: 300,
            ...extra,
          },
        ],
      },
      headers,
    );
  const invoice = async (id: string) =>
    (await x.call('GET', `/api.xro/2.0/Invoices/${id}`)).json<{ Invoices: Invoice[] }>().Invoices[0];

  it('when a payment of part and then the rest is made, then AmountDue falls and the bill becomes PAID', async () => {
    x = await connectXero();
    const id = await approvedBill();
    expect((await pay(id, { Amount: 100 })).statusCode).toBe(200);
    expect(await invoice(id)).toMatchObject({ Status: 'AUTHORISED', AmountDue: 200, AmountPaid: 100 });
    const rest = await pay(id, { Amount: 200 });
    expect(rest.json<{ Payments: { PaymentType: string }[] }>().Payments[0]?.PaymentType).toBe(
      'ACCPAYPAYMENT',
    );
    expect(await invoice(id)).toMatchObject({ Status: 'PAID', AmountDue: 0, AmountPaid: 300 });
  });

  it('when a payment is more than is still owed, then Xero refuses it in its validation format and nothing changes', async () => {
    x = await connectXero();
    const id = await approvedBill();
    const over = await pay(id, { Amount: 300.01 });
    expect(over.statusCode).toBe(400);
    expect(over.json<XeroError>().Type).toBe('ValidationException');
    expect(messagesOf(over.json<XeroError>())).toEqual([
      'Payment amount exceeds the amount outstanding on this document.',
    ]);
    expect(await invoice(id)).toMatchObject({ Status: 'AUTHORISED', AmountDue: 300 });
  });

  it('when a draft is paid, then Xero refuses it', async () => {
    x = await connectXero();
    const created = await x.call('PUT', '/api.xro/2.0/Invoices', { Invoices: [bill()] });
    const id = created.json<{ Invoices: Invoice[] }>().Invoices[0]?.InvoiceID ?? '';
    expect(messagesOf((await pay(id)).json<XeroError>())).toEqual([
      'Payments can only be made against Authorised documents.',
    ]);
  });

  it('when the payment date is inside the lock date, then Xero refuses it', async () => {
    x = await connectXero();
    const id = await approvedBill();
    await x.sim.app.inject({
      method: 'PATCH',
      url: `/_sim/organisations/${x.tenantId}`,
      payload: { periodLockDate: '2024-06-14' },
    });
    expect(messagesOf((await pay(id)).json<XeroError>())).toEqual([
      'The document date cannot be before the period lock date, currently set at 14 June 2024',
    ]);
  });

  it('when the bank account is archived, then the bank account details do not match a known bank account', async () => {
    x = await connectXero();
    const id = await approvedBill();
    await x.sim.app.inject({ method: 'POST', url: `/_sim/organisations/${x.tenantId}/accounts/090/archive` });
    expect(messagesOf((await pay(id)).json<XeroError>())).toEqual([
      'The specified bank account details do not match a known bank account',
    ]);
  });

  it.skipIf(!specAvailable)(
    'when the body does not match the Payment schema, then the spec validation refuses it',
    async () => {
      x = await connectXero();
      const id = await approvedBill();
      const wrong = await pay(id, { Amount: 'three hundred' });
      expect(wrong.statusCode).toBe(400);
      expect(messagesOf(wrong.json<XeroError>()).join(' ')).toMatch(/Amount/);
    },
  );

  it('when the same Idempotency-Key is sent twice, then the answer is replayed and one payment exists; GET /Payments filters by invoice', async () => {
    x = await connectXero();
    const id = await approvedBill();
    const other = await approvedBill('AF-1002');
    const first = await pay(id, {}, { 'idempotency-key': 'pay-1' });
    const again = await pay(id, {}, { 'idempotency-key': 'pay-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    await pay(other);
    const where = encodeURIComponent(`Invoice.InvoiceID==guid("${id}")`);
    const listed = (await x.call('GET', `/api.xro/2.0/Payments?where=${where}`)).json<{
      Payments: { Invoice: { InvoiceID: string } }[];
    }>().Payments;
    expect(listed.map((p) => p.Invoice.InvoiceID)).toEqual([id]);
  });

  it('when a lost_answer trap is armed, then the payment is made but the caller gets a gateway error', async () => {
    x = await connectXero();
    const id = await approvedBill();
    await x.sim.app.inject({
      method: 'POST',
      url: '/_sim/traps',
      payload: { kind: 'lost_answer', status: 504, pathContains: '/Payments' },
    });
    expect((await pay(id)).statusCode).toBe(504);
    expect(await invoice(id)).toMatchObject({ Status: 'PAID' });
  });
});
