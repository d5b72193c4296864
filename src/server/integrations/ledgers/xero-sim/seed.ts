import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type {
  AccountClass,
  XeroAccount,
  XeroContact,
  XeroOrg,
  XeroTaxRate,
  XeroTrackingCategory,
} from './model';

/** What a test may say about an organisation; everything left out comes from the UK demo seed. */
export const OrgSeed = z.object({
  id: z.uuid().optional(),
  name: z.string().min(1).optional(),
  countryCode: z.string().length(2).optional(),
  baseCurrency: z.string().length(3).optional(),
  currencies: z.array(z.string().length(3)).optional(),
  periodLockDate: z.iso.date().nullable().optional(),
  endOfYearLockDate: z.iso.date().nullable().optional(),
  plan: z.object({ name: z.string(), approvedBillsPerMonth: z.number().int().min(0).nullable() }).optional(),
  rejectDuplicateBillNumbers: z.boolean().optional(),
  accounts: z
    .array(
      z.object({
        Code: z.string(),
        Name: z.string(),
        Type: z.string(),
        Status: z.enum(['ACTIVE', 'ARCHIVED']).optional(),
        TaxType: z.string().optional(),
        CurrencyCode: z.string().optional(),
        BankAccountNumber: z.string().optional(),
      }),
    )
    .optional(),
  taxRates: z
    .array(
      z.object({
        Name: z.string(),
        TaxType: z.string(),
        Rate: z.number(),
        Status: z.enum(['ACTIVE', 'DELETED', 'ARCHIVED']).optional(),
        CanApplyToExpenses: z.boolean().optional(),
        CanApplyToRevenue: z.boolean().optional(),
      }),
    )
    .optional(),
  contacts: z
    .array(
      z.object({
        Name: z.string(),
        ContactStatus: z.enum(['ACTIVE', 'ARCHIVED']).optional(),
        IsSupplier: z.boolean().optional(),
        IsCustomer: z.boolean().optional(),
        DefaultCurrency: z.string().optional(),
      }),
    )
    .optional(),
  trackingCategories: z
    .array(
      z.object({
        Name: z.string(),
        Options: z.array(z.object({ Name: z.string(), Status: z.enum(['ACTIVE', 'ARCHIVED']).optional() })),
      }),
    )
    .optional(),
});
export type OrgSeed = z.infer<typeof OrgSeed>;

const CLASS_OF_TYPE: Readonly<Record<string, AccountClass>> = {
  BANK: 'ASSET',
  CURRENT: 'ASSET',
  FIXED: 'ASSET',
  INVENTORY: 'ASSET',
  NONCURRENT: 'ASSET',
  PREPAYMENT: 'ASSET',
  CURRLIAB: 'LIABILITY',
  LIABILITY: 'LIABILITY',
  TERMLIAB: 'LIABILITY',
  EQUITY: 'EQUITY',
  REVENUE: 'REVENUE',
  SALES: 'REVENUE',
  OTHERINCOME: 'REVENUE',
  DIRECTCOSTS: 'EXPENSE',
  EXPENSE: 'EXPENSE',
  OVERHEADS: 'EXPENSE',
  DEPRECIATN: 'EXPENSE',
};

