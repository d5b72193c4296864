import { z } from 'zod';
import type { Json } from '../sim-kit/fields';

/** A simulated QuickBooks Online company: settings plus entity lists in QBO's JSON shape. */

export type QboPlan = 'SimpleStart' | 'Essentials' | 'Plus' | 'Advanced';

export interface QboFile {
  readonly attachableId: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface QboCompany {
  realmId: string;
  name: string;
  country: string;
  homeCurrency: string;
  multiCurrencyEnabled: boolean;
  /** "Close the books": transactions dated on or before this date are refused. */
  bookCloseDate: string | null;
  plan: QboPlan;
  warnDuplicateDocNumber: boolean;
  entities: Map<string, Json[]>;
  files: QboFile[];
  nextId: Map<string, number>;
  createdAt: Date;
}

export const CompanySeed = z.object({
  realmId: z.string().regex(/^\d+$/).optional(),
  name: z.string().optional(),
  country: z.string().length(2).optional(),
  homeCurrency: z.string().length(3).optional(),
  multiCurrencyEnabled: z.boolean().optional(),
  bookCloseDate: z.iso.date().nullable().optional(),
  plan: z.enum(['SimpleStart', 'Essentials', 'Plus', 'Advanced']).optional(),
  warnDuplicateDocNumber: z.boolean().optional(),
});
export type CompanySeed = z.infer<typeof CompanySeed>;

/** Realm ids look like Intuit's 16-digit ones; a BigInt keeps every id distinct past 2^53. */
let realmCounter = 9130350000000000n;

export function buildCompany(seed: CompanySeed, now: Date): QboCompany {
  realmCounter += 1n;
  const homeCurrency = seed.homeCurrency ?? 'GBP';
  const company: QboCompany = {
    realmId: seed.realmId ?? String(realmCounter),
    name: seed.name ?? 'Docket Demo Ltd (UK)',
    country: seed.country ?? 'GB',
    homeCurrency,
    multiCurrencyEnabled: seed.multiCurrencyEnabled ?? true,
    bookCloseDate: seed.bookCloseDate ?? null,
    plan: seed.plan ?? 'Plus',
    warnDuplicateDocNumber: seed.warnDuplicateDocNumber ?? true,
    entities: new Map(),
    files: [],
    nextId: new Map(),
    createdAt: now,
  };
  const add = (entity: string, fields: Json) => addEntity(company, entity, fields, now);
  const cur = (code: string) => ({ value: code, name: code });

  const accounts: [string, string, string, string, (string | undefined)?, boolean?][] = [
    ['Business Current Account', 'Bank', 'Checking', 'Asset'],
    ['Company Credit Card', 'Credit Card', 'CreditCard', 'Liability'],
    ['Accounts Payable (A/P)', 'Accounts Payable', 'AccountsPayable', 'Liability'],
    ['Accounts Receivable (A/R)', 'Accounts Receivable', 'AccountsReceivable', 'Asset'],
    ['Office Expenses', 'Expense', 'OfficeGeneralAdministrativeExpenses', 'Expense'],
    ['Travel', 'Expense', 'Travel', 'Expense'],
    ['Utilities', 'Expense', 'Utilities', 'Expense'],
    ['Sales', 'Income', 'SalesOfProductIncome', 'Revenue'],
    ['Old Vehicle Costs', 'Expense', 'Auto', 'Expense', undefined, false],
    ['Euro Bank Account', 'Bank', 'Checking', 'Asset', 'EUR'],
    ['Accounts Payable (A/P) - EUR', 'Accounts Payable', 'AccountsPayable', 'Liability', 'EUR'],
  ];
  for (const [Name, AccountType, AccountSubType, Classification, currency, active] of accounts) {
    add('Account', {
      Name,
      FullyQualifiedName: Name,
      AccountType,
      AccountSubType,
      Classification,
      CurrencyRef: cur(currency ?? homeCurrency),
      Active: active ?? true,
      CurrentBalance: 0,
    });
  }
  const rates: [string, number][] = [
    ['20.0% S (Purchases)', 20],
    ['20.0% S (Sales)', 20],
    ['0.0% Z', 0],
    ['Exempt', 0],
  ];
  for (const [Name, RateValue] of rates)
    add('TaxRate', { Name, RateValue, Active: true, SpecialTaxType: 'NONE' });
  const rateList = (id: string) => ({
    TaxRateDetail: [{ TaxRateRef: { value: id }, TaxTypeApplicable: 'TaxOnAmount', TaxOrder: 0 }],
  });
  add('TaxCode', {
    Name: '20.0% S',
    Active: true,
    Taxable: true,
    PurchaseTaxRateList: rateList('1'),
    SalesTaxRateList: rateList('2'),
  });
  add('TaxCode', {
    Name: '0.0% Z',
    Active: true,
    Taxable: true,
    PurchaseTaxRateList: rateList('3'),
    SalesTaxRateList: rateList('3'),
  });
  add('TaxCode', {
    Name: 'Exempt',
    Active: true,
    Taxable: false,
    PurchaseTaxRateList: rateList('4'),
    SalesTaxRateList: rateList('4'),
  });
  add('TaxCode', {
    Name: 'No VAT',
    Active: true,
    Taxable: false,
    PurchaseTaxRateList: { TaxRateDetail: [] },
    SalesTaxRateList: { TaxRateDetail: [] },
  });
  add('TaxCode', {
    Name: '17.5% (old)',
    Active: false,
    Taxable: true,
    PurchaseTaxRateList: rateList('1'),
    SalesTaxRateList: rateList('2'),
  });
  const vendors: [string, string, boolean][] = [
    ['ABC Furniture', homeCurrency, true],
    ['PowerDirect', homeCurrency, true],
    ['Euro Supplies GmbH', 'EUR', true],
    ['Old Supplier Ltd', homeCurrency, false],
  ];
  for (const [DisplayName, currency, Active] of vendors)
    add('Vendor', { DisplayName, CompanyName: DisplayName, CurrencyRef: cur(currency), Active, Balance: 0 });
  add('Customer', { DisplayName: 'Bayside Club', CurrencyRef: cur(homeCurrency), Active: true, Balance: 0 });
  for (const Name of ['Retail', 'Wholesale'])
    add('Class', { Name, FullyQualifiedName: Name, Active: true, SubClass: false });
  for (const Name of ['London', 'Manchester'])
    add('Department', { Name, FullyQualifiedName: Name, Active: true, SubDepartment: false });
  add('Term', { Name: 'Net 30', DueDays: 30, Active: true, Type: 'STANDARD' });
  add('Term', { Name: 'Due on receipt', DueDays: 0, Active: true, Type: 'STANDARD' });
  add('PaymentMethod', { Name: 'Cash', Type: 'NON_CREDIT_CARD', Active: true });
  add('PaymentMethod', { Name: 'Visa', Type: 'CREDIT_CARD', Active: true });
  for (const code of ['EUR', 'USD'])
    if (code !== homeCurrency) add('CompanyCurrency', { Code: code, Name: code, Active: true });
  add('Item', {
    Name: 'Services',
    Type: 'Service',
    IncomeAccountRef: { value: '8', name: 'Sales' },
    Active: true,
  });
  return company;
}

export function addEntity(company: QboCompany, entity: string, fields: Json, now: Date): Json {
  const id = (company.nextId.get(entity) ?? 0) + 1;
  company.nextId.set(entity, id);
  const stamp = now.toISOString();
  const record: Json = {
    ...fields,
    Id: String(id),
    SyncToken: '0',
    domain: 'QBO',
    sparse: false,
    MetaData: { CreateTime: stamp, LastUpdatedTime: stamp },
  };
  const list = company.entities.get(entity) ?? [];
  list.push(record);
  company.entities.set(entity, list);
  return record;
}

export function listOf(company: QboCompany, entity: string): Json[] {
  return company.entities.get(entity) ?? [];
}
