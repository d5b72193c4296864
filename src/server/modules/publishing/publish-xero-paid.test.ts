import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishingSettings } from '../../../shared/contracts/publishing';
import { itemEvents, items } from '../../db/schema';
import {
  accountPublishing,
  buildPublishingHarness,
  connectThroughBrowser,
  firstXeroTenant,
  paymentMethod,
  readyItem,
  sampleBill,
  signUpClient,
  simGet,
  simSend,
  type Client,
  type ItemSeed,
  type PublishingHarness,
} from './test-kit';

interface XeroDump {
  invoices: {
    InvoiceID: string;
    InvoiceNumber?: string;
    Type: string;
    Status: string;
    Total: number;
    AmountDue: number;
    AmountPaid: number;
  }[];
  payments: {
    PaymentID: string;
    Amount: number;
    Account: { Code: string };
    Invoice: { InvoiceID: string };
  }[];
}

describe('publishing to Xero as Paid (where possible), simulator over HTTP', () => {
  let h: PublishingHarness;
  let client: Client;
  let accountId: string;
  let tenantId: string;
  let card: string;
  let unlinked: string;

  const dump = () => simGet<XeroDump>(`${h.xeroUrl}/_sim/organisations/${tenantId}`);
  const invoicesNumbered = async (number: string) =>
    (await dump()).invoices.filter((i) => i.InvoiceNumber === number);
  const paymentsOf = async (invoiceId: string) =>
    (await dump()).payments.filter((p) => p.Invoice.InvoiceID === invoiceId);
  const { publish, publication } = accountPublishing(() => ({ h, client, accountId }));
  const trap = (body: Record<string, unknown>) => simSend(`${h.xeroUrl}/_sim/traps`, body);
  const bill = (reference: string, extra: Partial<ItemSeed> = {}) =>
    sampleBill(h, accountId, 'xero', reference, { paymentMethodId: card, ...extra });

  beforeAll(async () => {
    h = await buildPublishingHarness();
    ({ client, accountId } = await signUpClient(h.app));
    tenantId = await firstXeroTenant(h);
    await connectThroughBrowser(h, client, accountId, 'xero');
    const settings = (
      await client.get(`/api/accounts/${accountId}/publishing/settings`)
    ).json<PublishingSettings>();
    const saved = await client.request('PUT', `/api/accounts/${accountId}/publishing/settings`, {
      ...settings,
      costs: { destination: 'purchases', status: 'paid' },
      sales: { ...settings.sales, status: 'paid' },
    });
    expect(saved.statusCode).toBe(200);
    card = await paymentMethod(h.database.db, accountId, 'Business debit card');
    unlinked = await paymentMethod(h.database.db, accountId, 'Petty cash');
    const linked = await client.request(
      'PUT',
      `/api/accounts/${accountId}/publishing/payment-methods/${card}`,
      {
        bankAccountId: '090',
        paymentType: null,
        autoPublish: null,
      },
    );
    expect(linked.statusCode).toBe(200);
  });
  afterAll(async () => h.close());

  it('when a bill is published as Paid with a payment method linked to a bank account, then Xero has the approved bill and one payment from that account, and the bill is PAID', async () => {
    const itemId = await bill('PAID-1');
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub).toMatchObject({ state: 'published', kind: 'bill', ledgerStatus: 'PAID', note: null });
    const [invoice] = await invoicesNumbered('PAID-1');
    expect(invoice).toMatchObject({
      Type: 'ACCPAY',
      Status: 'PAID',
      Total: 120,
      AmountDue: 0,
      AmountPaid: 120,
    });
    const payments = await paymentsOf(invoice?.InvoiceID ?? '');
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ Amount: 120, Account: { Code: '090' }, PaymentID: pub?.paymentId });
    const [event] = await h.database.db
      .select()
      .from(itemEvents)
      .where(eq(itemEvents.itemId, itemId))
      .orderBy(itemEvents.at);
    expect(event?.text).toContain('as Paid');
  });

  it('when a sales invoice is published as Paid, then Xero has the approved invoice paid into the linked bank account', async () => {
    const itemId = await readyItem(h.database.db, accountId, {
      workspace: 'sales',
      contactName: 'Bayside Club',
      date: '2026-02-21',
      reference: 'INV-PAID-1',
      netMinor: 50_000n,
      taxMinor: 10_000n,
      categoryCode: '200',
      taxCode: 'OUTPUT2',
      paymentMethodId: card,
    });
    await publish(itemId);
    expect(await publication(itemId)).toMatchObject({ state: 'published', kind: 'sales_invoice' });
    const [invoice] = await invoicesNumbered('INV-PAID-1');
    expect(invoice).toMatchObject({ Type: 'ACCREC', Status: 'PAID', AmountDue: 0 });
    expect(await paymentsOf(invoice?.InvoiceID ?? '')).toHaveLength(1);
  });

  it('when the payment method is not linked to a Xero bank account, then the bill is published as Awaiting Payment and the item says why', async () => {
    const itemId = await bill('PAID-2', { paymentMethodId: unlinked });
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub).toMatchObject({ state: 'published', paymentId: null });
    expect(pub?.note).toContain('Published as Awaiting Payment, not Paid');
    expect(pub?.note).toContain('Business settings > Connections > Payment methods');
    const [invoice] = await invoicesNumbered('PAID-2');
    expect(invoice).toMatchObject({ Status: 'AUTHORISED', AmountDue: 120 });
    expect(await paymentsOf(invoice?.InvoiceID ?? '')).toHaveLength(0);
    const events = await h.database.db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId));
    expect(events.map((e) => e.text).join(' ')).toContain('Published as Awaiting Payment, not Paid');
  });

  it('when the payment went through but its answer was lost, then Docket finds it before retrying and Xero has one payment', async () => {
    const itemId = await bill('PAID-3');
    await trap({ kind: 'lost_answer', status: 504, pathContains: '/Payments' });
    await publish(itemId);
    expect(await publication(itemId)).toMatchObject({ state: 'published', ledgerStatus: 'PAID' });
    const [invoice] = await invoicesNumbered('PAID-3');
    expect(invoice?.Status).toBe('PAID');
    expect(await paymentsOf(invoice?.InvoiceID ?? '')).toHaveLength(1);
  });

  it('when the payment call fails and the publish is retried, then the bill is not created again and the payment is made once', async () => {
    const itemId = await bill('PAID-4');
    await trap({ kind: 'status', status: 503, pathContains: '/Payments' });
    const first = await publish(itemId);
    expect(first.statusCode).not.toBe(200);
    const owed = await publication(itemId);
    expect(owed).toMatchObject({ state: 'queued', paymentId: null });
    expect(owed?.ledgerDocumentId).not.toBeNull();
    expect((await h.database.db.select().from(items).where(eq(items.id, itemId)))[0]?.status).toBe('ready');

    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub).toMatchObject({ state: 'published', ledgerStatus: 'PAID' });
    const created = await invoicesNumbered('PAID-4');
    expect(created).toHaveLength(1);
    expect(await paymentsOf(created[0]?.InvoiceID ?? '')).toHaveLength(1);
    // Publishing again is refused by the already-published guard: still one payment.
    await publish(itemId);
    expect(await paymentsOf(created[0]?.InvoiceID ?? '')).toHaveLength(1);
  });

  it('when the linked bank account was archived in Xero after the last sync, then the bill stays Awaiting Payment and the note carries Xero’s refusal with the fix', async () => {
    const itemId = await bill('PAID-5');
    await fetch(`${h.xeroUrl}/_sim/organisations/${tenantId}/accounts/090/archive`, { method: 'POST' });
    await publish(itemId);
    const pub = await publication(itemId);
    expect(pub).toMatchObject({ state: 'published', paymentId: null });
    expect(pub?.note).toContain('Xero (simulated) refused the payment');
    expect(pub?.note).toContain('bank account');
    const [invoice] = await invoicesNumbered('PAID-5');
    expect(invoice).toMatchObject({ Status: 'AUTHORISED', AmountDue: 120 });
    expect(await paymentsOf(invoice?.InvoiceID ?? '')).toHaveLength(0);
  });
});
