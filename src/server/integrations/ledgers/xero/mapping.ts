import { fromMinor, toMinor } from '../../../../shared/money';
import { num, rec, recs, str, type Json } from '../sim-kit/fields';
import type {
  AccountKind,
  LedgerAccount,
  LedgerContact,
  LedgerOrganisation,
  LedgerTaxRate,
  LedgerTrackingCategory,
  PublishDraft,
  PaymentToRecord,
  PublishedDocument,
  PublishKind,
  RecordedPayment,
} from '../port';

/** Xero wire shapes <-> Docket's normalised ledger types. */

const KIND_OF_TYPE: Readonly<Record<string, AccountKind>> = {
  BANK: 'bank',
  CURRENT: 'asset',
  FIXED: 'asset',
  INVENTORY: 'asset',
  NONCURRENT: 'asset',
  PREPAYMENT: 'asset',
  CURRLIAB: 'liability',
  LIABILITY: 'liability',
  TERMLIAB: 'liability',
  EQUITY: 'equity',
  REVENUE: 'revenue',
  SALES: 'revenue',
  OTHERINCOME: 'revenue',
  DIRECTCOSTS: 'expense',
  EXPENSE: 'expense',
  OVERHEADS: 'expense',
  DEPRECIATN: 'expense',
};

export function toAccount(a: Json): LedgerAccount {
  const code = str(a, 'Code') ?? null;
  const type = str(a, 'Type') ?? '';
  const kind: AccountKind =
    type === 'BANK' && str(a, 'BankAccountType') === 'CREDITCARD'
      ? 'credit_card'
      : (KIND_OF_TYPE[type] ?? 'expense');
  return {
    id: code ?? str(a, 'AccountID') ?? '',
    code,
    name: str(a, 'Name') ?? '',
    kind,
    currency: str(a, 'CurrencyCode') ?? null,
    active: str(a, 'Status') === 'ACTIVE',
  };
}

export function toTaxRate(t: Json): LedgerTaxRate {
  return {
    id: str(t, 'TaxType') ?? '',
    name: str(t, 'Name') ?? '',
    rateBasisPoints: Math.round((num(t, 'EffectiveRate') ?? 0) * 100),
    purchases: t['CanApplyToExpenses'] !== false,
    sales: t['CanApplyToRevenue'] !== false,
    active: str(t, 'Status') === 'ACTIVE',
  };
}

export function toContact(c: Json): LedgerContact {
  return {
    id: str(c, 'ContactID') ?? '',
    name: str(c, 'Name') ?? '',
    supplier: c['IsSupplier'] === true,
    customer: c['IsCustomer'] === true,
    currency: str(c, 'DefaultCurrency') ?? null,
    active: str(c, 'ContactStatus') === 'ACTIVE',
  };
}

export function toTracking(t: Json): LedgerTrackingCategory {
  return {
    id: str(t, 'TrackingCategoryID') ?? '',
    name: str(t, 'Name') ?? '',
    kind: 'tracking',
    options: recs(t, 'Options').map((o) => ({
      id: str(o, 'TrackingOptionID') ?? '',
      name: str(o, 'Name') ?? '',
      active: str(o, 'Status') === 'ACTIVE',
    })),
  };
}

