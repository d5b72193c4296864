import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { num, rec, round2, str, type Json } from '../sim-kit/fields';
import { sendValidation, xeroMessages as m, type ValidationElement } from './errors';
import { msDate, msDateTime, publicView, whereFilter } from './documents';
import type { XeroOrg } from './model';
import { checkLockDate, documentDate, findAccount } from './rules';
import type { XeroSimState } from './state';
import { envelope, runWrite, type Planned } from './write-flow';

/** Payments against authorised bills and invoices ("Paid" publishing). */
export function registerXeroPayments(api: FastifyInstance, state: XeroSimState): void {
  const plan = (org: XeroOrg, items: Json[]) => planPayments(state, org, items);
  api.put('/Payments', (request, reply) =>
    runWrite(state, request, reply, { schema: 'Payments', key: 'Payments', plan }),
  );
  api.post('/Payments', (request, reply) =>
    runWrite(state, request, reply, { schema: 'Payment', key: 'Payments', single: true, plan }),
  );
  api.get('/Payments', (request, reply) => {
    const org = state.orgOf(request);
    let filter: (doc: Json) => boolean;
    try {
      filter = whereFilter((request.query as Record<string, string | undefined>)['where']);
    } catch (error) {
      return sendValidation(reply, [{ element: {}, messages: [(error as Error).message] }]);
    }
    return reply.send(envelope(state, 'Payments', org.payments.filter(filter).map(publicView)));
  });
}

function planPayments(state: XeroSimState, org: XeroOrg, items: Json[]): Planned {
  const now = state.clock();
  const problems: ValidationElement[] = [];
  const staged: { payment: Json; invoice: Json }[] = [];
  for (const item of items) {
    const messages: string[] = [];
    const ref = rec(item, 'Invoice');
    const invoiceId = str(ref, 'InvoiceID');
    const invoiceNumber = str(ref, 'InvoiceNumber') ?? str(item, 'InvoiceNumber');
    const invoice = org.invoices.find((i) =>
      invoiceId !== undefined
        ? i['InvoiceID'] === invoiceId
        : invoiceNumber !== undefined && i['InvoiceNumber'] === invoiceNumber,
    );
    const account = findAccount(org, rec(item, 'Account') ?? { Code: str(item, 'Code') });
    const amount = num(item, 'Amount') ?? 0;
    const date = documentDate(item, now);
    if (invoice === undefined) messages.push(m.invoiceNotFound);
    else if (invoice['Status'] !== 'AUTHORISED')
      messages.push('Payments can only be made against Authorised documents.');
    else if (amount <= 0 || amount > (num(invoice, 'AmountDue') ?? 0)) {
      messages.push('Payment amount exceeds the amount outstanding on this document.');
    }
    if (
      account === undefined ||
      account.Status !== 'ACTIVE' ||
      (account.Type !== 'BANK' && !account.EnablePaymentsToAccount)
    ) {
      messages.push(m.bankAccountUnknown);
    }
    messages.push(...checkLockDate(org, date));
    if (messages.length > 0 || invoice === undefined || account === undefined) {
      problems.push({ element: item, messages });
      continue;
    }
    const payment: Json = {
      PaymentID: randomUUID(),
      Date: msDate(date),
      Amount: amount,
      Reference: str(item, 'Reference') ?? '',
      Status: 'AUTHORISED',
      PaymentType: invoice['Type'] === 'ACCREC' ? 'ACCRECPAYMENT' : 'ACCPAYPAYMENT',
      UpdatedDateUTC: msDateTime(now),
      Account: { AccountID: account.AccountID, Code: account.Code },
      Invoice: {
        InvoiceID: invoice['InvoiceID'],
        InvoiceNumber: invoice['InvoiceNumber'],
        Type: invoice['Type'],
        CurrencyCode: invoice['CurrencyCode'],
      },
    };
    staged.push({ payment, invoice });
  }
  return {
    problems,
    commit: () =>
      staged.map(({ payment, invoice }) => {
        const amount = num(payment, 'Amount') ?? 0;
        const due = round2((num(invoice, 'AmountDue') ?? 0) - amount);
        invoice['AmountDue'] = due;
        invoice['AmountPaid'] = round2((num(invoice, 'AmountPaid') ?? 0) + amount);
        if (due === 0) invoice['Status'] = 'PAID';
        const earlier: unknown[] = Array.isArray(invoice['Payments'])
          ? (invoice['Payments'] as unknown[])
          : [];
        invoice['Payments'] = [...earlier, { PaymentID: payment['PaymentID'], Amount: amount }];
        org.payments.push(payment);
        return publicView(payment);
      }),
  };
}
