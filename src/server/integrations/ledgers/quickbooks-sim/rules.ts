import { isRecord } from '../sim-kit/http';
import { num, rec, recs, round2, str, type Json } from '../sim-kit/fields';
import { qbo, type QboError } from './fault';
import { listOf, type QboCompany } from './seed';

/**
 * The API-level requirements Intuit documents outside the XSD (which marks almost everything
 * optional) and the company rules that make real publishes fail.
 */

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Bill: ['VendorRef', 'Line'],
  Purchase: ['AccountRef', 'PaymentType', 'Line'],
  Invoice: ['CustomerRef', 'Line'],
  BillPayment: ['VendorRef', 'PayType', 'TotalAmt', 'Line'],
  Vendor: ['DisplayName'],
  Customer: ['DisplayName'],
};

const REF_TARGETS: Readonly<Record<string, string>> = {
  VendorRef: 'Vendor',
  CustomerRef: 'Customer',
  AccountRef: 'Account',
  APAccountRef: 'Account',
  ARAccountRef: 'Account',
  BankAccountRef: 'Account',
  CCAccountRef: 'Account',
  DepositToAccountRef: 'Account',
  TaxCodeRef: 'TaxCode',
  ClassRef: 'Class',
  DepartmentRef: 'Department',
  SalesTermRef: 'Term',
  PaymentMethodRef: 'PaymentMethod',
  ItemRef: 'Item',
};

export const TRANSACTIONS = new Set(['Bill', 'Purchase', 'Invoice', 'BillPayment']);

export function checkRequired(entity: string, body: Json): QboError[] {
  const errors = (REQUIRED[entity] ?? [])
    .filter((field) => body[field] === undefined)
    .map((field) => qbo.required(field));
  if (entity === 'BillPayment') return errors;
  recs(body, 'Line').forEach((line, i) => {
    if (line['DetailType'] === undefined) errors.push(qbo.required(`Line[${i}].DetailType`));
    if (line['Amount'] === undefined) errors.push(qbo.required(`Line[${i}].Amount`));
    const detail = rec(line, 'AccountBasedExpenseLineDetail');
    if (detail !== undefined && detail['AccountRef'] === undefined) {
      errors.push(qbo.required(`Line[${i}].AccountBasedExpenseLineDetail.AccountRef`));
    }
  });
  return errors;
}

/** Every *Ref in the body must name an existing, active record. */
export function checkReferences(company: QboCompany, body: unknown, path = ''): QboError[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => checkReferences(company, item, `${path}[${i}]`));
  if (!isRecord(body)) return [];
  const errors: QboError[] = [];
  for (const [key, value] of Object.entries(body)) {
    const where = path === '' ? key : `${path}.${key}`;
    const target = key === 'EntityRef' && isRecord(value) ? str(value, 'type') : REF_TARGETS[key];
    const refId = isRecord(value) ? value['value'] : undefined;
    if (target !== undefined && (typeof refId === 'string' || typeof refId === 'number')) {
      const id = String(refId);
      const found = listOf(company, target).find((r) => r['Id'] === id);
      if (!found) errors.push(qbo.invalidReference(target, id, where));
      else if (found['Active'] === false) errors.push(qbo.inactive(where));
      continue;
    }
    errors.push(...checkReferences(company, value, where));
  }
  return errors;
}

function currencyOf(company: QboCompany, entity: string, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const found = listOf(company, entity).find((r) => r['Id'] === id);
  return str(rec(found, 'CurrencyRef'), 'value');
}

