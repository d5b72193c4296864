import { randomUUID } from 'node:crypto';
import { num, recs, round2, str, type Json } from '../sim-kit/fields';
import type { XeroContact, XeroOrg } from './model';

/** Turns accepted request bodies into the records Xero would store and return. */

export function msDate(iso: string): string {
  return `/Date(${Date.parse(`${iso}T00:00:00Z`)}+0000)/`;
}

export function msDateTime(date: Date): string {
  return `/Date(${date.getTime()}+0000)/`;
}

interface Totals {
  lines: Json[];
  subTotal: number;
  totalTax: number;
}

export function computeLines(org: XeroOrg, input: readonly Json[], amountTypes: string): Totals {
  let subTotal = 0;
  let totalTax = 0;
  const lines = input.map((line) => {
    const quantity = num(line, 'Quantity') ?? 1;
    const lineAmount = num(line, 'LineAmount') ?? round2(quantity * (num(line, 'UnitAmount') ?? 0));
    const unitAmount = num(line, 'UnitAmount') ?? (quantity === 0 ? 0 : round2(lineAmount / quantity));
    const code = str(line, 'AccountCode');
    const taxType = str(line, 'TaxType') ?? org.accounts.find((a) => a.Code === code)?.TaxType ?? 'NONE';
    const rate = org.taxRates.find((t) => t.TaxType === taxType)?.EffectiveRate ?? 0;
    const computedTax =
      amountTypes === 'NoTax'
        ? 0
        : amountTypes === 'Inclusive'
          ? round2(lineAmount - lineAmount / (1 + rate / 100))
          : round2((lineAmount * rate) / 100);
    const taxAmount = num(line, 'TaxAmount') ?? computedTax;
    subTotal += amountTypes === 'Inclusive' ? lineAmount - taxAmount : lineAmount;
    totalTax += taxAmount;
    return {
      ...line,
      LineItemID: str(line, 'LineItemID') ?? randomUUID(),
      Quantity: quantity,
      UnitAmount: unitAmount,
      LineAmount: lineAmount,
      TaxType: taxType,
      TaxAmount: taxAmount,
      Tracking: recs(line, 'Tracking'),
    };
  });
  return { lines, subTotal: round2(subTotal), totalTax: round2(totalTax) };
}

export function buildInvoice(
  org: XeroOrg,
  input: Json,
  contact: XeroContact,
  date: string,
  now: Date,
  previous: Json | undefined,
): Json {
  const amountTypes = str(input, 'LineAmountTypes') ?? str(previous, 'LineAmountTypes') ?? 'Exclusive';
  const lineInput = input['LineItems'] === undefined ? recs(previous, 'LineItems') : recs(input, 'LineItems');
  const { lines, subTotal, totalTax } = computeLines(org, lineInput, amountTypes);
  const total = round2(subTotal + totalTax);
  const dueDate = str(input, 'DueDate')?.slice(0, 10) ?? str(previous, 'DueDateString')?.slice(0, 10);
  const type = str(input, 'Type') ?? str(previous, 'Type') ?? 'ACCPAY';
  const invoiceNumber =
    str(input, 'InvoiceNumber') ??
    str(previous, 'InvoiceNumber') ??
    (type === 'ACCREC'
      ? `INV-${String(org.invoices.filter((i) => i['Type'] === 'ACCREC').length + 1).padStart(4, '0')}`
      : '');
  const record: Json = {
    ...previous,
    Type: type,
    InvoiceID: str(previous, 'InvoiceID') ?? randomUUID(),
    InvoiceNumber: invoiceNumber,
    Reference: str(input, 'Reference') ?? str(previous, 'Reference') ?? '',
    Contact: { ContactID: contact.ContactID, Name: contact.Name },
    Date: msDate(date),
    DateString: `${date}T00:00:00`,
    Status: str(input, 'Status') ?? str(previous, 'Status') ?? 'DRAFT',
    LineAmountTypes: amountTypes,
    LineItems: lines,
    SubTotal: subTotal,
    TotalTax: totalTax,
    Total: total,
    AmountDue: total,
    AmountPaid: 0,
    CurrencyCode: str(input, 'CurrencyCode') ?? str(previous, 'CurrencyCode') ?? org.baseCurrency,
    CurrencyRate: num(input, 'CurrencyRate') ?? 1,
    UpdatedDateUTC: msDateTime(now),
    HasAttachments: previous?.['HasAttachments'] === true,
    Payments: previous?.['Payments'] ?? [],
    _createdMonth: str(previous, '_createdMonth') ?? now.toISOString().slice(0, 7),
  };
  if (dueDate !== undefined) {
    record['DueDate'] = msDate(dueDate);
    record['DueDateString'] = `${dueDate}T00:00:00`;
  }
  const url = str(input, 'Url');
  if (url !== undefined) record['Url'] = url;
  return record;
}