/** "/Date(1711843200000+0000)/" or "2024-03-31T00:00:00" -> "2024-03-31" */
export function xeroDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const ms = /\/Date\((-?\d+)/.exec(value);
  if (ms?.[1] !== undefined) return new Date(Number(ms[1])).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

export function toOrganisation(o: Json): LedgerOrganisation {
  const locks = [xeroDate(o['PeriodLockDate']), xeroDate(o['EndOfYearLockDate'])]
    .filter((d): d is string => d !== null)
    .sort();
  return {
    id: str(o, 'OrganisationID') ?? '',
    name: str(o, 'Name') ?? '',
    baseCurrency: str(o, 'BaseCurrency') ?? '',
    countryCode: str(o, 'CountryCode') ?? null,
    lockDate: locks.at(-1) ?? null,
    plan: str(o, 'Class') ?? null,
  };
}

const STATUS = { draft: 'DRAFT', awaiting_approval: 'SUBMITTED', awaiting_payment: 'AUTHORISED' } as const;
const AMOUNTS = { exclusive: 'Exclusive', inclusive: 'Inclusive', no_tax: 'NoTax' } as const;

function contactRef(draft: PublishDraft): Json {
  return 'id' in draft.contact ? { ContactID: draft.contact.id } : { Name: draft.contact.name };
}

function lineItems(draft: PublishDraft): Json[] {
  return draft.lines.map((line) => {
    const item: Json = {
      Description: line.description,
      Quantity: 1,
      UnitAmount: Number(fromMinor(line.amountMinor, draft.currency)),
      AccountCode: line.accountId,
      Tracking: line.tracking.map((t) => ({
        TrackingCategoryID: t.categoryId,
        TrackingOptionID: t.optionId,
      })),
    };
    if (line.taxRateId !== null) item['TaxType'] = line.taxRateId;
    if (line.taxMinor !== undefined) item['TaxAmount'] = Number(fromMinor(line.taxMinor, draft.currency));
    return item;
  });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request body for PUT /Invoices (bills, sales invoices) or PUT /BankTransactions (spend money). */
export function draftBody(draft: PublishDraft): { collection: 'Invoices' | 'BankTransactions'; body: Json } {
  const common: Json = {
    Contact: contactRef(draft),
    Date: draft.date,
    CurrencyCode: draft.currency,
    LineAmountTypes: AMOUNTS[draft.amountsInclude],
    LineItems: lineItems(draft),
  };
  if (draft.sourceUrl !== undefined) common['Url'] = draft.sourceUrl;
  if (draft.kind === 'spend_money') {
    const bank = draft.bankAccountId ?? '';
    const spend: Json = {
      ...common,
      Type: 'SPEND',
      BankAccount: accountRef(bank),
    };
    const reference = draft.reference ?? draft.documentNumber;
    if (reference !== null) spend['Reference'] = reference;
    return { collection: 'BankTransactions', body: { BankTransactions: [spend] } };
  }
  const invoice: Json = {
    ...common,
    Type: draft.kind === 'bill' ? 'ACCPAY' : 'ACCREC',
    Status: STATUS[draft.status],
  };
  if (draft.dueDate !== null) invoice['DueDate'] = draft.dueDate;
  if (draft.documentNumber !== null) invoice['InvoiceNumber'] = draft.documentNumber;
  if (draft.reference !== null) invoice['Reference'] = draft.reference;
  return { collection: 'Invoices', body: { Invoices: [invoice] } };
}

/** Bank accounts are referred to by code, or by AccountID when they have none. */
function accountRef(id: string): Json {
  return UUID_RE.test(id) ? { AccountID: id } : { Code: id };
}

/** The request body for PUT /Payments: the whole amount of one bill or invoice from one bank account. */
export function paymentBody(invoiceId: string, payment: PaymentToRecord): Json {
  const body: Json = {
    Invoice: { InvoiceID: invoiceId },
    Account: accountRef(payment.bankAccountId),
    Date: payment.date,
    Amount: Number(fromMinor(payment.amountMinor, payment.currency)),
  };
  if (payment.reference !== null) body['Reference'] = payment.reference;
  return { Payments: [body] };
}

export function toPayment(p: Json, currency: string): RecordedPayment {
  return {
    id: str(p, 'PaymentID') ?? '',
    amountMinor: toMinor((num(p, 'Amount') ?? 0).toFixed(4), currency) ?? 0n,
    currency,
  };
}

export function toPublished(kind: PublishKind, doc: Json): PublishedDocument {
  const currency = str(doc, 'CurrencyCode') ?? 'GBP';
  const total = num(doc, 'Total') ?? 0;
  return {
    kind,
    id: str(doc, kind === 'spend_money' ? 'BankTransactionID' : 'InvoiceID') ?? '',
    number: (kind === 'spend_money' ? str(doc, 'Reference') : str(doc, 'InvoiceNumber')) ?? null,
    status: str(doc, 'Status') ?? '',
    totalMinor: toMinor(total.toFixed(4), currency) ?? 0n,
    currency,
  };
}

export function firstOf(body: unknown, key: string): Json | undefined {
  return recs(body as Json, key)[0] ?? rec(body as Json, key);
}
