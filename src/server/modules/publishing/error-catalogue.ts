import type { LedgerErrorCode, LedgerFailure } from '../../integrations/ledgers/ledger-error';
import type { LedgerKind } from '../../integrations/ledgers/port';

/**
 * Publishing error messages and their fixes, one catalogue per software, covering the known Xero
 * and QuickBooks Online errors of the feature reference. The vendor's own words are kept beside
 * the plain message (bookkeepers search for them).
 */

export interface CatalogueEntry {
  /** A stable key for the entry, shown to support and used in tests. */
  readonly key: string;
  readonly match: RegExp | null;
  /** Used when no text matches: the normalised error kind. */
  readonly codes?: readonly LedgerErrorCode[];
  readonly message: string;
  readonly fix: string;
}

export interface ExplainedError {
  readonly key: string;
  readonly code: LedgerErrorCode;
  readonly message: string;
  readonly fix: string;
  readonly vendorMessage: string;
}

const RECONNECT = 'Go to Business settings > Connections and choose Reconnect, then publish again.';

export const xeroCatalogue: readonly CatalogueEntry[] = [
  {
    key: 'xero.account_archived',
    match: /has been archived or has been deleted/i,
    message: "The item's category is archived or deleted in Xero.",
    fix: 'Refresh lists in Business settings > Connections and pick an active category (or unarchive it in Xero and refresh), then publish again.',
  },
  {
    key: 'xero.account_not_valid',
    match: /is not a valid code for this document/i,
    message:
      "The category doesn't fit this document (a sales category on a cost, a cost category on a sale, or a bank account).",
    fix: 'Fix the category and tax rate on the item and on every line, then publish again.',
  },
  {
    key: 'xero.tax_type_for_account',
    match: /TaxType code .* cannot be used with this account code|TaxType code .* does not exist/i,
    message: "The tax rate can't be used with this category or document type.",
    fix: 'Fix the category and tax rate on the item and on every line (purchase rates for costs, sales rates for sales), then publish again.',
  },
  {
    key: 'xero.lock_date',
    match: /cannot be before the (period|end of year) lock date/i,
    codes: ['period_locked'],
    message: "The item's date is inside a Xero lock date.",
    fix: 'Publish to Purchases as Draft or Awaiting Approval, or have an adviser move the lock date in Xero; then refresh lists and publish again.',
  },
  {
    key: 'xero.already_exists',
    match: /already exists in Xero with status different from/i,
    message: 'This item is already in Xero and is no longer a draft.',
    fix: 'Void it in Xero, then in Archive choose Unarchive > Clear publishing data and publish again.',
  },
  {
    key: 'xero.expense_claim_user',
    match: /valid user should be identified using the UserID/i,
    message: 'Expense claims need the Docket user linked to a Xero user.',
    fix: 'Link users to Xero, then publish again; the message clears after the next successful publish.',
  },
  {
    key: 'xero.bank_account_unknown',
    match: /do not match a known bank account/i,
    message: "The payment method's bank account is archived, inactive or not a bank account in Xero.",
    fix: 'Refresh lists, then link the payment method to an active bank account in Business settings > Connections > Payment methods, and publish again.',
  },
  {
    key: 'xero.bank_link_missing',
    match: /need to set a linked bank account/i,
    message: 'Publishing to Bank Accounts needs the payment method linked to a bank account.',
    fix: 'Business settings > Connections > Payment methods: choose a bank account for each method, then publish again.',
  },
  {
    key: 'xero.image_not_published',
    match: /not able to publish the image/i,
    message: 'The document was created in Xero but its image could not be attached.',
    fix: 'Delete the transaction in Xero, Unarchive > Clear publishing data, and publish again.',
  },
  {
    key: 'xero.not_authorized',
    match: /not authori[sz]ed|AuthenticationUnsuccessful|TokenExpired|invalid_grant/i,
    codes: ['unauthorized'],
    message: 'Xero did not accept the connection: it expired, was disconnected, or the credentials changed.',
    fix: RECONNECT,
  },
  {
    key: 'xero.subscription_inactive',
    match: /subscription/i,
    message: 'The Xero organisation is inactive, cancelled, or has a billing problem.',
    fix: 'Reactivate the Xero subscription, reconnect if needed, then publish again.',
  },
  {
    key: 'xero.plan_limit',
    match: /limit of invoices you can approve/i,
    codes: ['plan_limit'],
    message: "The Xero plan's limit of approved bills is reached.",
    fix: 'Publish as Draft (Publishing settings), or upgrade the Xero plan, then publish again.',
  },
  {
    key: 'xero.not_modifiable',
    match: /not of valid status for modification/i,
    message: 'The document in Xero is paid, voided or allocated and cannot be changed.',
    fix: 'Void or un-allocate it in Xero and publish again with cleared publishing data, or leave the Xero copy as it is.',
  },
  {
    key: 'xero.tax_greater_than_line',
    match: /tax amount cannot be greater than the line amount/i,
    message: 'The tax is larger than the net amount of a line.',
    fix: 'Correct the total or the tax (a tax-inclusive/exclusive mix-up is common), or let Xero calculate tax.',
  },
  {
    key: 'xero.spend_money_update',
    match: /Spend money transactions cannot be updated/i,
    message: 'The item already exists in Xero as a Spend Money transaction.',
    fix: 'Delete or void it in Xero, clear publishing data, then publish again.',
  },
  {
    key: 'xero.permissions',
    match: /does not have the correct permissions/i,
    codes: ['forbidden'],
    message: 'The Xero user behind the connection lacks the role this needs.',
    fix: 'Give that Xero user a higher role, or reconnect as a user who has it.',
  },
  {
    key: 'xero.invoice_not_found',
    match:
      /existing invoice with the specified ID could not be found|specified InvoiceID could not be found/i,
    message: 'The document Docket is updating was deleted in Xero.',
    fix: 'Clear publishing data and publish as new.',
  },
  {
    key: 'xero.duplicate_number',
    match: /must be unique/i,
    codes: ['duplicate'],
    message: 'This invoice number already exists in Xero.',
    fix: 'Change the number in Docket, or delete/void the duplicate in Xero, then publish again.',
  },
  {
    key: 'xero.contact_archived',
    match: /Archived contact/i,
    message: 'The supplier or customer is archived in Xero.',
    fix: 'Restore the contact in Xero or pick another one, refresh lists, then publish again.',
  },
  {
    key: 'xero.currency',
    match: /currency/i,
    codes: ['currency'],
    message: "The item's currency is not enabled in Xero, or doesn't match the bank account.",
    fix: 'Add the currency in Xero (Settings > Currencies) or use a bank account in the same currency, refresh lists, then publish again.',
  },
  {
    key: 'xero.payment_not_applicable',
    match: /exceeds the amount outstanding|Payments can only be made against Authorised/i,
    message:
      'Xero refused the payment: the document is no longer approved and unpaid, or the amount is more than is still owed.',
    fix: 'Open the document in Xero: it may already be paid. Record any payment still missing there.',
  },
  {
    key: 'xero.tracking',
    match: /tracking (option|category)/i,
    message: 'A tracking option is archived or unknown in Xero.',
    fix: 'Refresh lists and pick an active tracking option, then publish again.',
  },
];