const UK_ACCOUNTS: NonNullable<OrgSeed['accounts']> = [
  { Code: '090', Name: 'Business Bank Account', Type: 'BANK', BankAccountNumber: '12345678' },
  { Code: '091', Name: 'Business Savings Account', Type: 'BANK', BankAccountNumber: '87654321' },
  {
    Code: '092',
    Name: 'Euro Card Account',
    Type: 'BANK',
    BankAccountNumber: '55550000',
    CurrencyCode: 'EUR',
  },
  { Code: '200', Name: 'Sales', Type: 'SALES', TaxType: 'OUTPUT2' },
  { Code: '260', Name: 'Other Revenue', Type: 'REVENUE', TaxType: 'OUTPUT2' },
  { Code: '310', Name: 'Cost of Goods Sold', Type: 'DIRECTCOSTS', TaxType: 'INPUT2' },
  { Code: '400', Name: 'Advertising & Marketing', Type: 'OVERHEADS', TaxType: 'INPUT2' },
  { Code: '404', Name: 'Bank Fees', Type: 'OVERHEADS', TaxType: 'EXEMPTINPUT' },
  { Code: '420', Name: 'Entertainment-100% business', Type: 'OVERHEADS', TaxType: 'INPUT2' },
  { Code: '429', Name: 'General Expenses', Type: 'OVERHEADS', TaxType: 'INPUT2' },
  { Code: '445', Name: 'Light, Power, Heating', Type: 'OVERHEADS', TaxType: 'INPUT2' },
  { Code: '461', Name: 'Printing & Stationery', Type: 'OVERHEADS', TaxType: 'INPUT2' },
  { Code: '463', Name: 'IT Software and Consumables', Type: 'OVERHEADS', TaxType: 'INPUT2' },
  { Code: '469', Name: 'Rent', Type: 'OVERHEADS', TaxType: 'EXEMPTINPUT' },
  { Code: '493', Name: 'Travel - National', Type: 'OVERHEADS', TaxType: 'INPUT2' },
  { Code: '494', Name: 'Travel - International', Type: 'OVERHEADS', TaxType: 'ZERORATEDINPUT' },
  { Code: '477', Name: 'Old Motor Expenses', Type: 'OVERHEADS', TaxType: 'INPUT2', Status: 'ARCHIVED' },
  { Code: '610', Name: 'Accounts Receivable', Type: 'CURRENT', TaxType: 'NONE' },
  { Code: '800', Name: 'Accounts Payable', Type: 'CURRLIAB', TaxType: 'NONE' },
  { Code: '820', Name: 'VAT', Type: 'CURRLIAB', TaxType: 'NONE' },
];

const UK_TAX_RATES: NonNullable<OrgSeed['taxRates']> = [
  { Name: '20% (VAT on Expenses)', TaxType: 'INPUT2', Rate: 20, CanApplyToRevenue: false },
  { Name: '20% (VAT on Income)', TaxType: 'OUTPUT2', Rate: 20, CanApplyToExpenses: false },
  { Name: '5% (VAT on Expenses)', TaxType: 'RRINPUT', Rate: 5, CanApplyToRevenue: false },
  { Name: '5% (VAT on Income)', TaxType: 'RROUTPUT', Rate: 5, CanApplyToExpenses: false },
  { Name: 'Zero Rated Expenses', TaxType: 'ZERORATEDINPUT', Rate: 0, CanApplyToRevenue: false },
  { Name: 'Zero Rated Income', TaxType: 'ZERORATEDOUTPUT', Rate: 0, CanApplyToExpenses: false },
  { Name: 'Exempt Expenses', TaxType: 'EXEMPTINPUT', Rate: 0, CanApplyToRevenue: false },
  { Name: 'Exempt Income', TaxType: 'EXEMPTOUTPUT', Rate: 0, CanApplyToExpenses: false },
  { Name: 'No VAT', TaxType: 'NONE', Rate: 0 },
  {
    Name: '17.5% (VAT on Expenses)',
    TaxType: 'INPUT',
    Rate: 17.5,
    Status: 'DELETED',
    CanApplyToRevenue: false,
  },
];

const UK_CONTACTS: NonNullable<OrgSeed['contacts']> = [
  { Name: 'ABC Furniture', IsSupplier: true },
  { Name: 'PowerDirect', IsSupplier: true },
  { Name: 'Office Supplies Co', IsSupplier: true },
  { Name: 'Bayside Club', IsCustomer: true },
  { Name: 'Old Supplier Ltd', IsSupplier: true, ContactStatus: 'ARCHIVED' },
];

const UK_TRACKING: NonNullable<OrgSeed['trackingCategories']> = [
  { Name: 'Region', Options: [{ Name: 'North' }, { Name: 'South' }, { Name: 'West', Status: 'ARCHIVED' }] },
  { Name: 'Department', Options: [{ Name: 'Sales' }, { Name: 'Operations' }] },
];

