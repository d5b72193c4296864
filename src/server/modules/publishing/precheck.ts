/** The pre-check: everything the ledger would refuse, found before calling it (pure, no I/O). */
import type { LedgerKind } from '../../integrations/ledgers/port';
import { destinationOf, linesOf, productOf, purchasePaymentType } from './draft';
import type { Problem, PublishInput } from './publishing';

const nameOf = (software: LedgerKind) => (software === 'xero' ? 'Xero' : 'QuickBooks');
const REFRESH = 'Refresh lists in Business settings > Connections';

/** Xero's Simple plan: drafts only, plus a few bills in other statuses a month. */
export const SMALL_PLAN_APPROVED_BILLS = 5;
export const isSmallXeroPlan = (plan: string | null) => plan !== null && /SIMPLE/i.test(plan);

function problem(code: string, message: string, fix: string): Problem {
  return { code, message, fix };
}

/** Everything the ledger would refuse, found before calling it. Empty means publish. */
export function precheck(input: PublishInput): Problem[] {
  const { item, ledger, software } = input;
  const name = nameOf(software);
  const out: Problem[] = [];
  const { kind, status, payFrom } = destinationOf(input);
  // QuickBooks sales lines post through a product or service, which carries the income account.
  const productLines = kind === 'sales_invoice' && software === 'quickbooks';
  const who = item.workspace === 'costs' ? 'supplier' : 'customer';

  if (!item.contactName?.trim())
    out.push(problem(`missing_${who}`, `The ${who} is missing.`, `Add the ${who} on the item.`));
  if (item.date === null || !/^\d{4}-\d{2}-\d{2}$/.test(item.date))
    out.push(problem('missing_date', 'The date is missing.', 'Add the date on the item.'));
  if (item.totalMinor === null)
    out.push(problem('missing_total', 'The total is missing.', 'Add the total on the item.'));
  if (item.currency === null)
    out.push(problem('missing_currency', 'The currency is missing.', 'Add the currency on the item.'));

  // Linked contacts by id; an archived one is no longer linked after a refresh, so also by name.
  const contact =
    (item.contactId === null ? undefined : ledger.contacts.get(item.contactId)) ??
    ledger.inactiveContactsByName?.get(item.contactName?.trim().toLowerCase() ?? '');
  if (contact?.active === false)
    out.push(
      problem(
        'contact_archived',
        `The ${who} "${contact.name}" is archived in ${name}.`,
        `Restore it in ${name} or pick another ${who}, then ${REFRESH.toLowerCase()}.`,
      ),
    );

  const categories = new Set(linesOf(item).map((l) => l.categoryId));
  for (const categoryId of categories) {
    if (categoryId === null) {
      if (productLines) continue;
      out.push(
        problem(
          'missing_category',
          'The category is missing.',
          'Choose a category on the item (and on every line).',
        ),
      );
      continue;
    }
    const ledgerId = input.categoryLinks.get(categoryId);
    const account = ledgerId === undefined ? undefined : ledger.accounts.get(ledgerId);
    if (account === undefined) {
      out.push(
        problem(
          'category_not_in_ledger',
          `The category is not in ${name}'s chart of accounts.`,
          `${REFRESH} and choose a category that came from ${name}.`,
        ),
      );
    } else if (!account.active) {
      out.push(
        problem(
          'category_archived',
          `The category "${account.name}" is archived or deleted in ${name}.`,
          `${REFRESH} and pick an active category, or unarchive it in ${name}.`,
        ),
      );
    } else if (
      account.kind === 'bank' ||
      account.kind === 'credit_card' ||
      (item.workspace === 'costs' && account.kind === 'revenue') ||
      (item.workspace === 'sales' && account.kind === 'expense')
    ) {
      out.push(
        problem(
          'category_wrong_kind',
          `The category "${account.name}" can't be used on ${item.workspace === 'costs' ? 'a cost' : 'a sale'}.`,
          'Choose a category of the right kind on the item and every line.',
        ),
      );
    }
  }

  const taxRates = new Set(linesOf(item).map((l) => l.taxRateId));
  for (const taxRateId of taxRates) {
    if (taxRateId === null) {
      if (software === 'quickbooks')
        out.push(
          problem(
            'missing_tax_rate',
            'A tax rate is missing: QuickBooks needs one on every line.',
            'Choose a tax rate on the item and every line.',
          ),
        );
      continue;
    }
    const ledgerId = input.taxRateLinks.get(taxRateId);
    const rate = ledgerId === undefined ? undefined : ledger.taxRates.get(ledgerId);
    if (rate === undefined) {
      out.push(
        problem(
          'tax_rate_not_in_ledger',
          `The tax rate is not one of ${name}'s tax rates.`,
          `${REFRESH} and choose a tax rate that came from ${name}.`,
        ),
      );
    } else if (!rate.active) {
      out.push(
        problem(
          'tax_rate_inactive',
          `The tax rate "${rate.name}" is no longer active in ${name}.`,
          `${REFRESH} and pick an active tax rate.`,
        ),
      );
    } else if (item.workspace === 'costs' ? !rate.purchases : !rate.sales) {
      out.push(
        problem(
          'tax_rate_wrong_direction',
          `The tax rate "${rate.name}" can't be used on ${item.workspace === 'costs' ? 'costs' : 'sales'}.`,
          `Choose a ${item.workspace === 'costs' ? 'purchase' : 'sales'} tax rate on the item and every line.`,
        ),
      );
    }
  }

  if (
    item.taxMinor !== null &&
    item.netMinor !== null &&
    item.taxMinor > item.netMinor &&
    item.netMinor >= 0n
  )
    out.push(
      problem(
        'tax_greater_than_net',
        'The tax is larger than the net amount.',
        'Correct the total or the tax, or let the ledger calculate tax.',
      ),
    );

  if (item.currency !== null && !ledger.currencies.includes(item.currency))
    out.push(
      problem(
        'currency_not_enabled',
        `${item.currency} is not enabled in ${name}.`,
        `Add ${item.currency} in ${name}'s currency settings, then ${REFRESH.toLowerCase()}.`,
      ),
    );

  if (item.date !== null && ledger.lockDate !== null && item.date <= ledger.lockDate) {
    const locked = software === 'quickbooks' || kind === 'spend_money' || status === 'awaiting_payment';
    if (locked)
      out.push(
        software === 'xero'
          ? problem(
              'lock_date',
              `The date ${item.date} is on or before Xero's lock date (${ledger.lockDate}).`,
              'Publish to Purchases as Draft or Awaiting Approval, change the date, or have an adviser move the lock date in Xero; then refresh lists and publish again.',
            )
          : problem(
              'period_closed',
              `The date ${item.date} is on or before QuickBooks' closing date (${ledger.lockDate}).`,
              "Change the item's date, or change the closing date in QuickBooks; then refresh lists and publish again.",
            ),
      );
  }

  out.push(...bankProblems(input, kind === 'spend_money' ? undefined : payFrom));

  if (kind === 'bill' && software === 'quickbooks' && /SimpleStart/i.test(ledger.plan ?? ''))
    out.push(
      problem(
        'plan_no_bills',
        'QuickBooks Simple Start has no Bills.',
        'Mark the item paid with a payment method linked to a bank or card account, or upgrade QuickBooks.',
      ),
    );
  if (
    kind === 'bill' &&
    software === 'xero' &&
    status !== 'draft' &&
    isSmallXeroPlan(ledger.plan) &&
    input.approvedBillsThisMonth >= SMALL_PLAN_APPROVED_BILLS
  )
    out.push(
      problem(
        'plan_limit',
        "The Xero plan's monthly limit of approved bills is reached.",
        'Publish as Draft (Publishing settings), or upgrade the Xero plan.',
      ),
    );
  if (productLines) out.push(...productProblems(input));

  if (input.duplicateNumber)
    out.push(
      problem(
        'duplicate_number',
        `A document with the number ${item.reference ?? ''} already exists in ${name}.`,
        `Change the number in Docket, or void the other one in ${name}.`,
      ),
    );
  return out;
}

