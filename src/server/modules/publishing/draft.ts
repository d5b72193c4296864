/** Destination (which document, which status) and the draft to create (pure, no I/O). */
import type { PublishingSettings } from '../../../shared/contracts/publishing';
import type { DraftLine, PublishDraft, PublishKind } from '../../integrations/ledgers/port';
import type { ItemLine, ItemToPublish, PublishInput } from './publishing';

/** Which kind of document the item becomes, and with which status. */
export function destinationOf(
  input: Pick<PublishInput, 'software' | 'settings' | 'item' | 'paymentMethod'>,
): {
  kind: PublishKind;
  status: PublishDraft['status'];
} {
  const { software, settings, item, paymentMethod } = input;
  if (item.workspace === 'sales') return { kind: 'sales_invoice', status: settings.sales.status };
  const linked = paymentMethod?.bankAccountId != null;
  if (software === 'xero') {
    if (settings.costs.destination === 'bank') return { kind: 'spend_money', status: 'awaiting_payment' };
    const status = settings.costs.status === 'paid' ? 'awaiting_payment' : settings.costs.status;
    return { kind: 'bill', status };
  }
  if (item.paid === true && linked) return { kind: 'spend_money', status: 'awaiting_payment' };
  return { kind: 'bill', status: 'awaiting_payment' };
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
  const { kind, status } = destinationOf(input);
  const raw = linesOf(item, settings.lineMode);
  const total = item.totalMinor ?? 0n;
  const ledgerTax = ledgerCalculatesTax(settings, item);
  const linesSum = raw.reduce((s, l) => s + (l.amountMinor ?? 0n), 0n);
  const inclusive = ledgerTax || (raw.length > 1 && linesSum === total);
  const lines: DraftLine[] = raw.map((l, i) => {
    const amount = inclusive && raw.length === 1 ? total : (l.amountMinor ?? 0n);
    const line: DraftLine = {
      description: l.description?.trim() || item.contactName || `Item ${i + 1}`,
      amountMinor: amount,
      accountId: input.categoryLinks.get(l.categoryId ?? '') ?? '',
      taxRateId: l.taxRateId === null ? null : (input.taxRateLinks.get(l.taxRateId) ?? null),
      tracking: l.tracking ?? [],
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
  if (kind !== 'spend_money') return draft;
  return {
    ...draft,
    bankAccountId: input.paymentMethod?.bankAccountId ?? '',
    ...(input.software === 'quickbooks'
      ? { paymentType: input.paymentMethod?.paymentType ?? 'credit_card' }
      : {}),
  };
}
