/**
 * The state of one simulated Xero organisation. Records keep Xero's own PascalCase wire
 * shape, so the simulator answers exactly what it stores.
 */

export type AccountClass = 'ASSET' | 'EQUITY' | 'EXPENSE' | 'LIABILITY' | 'REVENUE';

export interface XeroAccount {
  AccountID: string;
  Code: string;
  Name: string;
  Type: string;
  Class: AccountClass;
  Status: 'ACTIVE' | 'ARCHIVED';
  TaxType: string;
  CurrencyCode?: string;
  BankAccountNumber?: string;
  BankAccountType?: string;
  EnablePaymentsToAccount: boolean;
}

export interface XeroTaxRate {
  Name: string;
  TaxType: string;
  Status: 'ACTIVE' | 'DELETED' | 'ARCHIVED';
  EffectiveRate: number;
  DisplayTaxRate: number;
  CanApplyToExpenses: boolean;
  CanApplyToRevenue: boolean;
  CanApplyToAssets: boolean;
  CanApplyToLiabilities: boolean;
  CanApplyToEquity: boolean;
  ReportTaxType: string;
}

export interface XeroContact {
  ContactID: string;
  Name: string;
  ContactStatus: 'ACTIVE' | 'ARCHIVED';
  IsSupplier: boolean;
  IsCustomer: boolean;
  EmailAddress?: string;
  DefaultCurrency?: string;
}

export interface XeroTrackingOption {
  TrackingOptionID: string;
  Name: string;
  Status: 'ACTIVE' | 'ARCHIVED';
}

export interface XeroTrackingCategory {
  TrackingCategoryID: string;
  Name: string;
  Status: 'ACTIVE' | 'ARCHIVED';
  Options: XeroTrackingOption[];
}

/** Subscription limits: Xero's small plans allow drafts only, or a few approved bills a month. */
export interface XeroPlan {
  name: string;
  /** Bills (ACCPAY) a month in a status other than DRAFT; null = no limit, 0 = drafts only. */
  approvedBillsPerMonth: number | null;
}

export interface StoredAttachment {
  AttachmentID: string;
  FileName: string;
  MimeType: string;
  ContentLength: number;
  IncludeOnline: boolean;
  bytes: Buffer;
}

export type XeroDocument = Record<string, unknown>;

export interface XeroOrg {
  id: string;
  name: string;
  shortCode: string;
  countryCode: string;
  baseCurrency: string;
  /** Currencies the organisation is subscribed to (the base currency is always one). */
  currencies: string[];
  periodLockDate: string | null;
  endOfYearLockDate: string | null;
  plan: XeroPlan;
  /** The "warn/refuse duplicate bill numbers" setting, per supplier. */
  rejectDuplicateBillNumbers: boolean;
  accounts: XeroAccount[];
  taxRates: XeroTaxRate[];
  contacts: XeroContact[];
  trackingCategories: XeroTrackingCategory[];
  invoices: XeroDocument[];
  bankTransactions: XeroDocument[];
  payments: XeroDocument[];
  attachments: Map<string, StoredAttachment[]>;
  createdAt: Date;
}