export function buildBankTransaction(
  org: XeroOrg,
  input: Json,
  contact: XeroContact | undefined,
  bank: { AccountID: string; Code: string; Name: string; CurrencyCode?: string },
  date: string,
  now: Date,
): Json {
  const amountTypes = str(input, 'LineAmountTypes') ?? 'Exclusive';
  const { lines, subTotal, totalTax } = computeLines(org, recs(input, 'LineItems'), amountTypes);
  const record: Json = {
    Type: str(input, 'Type') ?? 'SPEND',
    BankTransactionID: randomUUID(),
    BankAccount: { AccountID: bank.AccountID, Code: bank.Code, Name: bank.Name },
    Date: msDate(date),
    DateString: `${date}T00:00:00`,
    Reference: str(input, 'Reference') ?? '',
    Status: 'AUTHORISED',
    IsReconciled: false,
    LineAmountTypes: amountTypes,
    LineItems: lines,
    SubTotal: subTotal,
    TotalTax: totalTax,
    Total: round2(subTotal + totalTax),
    CurrencyCode: str(input, 'CurrencyCode') ?? bank.CurrencyCode ?? org.baseCurrency,
    UpdatedDateUTC: msDateTime(now),
    HasAttachments: false,
  };
  if (contact !== undefined) record['Contact'] = { ContactID: contact.ContactID, Name: contact.Name };
  const url = str(input, 'Url');
  if (url !== undefined) record['Url'] = url;
  return record;
}

/** What the API shows: the stored record without the simulator's own bookkeeping keys. */
export function publicView(doc: Json): Json {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}

/**
 * Xero's `where` filter, the subset Docket uses: clauses joined by AND / &&, each
 * `Path==value` or `Path!=value` with a "string", guid("..."), true/false or a number.
 */
export function whereFilter(where: string | undefined): (doc: Json) => boolean {
  if (where === undefined || where.trim() === '') return () => true;
  const clauses = where.split(/\s+AND\s+|\s*&&\s*/i).map((clause) => {
    const m = /^\s*([\w.]+)\s*(==|!=)\s*(.+?)\s*$/.exec(clause);
    if (!m?.[1] || !m[2] || !m[3]) throw new Error(`Unsupported where clause: ${clause}`);
    return { path: m[1].split('.'), negate: m[2] === '!=', value: literal(m[3]) };
  });
  return (doc) =>
    clauses.every(({ path, negate, value }) => {
      let current: unknown = doc;
      for (const key of path)
        current = typeof current === 'object' && current !== null ? (current as Json)[key] : undefined;
      const equal =
        typeof current === 'string' && typeof value === 'string'
          ? current.toLowerCase() === value.toLowerCase()
          : current === value;
      return negate ? !equal : equal;
    });
}

function literal(text: string): unknown {
  const quoted = /^(?:guid\()?"(.*)"\)?$/i.exec(text);
  if (quoted) return quoted[1];
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  if (!Number.isNaN(n)) return n;
  throw new Error(`Unsupported where value: ${text}`);
}
