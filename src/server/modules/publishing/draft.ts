/** Destination (which document, which status) and the draft to create (pure, no I/O). */
import type { PublishingSettings } from '../../../shared/contracts/publishing';
import type { DraftLine, PublishDraft, PublishKind } from '../../integrations/ledgers/port';
import type { ItemLine, ItemToPublish, PublishInput } from './publishing';

/** Where an item goes: which document, with which status, and whether it is paid from a bank account. */
export interface Destination {
  readonly kind: PublishKind;
  readonly status: PublishDraft['status'];
  /** Xero "Paid (where possible)": the bank account the payment is recorded from. */
  readonly payFrom: string | null;
  /** Why the item is not published the way the settings ask (shown on the item and its publication). */
  readonly note: string | null;
}

export const NOTE_XERO_NOT_PAID_NO_BANK =
  'Published as Awaiting Payment, not Paid: the item has no payment method linked to a Xero bank account. To publish as Paid, link the payment method in Business settings > Connections > Payment methods.';
export const NOTE_XERO_NOT_PAID_UNPAID =
  'Published as Awaiting Payment, not Paid: the item is marked as not paid.';
export const NOTE_QUICKBOOKS_PAID_AS_BILL =
  'Published as a Bill: the item is paid, but its payment method is not linked to a QuickBooks bank or card account. To publish paid items as Cash, Check or Credit card purchases, link the payment method in Business settings > Connections > Payment methods.';

/** Which kind of document the item becomes, with which status, and whether a payment follows. */
export function destinationOf(
  input: Pick<PublishInput, 'software' | 'settings' | 'item' | 'paymentMethod'>,
): Destination {
  const { software, settings, item, paymentMethod } = input;
  const bank = paymentMethod?.bankAccountId ?? null;
  const plain = (kind: PublishKind, status: PublishDraft['status'], note: string | null = null) => ({
    kind,
    status,
    payFrom: null,
    note,
  });
  if (software === 'xero') {
    if (item.workspace === 'costs' && settings.costs.destination === 'bank')
      return plain('spend_money', 'awaiting_payment');
    const kind = item.workspace === 'sales' ? 'sales_invoice' : 'bill';
    const wanted = item.workspace === 'sales' ? settings.sales.status : settings.costs.status;
    if (wanted !== 'paid') return plain(kind, wanted);
    if (item.paid === false) return plain(kind, 'awaiting_payment', NOTE_XERO_NOT_PAID_UNPAID);
    if (bank === null) return plain(kind, 'awaiting_payment', NOTE_XERO_NOT_PAID_NO_BANK);
    return { kind, status: 'awaiting_payment', payFrom: bank, note: null };
  }
  if (item.workspace === 'sales') return plain('sales_invoice', 'awaiting_payment');
  if (item.paid === true && bank !== null) return plain('spend_money', 'awaiting_payment');
  if (item.paid === true) return plain('bill', 'awaiting_payment', NOTE_QUICKBOOKS_PAID_AS_BILL);
  return plain('bill', 'awaiting_payment');
}

/**
 * QuickBooks purchases: the payment method's type, else what its account is (a card account pays
 * by credit card, a bank account in cash).
 */
export function purchasePaymentType(
  input: Pick<PublishInput, 'paymentMethod' | 'ledger'>,
): 'cash' | 'check' | 'credit_card' {
  const chosen = input.paymentMethod?.paymentType ?? null;
  if (chosen !== null) return chosen;
  const bank = input.ledger.accounts.get(input.paymentMethod?.bankAccountId ?? '');
  return bank?.kind === 'bank' ? 'cash' : 'credit_card';
}

/**
 * The QuickBooks product or service a sales line posts through: the line's own, else the one
 * active product whose income account is the line's category, else the default from the settings.
 */
export function productOf(
  input: Pick<PublishInput, 'settings' | 'categoryLinks' | 'products'>,
  line: ItemLine,
): string | null {
  if (line.productId != null) return line.productId;
  const accountId = line.categoryId === null ? undefined : input.categoryLinks.get(line.categoryId);
  if (accountId !== undefined) {
    const matches = [...(input.products?.values() ?? [])].filter(
      (p) => p.active && p.incomeAccountId === accountId,
    );
    if (matches.length === 1 && matches[0] !== undefined) return matches[0].id;
  }
  return input.settings.sales.defaultItemId;
}

