import type { FastifyInstance } from 'fastify';
import { rec, recs, str, type Json } from '../sim-kit/fields';
import { sendNotFound, sendValidation, xeroMessages as m, type ValidationElement } from './errors';
import { buildBankTransaction, buildInvoice, publicView, whereFilter } from './documents';
import type { XeroContact, XeroOrg } from './model';
import {
  checkBankAccount,
  checkCurrency,
  checkDuplicateNumber,
  checkLines,
  checkLockDate,
  checkPlan,
  documentDate,
  resolveContact,
} from './rules';
import type { XeroSimState } from './state';
import { envelope, runWrite, type Planned } from './write-flow';

const MODIFIABLE = new Set(['DRAFT', 'SUBMITTED', 'AUTHORISED']);
const LOCKED_STATUSES = new Set(['AUTHORISED', 'PAID']);

/** Invoices (ACCPAY bills, ACCREC sales invoices) and BankTransactions (spend money). */
export function registerXeroDocuments(api: FastifyInstance, state: XeroSimState): void {
  const planInvoices = (mode: 'create' | 'upsert', forcedId?: string) => (org: XeroOrg, items: Json[]) =>
    planInvoiceWrite(state, org, items, mode, forcedId);

  api.put('/Invoices', (request, reply) =>
    runWrite(state, request, reply, { schema: 'Invoices', key: 'Invoices', plan: planInvoices('create') }),
  );
  api.post('/Invoices', (request, reply) =>
    runWrite(state, request, reply, { schema: 'Invoices', key: 'Invoices', plan: planInvoices('upsert') }),
  );
  api.post('/Invoices/:id', (request, reply) => {
    const { id } = request.params as { id: string };
    return runWrite(state, request, reply, {
      schema: 'Invoices',
      key: 'Invoices',
      plan: planInvoices('upsert', id),
    });
  });

  api.get('/Invoices', (request, reply) => {
    const org = state.orgOf(request);
    const query = request.query as Record<string, string | undefined>;
    let filter: (doc: Json) => boolean;
    try {
      filter = whereFilter(query['where']);
    } catch (error) {
      return sendValidation(reply, [{ element: {}, messages: [(error as Error).message] }]);
    }
    const numbers = query['InvoiceNumbers']?.split(',').filter((n) => n !== '');
    const ids = query['IDs']?.split(',').filter((n) => n !== '');
    const found = org.invoices.filter(
      (i) =>
        filter(i) &&
        (numbers === undefined || numbers.includes(String(i['InvoiceNumber']))) &&
        (ids === undefined || ids.includes(String(i['InvoiceID']))),
    );
    return reply.send(envelope(state, 'Invoices', found.map(publicView)));
  });

  api.get('/Invoices/:id', (request, reply) => {
    const org = state.orgOf(request);
    const { id } = request.params as { id: string };
    const found = org.invoices.find((i) => i['InvoiceID'] === id || i['InvoiceNumber'] === id);
    if (!found) return sendNotFound(reply);
    return reply.send(envelope(state, 'Invoices', [publicView(found)]));
  });

  const planSpend = (org: XeroOrg, items: Json[]): Planned => planBankTransactions(state, org, items);
  api.put('/BankTransactions', (request, reply) =>
    runWrite(state, request, reply, { schema: 'BankTransactions', key: 'BankTransactions', plan: planSpend }),
  );
  api.post('/BankTransactions', (request, reply) =>
    runWrite(state, request, reply, { schema: 'BankTransactions', key: 'BankTransactions', plan: planSpend }),
  );
  api.get('/BankTransactions', (request, reply) => {
    const org = state.orgOf(request);
    let filter: (doc: Json) => boolean;
    try {
      filter = whereFilter((request.query as Record<string, string | undefined>)['where']);
    } catch (error) {
      return sendValidation(reply, [{ element: {}, messages: [(error as Error).message] }]);
    }
    return reply.send(
      envelope(state, 'BankTransactions', org.bankTransactions.filter(filter).map(publicView)),
    );
  });
  api.get('/BankTransactions/:id', (request, reply) => {
    const org = state.orgOf(request);
    const { id } = request.params as { id: string };
    const found = org.bankTransactions.find((t) => t['BankTransactionID'] === id);
    if (!found) return sendNotFound(reply);
    return reply.send(envelope(state, 'BankTransactions', [publicView(found)]));
  });
}