export const quickbooksCatalogue: readonly CatalogueEntry[] = [
  {
    key: 'quickbooks.subscription_inactive',
    match: /subscription|payment failure|restricted/i,
    message: 'The QuickBooks Online subscription looks inactive or restricted.',
    fix: 'Settle billing in QuickBooks, check the company is active, then reconnect Docket; QuickBooks can take 24 to 48 hours to update.',
  },
  {
    key: 'quickbooks.one_currency',
    match: /one foreign currency|currency/i,
    codes: ['currency'],
    message: "The transaction, supplier, payment account and category don't share one currency.",
    fix: 'Align the currencies: use a supplier and payment account in the document currency (or turn on multicurrency), refresh lists, publish again.',
  },
  {
    key: 'quickbooks.period_closed',
    match: /period (has )?closed|Period Closed/i,
    codes: ['period_locked'],
    message: "The item's date is on or before the QuickBooks closing date.",
    fix: "Change the item's date, or change or remove the closing date in QuickBooks; then refresh lists and publish again.",
  },
  {
    key: 'quickbooks.missing_tax_code',
    match: /do not have a tax code/i,
    message: 'One or more lines have no tax rate.',
    fix: 'Set a tax rate on every line (or a default tax rate in Publishing settings), then publish again.',
  },
  {
    key: 'quickbooks.no_bills',
    match: /Simple Start|plan/i,
    codes: ['plan_limit'],
    message: 'This QuickBooks plan (Simple Start) has no Bills.',
    fix: 'Mark the item paid with a payment method linked to a bank or card account (Cash, Check or Credit Card), or upgrade QuickBooks.',
  },
  {
    key: 'quickbooks.duplicate_number',
    match: /Duplicate Document Number|DocNumber/i,
    codes: ['duplicate'],
    message: 'A document with this number already exists in QuickBooks.',
    fix: 'Change the reference in Docket or QuickBooks, or turn off duplicate-number warnings in QuickBooks, then publish again.',
  },
  {
    key: 'quickbooks.name_exists',
    match: /name supplied already exists/i,
    message: 'Another customer, supplier or employee already uses this name in QuickBooks.',
    fix: 'Select the existing contact on the item, or rename it, then publish again.',
  },
  {
    key: 'quickbooks.invalid_reference',
    match: /Invalid Reference Id|made inactive|Object Not Found/i,
    codes: ['inactive_reference', 'not_found'],
    message:
      'A supplier, customer, category, product or service, class or location on the item was deleted or made inactive in QuickBooks.',
    fix: 'Reactivate it in QuickBooks or pick another one, refresh lists, then publish again.',
  },
  {
    key: 'quickbooks.account_type',
    match: /Invalid account type/i,
    message:
      'The payment method is linked to the wrong kind of account for its payment type (Cash and Check are paid from a bank account, Credit card from a card account).',
    fix: 'Business settings > Connections > Payment methods: link the payment method to an account of the right kind, or change its payment type; then publish again.',
  },
  {
    key: 'quickbooks.stale',
    match: /Stale Object/i,
    codes: ['stale'],
    message: 'Someone changed this document in QuickBooks at the same time.',
    fix: 'Publish again.',
  },
  {
    key: 'quickbooks.not_authorized',
    match: /invalid_grant|AuthenticationFailed|Unauthorized|token/i,
    codes: ['unauthorized'],
    message:
      'QuickBooks did not accept the connection: it expired, was disconnected, or the credentials changed.',
    fix: RECONNECT,
  },
];