/** The lines to publish: the item's lines in line mode (when they carry amounts), else one summary line. */
export function linesOf(item: ItemToPublish, mode: 'lines' | 'summary' = 'lines'): ItemLine[] {
  const usable = item.lines.filter((l) => l.amountMinor !== null);
  if (mode === 'lines' && usable.length > 0 && usable.length === item.lines.length) {
    return usable.map((l) => ({
      ...l,
      categoryId: l.categoryId ?? item.categoryId,
      taxRateId: l.taxRateId ?? item.taxRateId,
    }));
  }
  const net =
    item.netMinor ??
    (item.totalMinor !== null && item.taxMinor !== null ? item.totalMinor - item.taxMinor : null);
  return [
    {
      description: item.description ?? item.contactName,
      amountMinor: net ?? item.totalMinor,
      taxMinor: net === null ? null : item.taxMinor,
      categoryId: item.categoryId,
      taxRateId: item.taxRateId,
      tracking: item.tracking ?? [],
    },
  ];
}

/** Whether the ledger calculates the tax for this item (tax policy and its exceptions). */
export function ledgerCalculatesTax(settings: PublishingSettings, item: ItemToPublish): boolean {
  if (settings.taxPolicy === 'ledger') return true;
  if (settings.taxPolicy === 'extracted_with_exceptions')
    return item.categoryId !== null && settings.taxExceptionCategoryIds.includes(item.categoryId);
  return item.taxMinor === null;
}

/** The document to create, once the pre-check passed. */
export function buildDraft(input: PublishInput, idempotencyKey: string): PublishDraft {
  const { item, settings } = input;
  const currency = item.currency ?? input.ledger.baseCurrency;
  const { kind, status, payFrom } = destinationOf(input);
  const raw = linesOf(item, settings.lineMode);
  const products = kind === 'sales_invoice' && input.software === 'quickbooks';
  const total = item.totalMinor ?? 0n;
  const ledgerTax = ledgerCalculatesTax(settings, item);
  const linesSum = raw.reduce((s, l) => s + (l.amountMinor ?? 0n), 0n);
  const inclusive = ledgerTax || (raw.length > 1 && linesSum === total);
  const lines: DraftLine[] = raw.map((l, i) => {
    const amount = inclusive && raw.length === 1 ? total : (l.amountMinor ?? 0n);
    const itemId = products ? productOf(input, l) : null;
    const line: DraftLine = {
      description: l.description?.trim() || item.contactName || `Item ${i + 1}`,
      amountMinor: amount,
      accountId: input.categoryLinks.get(l.categoryId ?? '') ?? '',
      taxRateId: l.taxRateId === null ? null : (input.taxRateLinks.get(l.taxRateId) ?? null),
      tracking: l.tracking ?? [],
      ...(itemId === null ? {} : { itemId }),
    };
    return !inclusive && l.taxMinor !== null ? { ...line, taxMinor: l.taxMinor } : line;
  });
  const contactLedgerId = item.contactId === null ? undefined : input.ledger.contacts.get(item.contactId)?.id;
  const draft: PublishDraft = {
    kind,
    idempotencyKey,
    contact: contactLedgerId !== undefined ? { id: contactLedgerId } : { name: item.contactName ?? '' },
    documentNumber: item.reference,
    reference: kind === 'spend_money' ? item.reference : null,
    date: item.date ?? '',
    dueDate: kind === 'spend_money' ? null : item.dueDate,
    currency,
    amountsInclude:
      lines.every((l) => l.taxRateId === null) && input.software === 'xero'
        ? 'no_tax'
        : inclusive
          ? 'inclusive'
          : 'exclusive',
    status,
    lines,
    ...(input.sourceUrl === undefined ? {} : { sourceUrl: input.sourceUrl }),
  };
  if (kind !== 'spend_money')
    return payFrom === null ? draft : { ...draft, payment: { bankAccountId: payFrom, date: draft.date } };
  return {
    ...draft,
    bankAccountId: input.paymentMethod?.bankAccountId ?? '',
    ...(input.software === 'quickbooks' ? { paymentType: purchasePaymentType(input) } : {}),
  };
}