/**
 * The paying bank account: spend money and QuickBooks purchases (`payFrom` undefined: the payment
 * method's link is required), or the payment after a bill or invoice published as paid.
 */
function bankProblems(input: PublishInput, payFrom: string | null | undefined): Problem[] {
  if (payFrom === null) return [];
  const { item, ledger, software } = input;
  const name = nameOf(software);
  const bankId = payFrom ?? input.paymentMethod?.bankAccountId ?? null;
  const bank = bankId === null ? undefined : ledger.accounts.get(bankId);
  if (bankId === null)
    return [
      problem(
        'bank_link_missing',
        'To send to Bank Accounts the payment method needs a linked bank account.',
        'Business settings > Connections > Payment methods: choose a bank account for the payment method.',
      ),
    ];
  if (bank === undefined || !bank.active)
    return [
      problem(
        'bank_account_unknown',
        `The payment method's bank account is archived or not in ${name}.`,
        `${REFRESH}, then link the payment method to an active bank account.`,
      ),
    ];
  // A payment may also come from a bank account in the base currency (Xero converts it).
  const currencies = payFrom === undefined ? [item.currency] : [item.currency, ledger.baseCurrency];
  if (
    software === 'xero' &&
    bank.currency !== null &&
    item.currency !== null &&
    !currencies.includes(bank.currency)
  )
    return [
      problem(
        'bank_currency',
        `The bank account is in ${bank.currency} but the item is in ${item.currency}.`,
        'Link a payment method whose bank account is in the item currency.',
      ),
    ];
  if (software === 'quickbooks') {
    const type = purchasePaymentType(input);
    const wanted = type === 'credit_card' ? 'credit_card' : 'bank';
    if (bank.kind !== wanted)
      return [
        problem(
          'payment_type_account',
          `A ${type === 'credit_card' ? 'credit card' : type} purchase is paid from a ${wanted === 'bank' ? 'bank' : 'credit card'} account in QuickBooks, but the payment method is linked to "${bank.name}".`,
          'Business settings > Connections > Payment methods: link the payment method to an account of that kind, or change its payment type.',
        ),
      ];
  }
  return [];
}

/** QuickBooks sales: every line needs an active product or service. */
function productProblems(input: PublishInput): Problem[] {
  const found = new Map<string, Problem>();
  for (const line of linesOf(input.item, input.settings.lineMode)) {
    const id = productOf(input, line);
    const product = id === null ? undefined : input.products?.get(id);
    if (id === null)
      found.set(
        'sales_item_missing',
        problem(
          'sales_item_missing',
          'QuickBooks needs a product or service on every sales line, and none is chosen.',
          'Choose the default sales product or service in Business settings > Connections > Publishing settings, then publish again.',
        ),
      );
    else if (product === undefined)
      found.set(
        'sales_item_not_in_ledger',
        problem(
          'sales_item_not_in_ledger',
          "The product or service is not in QuickBooks' Products and Services.",
          `${REFRESH} and choose a product or service that came from QuickBooks.`,
        ),
      );
    else if (!product.active)
      found.set(
        'sales_item_inactive',
        problem(
          'sales_item_inactive',
          `The product or service "${product.name}" is inactive in QuickBooks.`,
          `Reactivate it in QuickBooks or choose another default sales product or service; then ${REFRESH.toLowerCase()} and publish again.`,
        ),
      );
  }
  return [...found.values()];
}