const GENERIC: Readonly<Partial<Record<LedgerErrorCode, Omit<CatalogueEntry, 'key' | 'match'>>>> = {
  rate_limited: {
    message: 'The accounting software asked Docket to slow down.',
    fix: 'Nothing to do: Docket publishes again automatically.',
  },
  unavailable: {
    message: 'The accounting software could not be reached.',
    fix: 'Nothing to do: Docket tries again automatically. If it persists, publish again later.',
  },
  timeout: {
    message: 'The accounting software did not answer in time.',
    fix: 'Nothing to do: Docket checks whether the document was created before trying again.',
  },
  forbidden: { message: 'The accounting software refused access to this organisation.', fix: RECONNECT },
};

/** The plain message and fix for a ledger failure, from the software's catalogue. */
export function explainFailure(software: LedgerKind, failure: LedgerFailure): ExplainedError {
  const catalogue = software === 'xero' ? xeroCatalogue : quickbooksCatalogue;
  const entry =
    catalogue.find((e) => e.match?.test(failure.vendorMessage) === true) ??
    catalogue.find((e) => e.codes?.includes(failure.code) === true);
  if (entry !== undefined) {
    return {
      key: entry.key,
      code: failure.code,
      message: entry.message,
      fix: entry.fix,
      vendorMessage: failure.vendorMessage,
    };
  }
  const name = software === 'xero' ? 'Xero' : 'QuickBooks';
  const generic = GENERIC[failure.code] ?? {
    message: `${name} refused the item.`,
    fix: `Check the item against ${name}'s message, correct it, then publish again.`,
  };
  return {
    key: `${software}.${failure.code}`,
    code: failure.code,
    ...generic,
    vendorMessage: failure.vendorMessage,
  };
}

export const CONNECTION_FIX = RECONNECT;
