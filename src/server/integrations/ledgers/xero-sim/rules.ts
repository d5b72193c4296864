import { rec, recs, str, num, isoDate, type Json } from '../sim-kit/fields';
import { xeroMessages as m } from './errors';
import type { XeroAccount, XeroContact, XeroOrg } from './model';

/**
 * The organisation rules that make real publishes fail, checked before anything is stored.
 * Each returns Xero's own message for the failure.
 */

export type Direction = 'purchase' | 'sale';

export function findAccount(org: XeroOrg, ref: Json | undefined): XeroAccount | undefined {
  const id = str(ref, 'AccountID');
  const code = str(ref, 'Code') ?? str(ref, 'AccountCode');
  return org.accounts.find((a) => (id !== undefined ? a.AccountID === id : a.Code === code));
}

export function checkLines(org: XeroOrg, lines: readonly Json[], direction: Direction): string[] {
  const messages: string[] = [];
  for (const line of lines) {
    const code = str(line, 'AccountCode');
    const account = code === undefined ? undefined : org.accounts.find((a) => a.Code === code);
    if (code !== undefined) {
      if (account === undefined || account.Type === 'BANK') messages.push(m.accountInvalid(code));
      else if (account.Status !== 'ACTIVE') messages.push(m.accountArchived(code));
    }
    const taxType = str(line, 'TaxType') ?? account?.TaxType;
    if (taxType !== undefined) {
      const rate = org.taxRates.find((t) => t.TaxType === taxType);
      if (rate === undefined || rate.Status !== 'ACTIVE') messages.push(m.taxTypeUnknown(taxType));
      else if (direction === 'purchase' ? !rate.CanApplyToExpenses : !rate.CanApplyToRevenue) {
        messages.push(m.taxTypeForAccount(taxType));
      }
    }
    const lineAmount = num(line, 'LineAmount');
    const taxAmount = num(line, 'TaxAmount');
    if (lineAmount !== undefined && taxAmount !== undefined && Math.abs(taxAmount) > Math.abs(lineAmount)) {
      messages.push(m.taxGreaterThanLine);
    }
    for (const tracking of recs(line, 'Tracking')) messages.push(...checkTracking(org, tracking));
  }
  return messages;
}

function checkTracking(org: XeroOrg, tracking: Json): string[] {
  const categoryId = str(tracking, 'TrackingCategoryID');
  const categoryName = str(tracking, 'Name') ?? categoryId ?? '';
  const category = org.trackingCategories.find((c) =>
    categoryId !== undefined
      ? c.TrackingCategoryID === categoryId
      : c.Name.toLowerCase() === categoryName.toLowerCase(),
  );
  if (category === undefined || category.Status !== 'ACTIVE') return [m.trackingCategory(categoryName)];
  const optionId = str(tracking, 'TrackingOptionID');
  const optionName = str(tracking, 'Option') ?? optionId ?? '';
  const option = category.Options.find((o) =>
    optionId !== undefined
      ? o.TrackingOptionID === optionId
      : o.Name.toLowerCase() === optionName.toLowerCase(),
  );
  return option === undefined || option.Status !== 'ACTIVE'
    ? [m.trackingOption(optionName, category.Name)]
    : [];
}

/** Finds the document's contact; `created` is a new contact to add when only a new Name was given. */
export function resolveContact(
  org: XeroOrg,
  ref: Json | undefined,
): { contact?: XeroContact; created?: XeroContact; message?: string } {
  if (ref === undefined) return { message: m.contactMissing };
  const id = str(ref, 'ContactID');
  const name = str(ref, 'Name');
  const found =
    id !== undefined
      ? org.contacts.find((c) => c.ContactID === id)
      : org.contacts.find((c) => name !== undefined && c.Name.toLowerCase() === name.toLowerCase());
  if (found === undefined) {
    if (id !== undefined || name === undefined || name.trim() === '') {
      return { message: id !== undefined ? m.contactNotFound : m.contactMissing };
    }
    const created: XeroContact = {
      ContactID: crypto.randomUUID(),
      Name: name,
      ContactStatus: 'ACTIVE',
      IsSupplier: false,
      IsCustomer: false,
    };
    return { contact: created, created };
  }
  if (found.ContactStatus !== 'ACTIVE') return { message: m.contactArchived };
  return { contact: found };
}

export function checkCurrency(org: XeroOrg, doc: Json): string[] {
  const code = str(doc, 'CurrencyCode') ?? org.baseCurrency;
  return org.currencies.includes(code) ? [] : [m.currencyNotSubscribed(code)];
}

/** Lock dates cover documents dated on or before them; the end-of-year date wins when both apply. */
export function checkLockDate(org: XeroOrg, date: string): string[] {
  if (org.endOfYearLockDate !== null && date <= org.endOfYearLockDate)
    return [m.lockDate('end of year', org.endOfYearLockDate)];
  if (org.periodLockDate !== null && date <= org.periodLockDate)
    return [m.lockDate('period', org.periodLockDate)];
  return [];
}

export function documentDate(doc: Json, today: Date): string {
  return isoDate(doc['Date']) ?? today.toISOString().slice(0, 10);
}

const OPEN = (status: unknown) => status !== 'DELETED' && status !== 'VOIDED';

export function checkDuplicateNumber(
  org: XeroOrg,
  doc: Json,
  contactId: string | undefined,
  selfId: string | undefined,
): string[] {
  const number = str(doc, 'InvoiceNumber');
  if (number === undefined || number === '') return [];
  const type = str(doc, 'Type');
  const clash = org.invoices.some((existing) => {
    if (existing['InvoiceID'] === selfId || existing['InvoiceNumber'] !== number || !OPEN(existing['Status']))
      return false;
    if (type === 'ACCREC') return existing['Type'] === 'ACCREC';
    return (
      type === 'ACCPAY' &&
      org.rejectDuplicateBillNumbers &&
      existing['Type'] === 'ACCPAY' &&
      rec(existing, 'Contact')?.['ContactID'] === contactId
    );
  });
  return clash ? [m.duplicateNumber] : [];
}

/** Small plans: only so many bills a month may leave DRAFT. */
export function checkPlan(org: XeroOrg, doc: Json, now: Date): string[] {
  const limit = org.plan.approvedBillsPerMonth;
  const status = str(doc, 'Status') ?? 'DRAFT';
  if (limit === null || str(doc, 'Type') !== 'ACCPAY' || status === 'DRAFT' || status === 'DELETED')
    return [];
  const month = now.toISOString().slice(0, 7);
  const used = org.invoices.filter(
    (i) =>
      i['Type'] === 'ACCPAY' && i['Status'] !== 'DRAFT' && OPEN(i['Status']) && i['_createdMonth'] === month,
  ).length;
  return used >= limit ? [m.planLimit] : [];
}

export function checkBankAccount(org: XeroOrg, doc: Json): { account?: XeroAccount; messages: string[] } {
  const account = findAccount(org, rec(doc, 'BankAccount'));
  if (account === undefined || account.Type !== 'BANK' || account.Status !== 'ACTIVE') {
    return { messages: [m.bankAccountUnknown] };
  }
  const bankCurrency = account.CurrencyCode ?? org.baseCurrency;
  const docCurrency = str(doc, 'CurrencyCode') ?? bankCurrency;
  return {
    account,
    messages: bankCurrency === docCurrency ? [] : [m.bankCurrencyMismatch(bankCurrency, docCurrency)],
  };
}