export function buildOrg(seed: OrgSeed, now: Date): XeroOrg {
  const name = seed.name ?? 'Demo Company (UK)';
  const baseCurrency = seed.baseCurrency ?? 'GBP';
  const currencies = [...new Set([baseCurrency, ...(seed.currencies ?? ['EUR', 'USD'])])];
  return {
    id: seed.id ?? randomUUID(),
    name,
    shortCode: `!${name.replace(/[^A-Za-z]/g, '').slice(0, 5)}`,
    countryCode: seed.countryCode ?? 'GB',
    baseCurrency,
    currencies,
    periodLockDate: seed.periodLockDate ?? null,
    endOfYearLockDate: seed.endOfYearLockDate ?? null,
    plan: seed.plan ?? { name: 'Standard', approvedBillsPerMonth: null },
    rejectDuplicateBillNumbers: seed.rejectDuplicateBillNumbers ?? false,
    accounts: (seed.accounts ?? UK_ACCOUNTS).map(toAccount),
    taxRates: (seed.taxRates ?? UK_TAX_RATES).map(toTaxRate),
    contacts: (seed.contacts ?? UK_CONTACTS).map(toContact),
    trackingCategories: (seed.trackingCategories ?? UK_TRACKING).map(toTracking),
    invoices: [],
    bankTransactions: [],
    payments: [],
    attachments: new Map(),
    createdAt: now,
  };
}

function toAccount(a: NonNullable<OrgSeed['accounts']>[number]): XeroAccount {
  const account: XeroAccount = {
    AccountID: randomUUID(),
    Code: a.Code,
    Name: a.Name,
    Type: a.Type,
    Class: CLASS_OF_TYPE[a.Type] ?? 'EXPENSE',
    Status: a.Status ?? 'ACTIVE',
    TaxType: a.TaxType ?? 'NONE',
    EnablePaymentsToAccount: a.Type === 'BANK',
  };
  if (a.CurrencyCode !== undefined) account.CurrencyCode = a.CurrencyCode;
  if (a.BankAccountNumber !== undefined) {
    account.BankAccountNumber = a.BankAccountNumber;
    account.BankAccountType = 'BANK';
  }
  return account;
}

function toTaxRate(t: NonNullable<OrgSeed['taxRates']>[number]): XeroTaxRate {
  return {
    Name: t.Name,
    TaxType: t.TaxType,
    Status: t.Status ?? 'ACTIVE',
    EffectiveRate: t.Rate,
    DisplayTaxRate: t.Rate,
    CanApplyToExpenses: t.CanApplyToExpenses ?? true,
    CanApplyToRevenue: t.CanApplyToRevenue ?? true,
    CanApplyToAssets: true,
    CanApplyToLiabilities: true,
    CanApplyToEquity: true,
    ReportTaxType:
      t.CanApplyToRevenue === false ? 'INPUT' : t.CanApplyToExpenses === false ? 'OUTPUT' : 'NONE',
  };
}

function toContact(c: NonNullable<OrgSeed['contacts']>[number]): XeroContact {
  const contact: XeroContact = {
    ContactID: randomUUID(),
    Name: c.Name,
    ContactStatus: c.ContactStatus ?? 'ACTIVE',
    IsSupplier: c.IsSupplier ?? false,
    IsCustomer: c.IsCustomer ?? false,
  };
  if (c.DefaultCurrency !== undefined) contact.DefaultCurrency = c.DefaultCurrency;
  return contact;
}

function toTracking(t: NonNullable<OrgSeed['trackingCategories']>[number]): XeroTrackingCategory {
  return {
    TrackingCategoryID: randomUUID(),
    Name: t.Name,
    Status: 'ACTIVE',
    Options: t.Options.map((o) => ({
      TrackingOptionID: randomUUID(),
      Name: o.Name,
      Status: o.Status ?? 'ACTIVE',
    })),
  };
}
