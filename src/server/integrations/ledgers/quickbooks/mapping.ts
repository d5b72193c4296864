import { fromMinor, toMinor } from '../../../../shared/money';
import { num, rec, recs, str, type Json } from '../sim-kit/fields';
import type {
  AccountKind,
  LedgerAccount,
  LedgerContact,
  LedgerProduct,
  LedgerTaxRate,
  PublishDraft,
  PublishedDocument,
  PublishKind,
} from '../port';

/** QuickBooks Online JSON <-> Docket's normalised ledger types. */

const KIND_OF_TYPE: Readonly<Record<string, AccountKind>> = {
  Bank: 'bank',
  'Credit Card': 'credit_card',
  'Accounts Payable': 'payable',
  'Accounts Receivable': 'receivable',
  Expense: 'expense',
  'Other Expense': 'expense',
  'Cost of Goods Sold': 'expense',
  Income: 'revenue',
  'Other Income': 'revenue',
  Equity: 'equity',
  'Other Current Asset': 'asset',
  'Fixed Asset': 'asset',
  'Other Asset': 'asset',
  'Other Current Liability': 'liability',
  'Long Term Liability': 'liability',
};

export function toAccount(a: Json): LedgerAccount {
  return {
    id: str(a, 'Id') ?? '',
    code: str(a, 'AcctNum') ?? null,
    name: str(a, 'FullyQualifiedName') ?? str(a, 'Name') ?? '',
    kind: KIND_OF_TYPE[str(a, 'AccountType') ?? ''] ?? 'expense',
    currency: str(rec(a, 'CurrencyRef'), 'value') ?? null,
    active: a['Active'] !== false,
  };
}

/** Lines reference tax codes; the rate shown is the code's first purchase (else sales) rate. */
export function toTaxRate(code: Json, rates: readonly Json[]): LedgerTaxRate {
  const rateOf = (listKey: string) => {
    const id = str(rec(recs(rec(code, listKey), 'TaxRateDetail')[0], 'TaxRateRef'), 'value');
    return id === undefined
      ? undefined
      : num(
          rates.find((r) => r['Id'] === id),
          'RateValue',
        );
  };
  const purchase = rateOf('PurchaseTaxRateList');
  const sales = rateOf('SalesTaxRateList');
  const noRates = purchase === undefined && sales === undefined;
  return {
    id: str(code, 'Id') ?? '',
    name: str(code, 'Name') ?? '',
    rateBasisPoints: Math.round((purchase ?? sales ?? 0) * 100),
    purchases: noRates || purchase !== undefined,
    sales: noRates || sales !== undefined,
    active: code['Active'] !== false,
  };
}

export function toContact(c: Json, role: 'supplier' | 'customer'): LedgerContact {
  return {
    id: `${role === 'supplier' ? 'vendor' : 'customer'}:${str(c, 'Id') ?? ''}`,
    name: str(c, 'DisplayName') ?? '',
    supplier: role === 'supplier',
    customer: role === 'customer',
    currency: str(rec(c, 'CurrencyRef'), 'value') ?? null,
    active: c['Active'] !== false,
  };
}

export function toProduct(item: Json): LedgerProduct {
  return {
    id: str(item, 'Id') ?? '',
    name: str(item, 'FullyQualifiedName') ?? str(item, 'Name') ?? '',
    type: str(item, 'Type') ?? '',
    incomeAccountId: str(rec(item, 'IncomeAccountRef'), 'value') ?? null,
    active: item['Active'] !== false,
  };
}

/** Contact ids carry their list ("vendor:12"), since QuickBooks numbers vendors and customers separately. */
export function contactIdOf(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(colon + 1);
}

const TAX_MODE = { exclusive: 'TaxExcluded', inclusive: 'TaxInclusive', no_tax: 'NotApplicable' } as const;
const PAYMENT = { cash: 'Cash', check: 'Check', credit_card: 'CreditCard' } as const;
export const ENTITY_OF: Readonly<Record<PublishKind, 'Bill' | 'Purchase' | 'Invoice'>> = {
  bill: 'Bill',
  spend_money: 'Purchase',
  sales_invoice: 'Invoice',
};

/** The JSON body for POST /bill, /purchase or /invoice. `contactId` is already resolved. */
export function draftBody(draft: PublishDraft, contactId: string): Json {
  const classOf = (line: PublishDraft['lines'][number]) =>
    line.tracking.find((t) => t.categoryId === 'class')?.optionId;
  const department = draft.lines
    .flatMap((l) => l.tracking)
    .find((t) => t.categoryId === 'location')?.optionId;
  const lines = draft.lines.map((line): Json => {
    const detail: Json = {};
    if (line.taxRateId !== null) detail['TaxCodeRef'] = { value: line.taxRateId };
    const classId = classOf(line);
    if (classId !== undefined) detail['ClassRef'] = { value: classId };
    if (draft.kind === 'sales_invoice') {
      return {
        Amount: Number(fromMinor(line.amountMinor, draft.currency)),
        Description: line.description,
        DetailType: 'SalesItemLineDetail',
        SalesItemLineDetail: { ...detail, ItemRef: { value: line.itemId ?? '' } },
      };
    }
    if (line.taxMinor !== undefined) detail['TaxAmount'] = Number(fromMinor(line.taxMinor, draft.currency));
    return {
      Amount: Number(fromMinor(line.amountMinor, draft.currency)),
      Description: line.description,
      DetailType: 'AccountBasedExpenseLineDetail',
      AccountBasedExpenseLineDetail: { AccountRef: { value: line.accountId }, ...detail },
    };
  });
  const body: Json = {
    TxnDate: draft.date,
    CurrencyRef: { value: draft.currency },
    GlobalTaxCalculation: TAX_MODE[draft.amountsInclude],
    Line: lines,
  };
  if (draft.documentNumber !== null) body['DocNumber'] = draft.documentNumber.slice(0, 21);
  if (draft.reference !== null) body['PrivateNote'] = draft.reference;
  if (department !== undefined) body['DepartmentRef'] = { value: department };
  if (draft.kind === 'bill') {
    body['VendorRef'] = { value: contactId };
    if (draft.dueDate !== null) body['DueDate'] = draft.dueDate;
  } else if (draft.kind === 'sales_invoice') {
    body['CustomerRef'] = { value: contactId };
    if (draft.dueDate !== null) body['DueDate'] = draft.dueDate;
  } else {
    body['PaymentType'] = PAYMENT[draft.paymentType ?? 'credit_card'];
    body['AccountRef'] = { value: draft.bankAccountId ?? '' };
    body['EntityRef'] = { value: contactId, type: 'Vendor' };
  }
  return body;
}

export function toPublished(kind: PublishKind, doc: Json): PublishedDocument {
  const currency = str(rec(doc, 'CurrencyRef'), 'value') ?? 'USD';
  const balance = num(doc, 'Balance');
  return {
    kind,
    id: str(doc, 'Id') ?? '',
    number: str(doc, 'DocNumber') ?? null,
    status: balance === undefined ? 'Paid' : balance === 0 ? 'Paid' : 'Open',
    totalMinor: toMinor((num(doc, 'TotalAmt') ?? 0).toFixed(4), currency) ?? 0n,
    currency,
  };
}

/** A string literal for the QuickBooks query language. */
export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