export function checkCompanyRules(
  company: QboCompany,
  entity: string,
  body: Json,
  today: string,
  selfId?: string,
): QboError[] {
  const errors: QboError[] = [];
  if (company.plan === 'SimpleStart' && (entity === 'Bill' || entity === 'BillPayment')) {
    errors.push(
      qbo.business(
        `Your QuickBooks Online plan (Simple Start) does not include ${entity === 'Bill' ? 'bills' : 'bill payments'}.`,
      ),
    );
  }
  if (entity === 'Purchase') errors.push(...checkPurchaseAccount(company, body));
  const txnDate = str(body, 'TxnDate')?.slice(0, 10) ?? today;
  if (company.bookCloseDate !== null && txnDate <= company.bookCloseDate) errors.push(qbo.periodClosed());

  const currency = str(rec(body, 'CurrencyRef'), 'value') ?? company.homeCurrency;
  if (currency !== company.homeCurrency && !company.multiCurrencyEnabled) {
    errors.push(
      qbo.business(
        `Multicurrency is not turned on for this company, so the transaction must be in ${company.homeCurrency}.`,
      ),
    );
  } else {
    const party =
      currencyOf(company, 'Vendor', str(rec(body, 'VendorRef'), 'value')) ??
      currencyOf(company, 'Customer', str(rec(body, 'CustomerRef'), 'value'));
    const accounts = ['APAccountRef', 'AccountRef']
      .map((key) => currencyOf(company, 'Account', str(rec(body, key), 'value')))
      .filter((c): c is string => c !== undefined && c !== company.homeCurrency);
    const foreign = new Set(
      [currency, party ?? currency, ...accounts].filter((c) => c !== company.homeCurrency),
    );
    if (foreign.size > 1 || (party !== undefined && party !== currency)) {
      errors.push(qbo.business('You can only use one foreign currency per transaction.'));
    }
  }

  const docNumber = str(body, 'DocNumber');
  if (
    docNumber !== undefined &&
    docNumber !== '' &&
    (entity === 'Invoice' || (entity === 'Bill' && company.warnDuplicateDocNumber))
  ) {
    const vendor = str(rec(body, 'VendorRef'), 'value');
    const clash = listOf(company, entity).find(
      (r) =>
        r['Id'] !== selfId &&
        r['DocNumber'] === docNumber &&
        (entity === 'Invoice' || str(rec(r, 'VendorRef'), 'value') === vendor),
    );
    if (clash) errors.push(qbo.duplicateDocNumber(docNumber, entity, String(clash['Id'])));
  }
  return errors;
}

/** A Cash or Check purchase is paid from a Bank account, a CreditCard purchase from a Credit Card account. */
function checkPurchaseAccount(company: QboCompany, body: Json): QboError[] {
  const id = str(rec(body, 'AccountRef'), 'value');
  const account = listOf(company, 'Account').find((a) => a['Id'] === id);
  const type = str(account, 'AccountType');
  if (account === undefined || type === undefined) return [];
  const wanted = body['PaymentType'] === 'CreditCard' ? 'Credit Card' : 'Bank';
  if (body['PaymentType'] !== 'Cash' && body['PaymentType'] !== 'Check' && wanted === 'Bank') return [];
  return type === wanted
    ? []
    : [
        qbo.business(
          'Invalid account type: You need to select a different type of account for this transaction.',
        ),
      ];
}

export function checkDuplicateName(
  company: QboCompany,
  entity: string,
  body: Json,
  selfId?: string,
): QboError[] {
  if (entity !== 'Vendor' && entity !== 'Customer') return [];
  const name = str(body, 'DisplayName')?.toLowerCase();
  const clash = ['Vendor', 'Customer'].some((e) =>
    listOf(company, e).some(
      (r) => !(e === entity && r['Id'] === selfId) && str(r, 'DisplayName')?.toLowerCase() === name,
    ),
  );
  return clash ? [qbo.duplicateName()] : [];
}

/** Totals QuickBooks computes on save: line sum plus tax when amounts exclude tax. */
export function withTotals(company: QboCompany, entity: string, body: Json): Json {
  if (!TRANSACTIONS.has(entity) || entity === 'BillPayment') return body;
  let net = 0;
  let tax = 0;
  for (const line of recs(body, 'Line')) {
    const amount = num(line, 'Amount') ?? 0;
    net += amount;
    const detail = rec(line, 'AccountBasedExpenseLineDetail') ?? rec(line, 'SalesItemLineDetail');
    const codeId = str(rec(detail, 'TaxCodeRef'), 'value');
    const code = listOf(company, 'TaxCode').find((c) => c['Id'] === codeId);
    const list = rec(code, entity === 'Invoice' ? 'SalesTaxRateList' : 'PurchaseTaxRateList');
    const rateId = str(rec(recs(list, 'TaxRateDetail')[0], 'TaxRateRef'), 'value');
    const rate = num(
      listOf(company, 'TaxRate').find((r) => r['Id'] === rateId),
      'RateValue',
    );
    if (body['GlobalTaxCalculation'] !== 'NotApplicable' && rate !== undefined) {
      tax +=
        body['GlobalTaxCalculation'] === 'TaxInclusive'
          ? amount - amount / (1 + rate / 100)
          : (amount * rate) / 100;
    }
  }
  const totalTax = num(rec(body, 'TxnTaxDetail'), 'TotalTax') ?? round2(tax);
  const total = body['GlobalTaxCalculation'] === 'TaxInclusive' ? round2(net) : round2(net + totalTax);
  const result: Json = {
    ...body,
    TxnTaxDetail: { ...rec(body, 'TxnTaxDetail'), TotalTax: totalTax },
    TotalAmt: total,
    CurrencyRef: rec(body, 'CurrencyRef') ?? { value: company.homeCurrency },
  };
  if (entity === 'Bill' || entity === 'Invoice') result['Balance'] = total;
  return result;
}