function planInvoiceWrite(
  state: XeroSimState,
  org: XeroOrg,
  items: Json[],
  mode: 'create' | 'upsert',
  forcedId?: string,
): Planned {
  const now = state.clock();
  const problems: ValidationElement[] = [];
  const staged: { record: Json; created: XeroContact | undefined; index: number }[] = [];
  for (const item of items) {
    const messages: string[] = [];
    const id = forcedId ?? (mode === 'upsert' ? str(item, 'InvoiceID') : undefined);
    const index =
      id === undefined
        ? -1
        : org.invoices.findIndex((i) => i['InvoiceID'] === id || i['InvoiceNumber'] === id);
    const previous = index >= 0 ? org.invoices[index] : undefined;
    if (id !== undefined && previous === undefined) {
      problems.push({ element: item, messages: [m.invoiceNotFound] });
      continue;
    }
    if (previous !== undefined && !MODIFIABLE.has(String(previous['Status']))) {
      problems.push({ element: item, messages: [m.notModifiable] });
      continue;
    }
    const merged: Json = { ...previous, ...item, Type: str(item, 'Type') ?? str(previous, 'Type') };
    const type = str(merged, 'Type');
    if (type === undefined) messages.push('Invoice Type must be specified.');
    const contactRef = rec(item, 'Contact') ?? rec(previous, 'Contact');
    const { contact, created, message } = resolveContact(org, contactRef);
    if (message !== undefined) messages.push(message);
    const status = str(merged, 'Status') ?? 'DRAFT';
    const date = documentDate(merged, now);
    const lines = item['LineItems'] === undefined ? recs(previous, 'LineItems') : recs(item, 'LineItems');
    if (status !== 'DRAFT' && lines.length === 0) messages.push(m.lineItemsRequired);
    messages.push(...checkLines(org, lines, type === 'ACCREC' ? 'sale' : 'purchase'));
    messages.push(...checkCurrency(org, merged));
    if (LOCKED_STATUSES.has(status)) messages.push(...checkLockDate(org, date));
    messages.push(...checkDuplicateNumber(org, merged, contact?.ContactID, str(previous, 'InvoiceID')));
    if (previous === undefined || previous['Status'] === 'DRAFT')
      messages.push(...checkPlan(org, merged, now));
    if (messages.length > 0 || contact === undefined) {
      problems.push({ element: item, messages });
      continue;
    }
    staged.push({ record: buildInvoice(org, item, contact, date, now, previous), created, index });
  }
  return {
    problems,
    commit: () =>
      staged.map(({ record, created, index }) => {
        if (created) org.contacts.push(created);
        if (index >= 0) org.invoices[index] = record;
        else org.invoices.push(record);
        return publicView(record);
      }),
  };
}

function planBankTransactions(state: XeroSimState, org: XeroOrg, items: Json[]): Planned {
  const now = state.clock();
  const problems: ValidationElement[] = [];
  const staged: { record: Json; created: XeroContact | undefined }[] = [];
  for (const item of items) {
    const messages: string[] = [];
    const type = str(item, 'Type') ?? 'SPEND';
    const contactRef = rec(item, 'Contact');
    const resolved = contactRef === undefined ? {} : resolveContact(org, contactRef);
    if (resolved.message !== undefined) messages.push(resolved.message);
    const bank = checkBankAccount(org, item);
    messages.push(...bank.messages);
    messages.push(...checkCurrency(org, item));
    const date = documentDate(item, now);
    messages.push(...checkLockDate(org, date));
    const lines = recs(item, 'LineItems');
    if (lines.length === 0) messages.push(m.lineItemsRequired);
    messages.push(...checkLines(org, lines, type.startsWith('RECEIVE') ? 'sale' : 'purchase'));
    if (messages.length > 0 || bank.account === undefined) {
      problems.push({ element: item, messages });
      continue;
    }
    staged.push({
      record: buildBankTransaction(org, item, resolved.contact, bank.account, date, now),
      created: resolved.created,
    });
  }
  return {
    problems,
    commit: () =>
      staged.map(({ record, created }) => {
        if (created) org.contacts.push(created);
        org.bankTransactions.push(record);
        return publicView(record);
      }),
  };
}
