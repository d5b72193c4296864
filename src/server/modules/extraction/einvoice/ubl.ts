/**
 * UBL 2.1 Invoice and CreditNote (EN 16931, Peppol BIS Billing 3.0, XRechnung UBL, plain OASIS UBL).
 */
import type { AllowanceCharge, LineItem, Party, TaxLine } from '../../../../shared/contracts/extraction';
import {
  assembleResult,
  documentTypeOf,
  isoDateOf,
  joinAddress,
  postcodeCity,
  readDecimal,
  type EInvoiceFacts,
  type ParsedEInvoice,
} from './model';
import { all, at, attr, kid, kids, txt, type XNode } from './xml';

export const UBL_ROOTS = ['Invoice', 'CreditNote'] as const;

/** Reads a parsed UBL Invoice or CreditNote element into the contract shape and its EN 16931 facts. */
export function readUbl(root: XNode, rootName: string, file: string): ParsedEInvoice {
  const isCredit = rootName === 'CreditNote';
  const unreadable: string[] = [];
  const warnings: string[] = [];
  const amount = (node: XNode | undefined, what: string): string | null => {
    const raw = txt(node);
    const value = readDecimal(raw);
    if (raw !== null && value === null) unreadable.push(`${what} "${raw}" is not a number`);
    return value;
  };
  const date = (raw: string | null, what: string): string | null => {
    if (raw === null) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
    const value = m ? isoDateOf(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
    if (value === null) unreadable.push(`${what} "${raw}" is not a date (YYYY-MM-DD)`);
    return value;
  };

  const customizationId = at(root, 'CustomizationID');
  const typeCode = at(root, isCredit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode');
  const declaredCurrency = at(root, 'DocumentCurrencyCode');
  const totals = kid(root, 'LegalMonetaryTotal');
  let currency = declaredCurrency;
  if (currency === null) {
    currency = attr(kid(totals, 'PayableAmount'), 'currencyID');
    if (currency !== null) warnings.push(`No document currency code; using ${currency} from the amounts.`);
  }

  const taxTotals = kids(root, 'TaxTotal');
  const taxTotal =
    taxTotals.find((t) => currency !== null && attr(kid(t, 'TaxAmount'), 'currencyID') === currency) ??
    taxTotals[0];
  const taxLines: TaxLine[] = kids(taxTotal, 'TaxSubtotal').map((s) => ({
    rate: readDecimal(at(s, 'TaxCategory', 'Percent')),
    category: at(s, 'TaxCategory', 'ID'),
    net: amount(kid(s, 'TaxableAmount'), 'VAT category taxable amount'),
    tax: amount(kid(s, 'TaxAmount'), 'VAT category tax amount'),
  }));

  const allowancesCharges: AllowanceCharge[] = [];
  for (const ac of kids(root, 'AllowanceCharge')) {
    const value = amount(kid(ac, 'Amount'), 'Allowance/charge amount');
    if (value === null) continue;
    allowancesCharges.push({
      kind: at(ac, 'ChargeIndicator')?.toLowerCase() === 'true' ? 'charge' : 'allowance',
      amount: value,
      reason: at(ac, 'AllowanceChargeReason') ?? at(ac, 'AllowanceChargeReasonCode'),
      taxRate: readDecimal(at(ac, 'TaxCategory', 'Percent')),
    });
  }

  const lineItems: LineItem[] = kids(root, isCredit ? 'CreditNoteLine' : 'InvoiceLine').map((line) => ({
    description: at(line, 'Item', 'Name') ?? at(line, 'Item', 'Description'),
    quantity: readDecimal(at(line, isCredit ? 'CreditedQuantity' : 'InvoicedQuantity')),
    unitPrice: readDecimal(at(line, 'Price', 'PriceAmount')),
    amount: amount(kid(line, 'LineExtensionAmount'), 'Invoice line net amount'),
    tax: null,
    taxRate: readDecimal(at(line, 'Item', 'ClassifiedTaxCategory', 'Percent')),
  }));

  const supplierParty = kid(root, 'AccountingSupplierParty', 'Party');
  const customerParty = kid(root, 'AccountingCustomerParty', 'Party');
  const dueDateRaw =
    at(root, 'DueDate') ??
    at(root, 'PaymentMeans', 'PaymentDueDate') ??
    at(root, 'PaymentTerms', 'PaymentDueDate');

  const fields = {
    file,
    source: 'ubl' as const,
    documentType: documentTypeOf(rootName, typeCode),
    supplier: readParty(supplierParty),
    customer: readParty(customerParty),
    date: date(at(root, 'IssueDate'), 'Issue date'),
    dueDate: date(dueDateRaw, 'Due date'),
    invoiceNumber: at(root, 'ID'),
    poNumber: at(root, 'OrderReference', 'ID'),
    currency,
    total: amount(kid(totals, 'TaxInclusiveAmount'), 'Invoice total amount with VAT'),
    tax: amount(kid(taxTotal, 'TaxAmount'), 'Invoice total VAT amount'),
    net: amount(kid(totals, 'TaxExclusiveAmount'), 'Invoice total amount without VAT'),
    payable: amount(kid(totals, 'PayableAmount'), 'Amount due for payment'),
    taxLines,
    lineItems,
    allowancesCharges,
    warnings,
  };

  const facts: EInvoiceFacts = {
    syntax: 'ubl',
    rootName,
    customizationId,
    typeCode,
    declaredCurrency,
    lineTotal: amount(kid(totals, 'LineExtensionAmount'), 'Sum of invoice line net amounts'),
    allowanceTotal: amount(kid(totals, 'AllowanceTotalAmount'), 'Sum of allowances'),
    chargeTotal: amount(kid(totals, 'ChargeTotalAmount'), 'Sum of charges'),
    prepaid: amount(kid(totals, 'PrepaidAmount'), 'Paid amount'),
    rounding: amount(kid(totals, 'PayableRoundingAmount'), 'Rounding amount'),
    thirdPartyPayments: /kosit:extension/.test(customizationId ?? '')
      ? kids(root, 'PrepaidPayment').flatMap(
          (pp) => amount(kid(pp, 'PaidAmount'), 'Third-party payment') ?? [],
        )
      : [],
    amountsWithCurrencyId: [],
    sellerContact: kid(supplierParty, 'Contact') !== undefined,
    buyerReference: at(root, 'BuyerReference'),
    unreadable,
  };
  return { result: assembleResult(fields), facts };
}

function readParty(party: XNode | undefined): Party {
  const address = kid(party, 'PostalAddress');
  const taxSchemes = kids(party, 'PartyTaxScheme');
  const vat = taxSchemes.find((s) => at(s, 'TaxScheme', 'ID')?.toUpperCase() === 'VAT') ?? taxSchemes[0];
  return {
    name: at(party, 'PartyLegalEntity', 'RegistrationName') ?? at(party, 'PartyName', 'Name'),
    address: joinAddress([
      at(address, 'StreetName'),
      at(address, 'AdditionalStreetName'),
      ...all(address, 'AddressLine', 'Line').map(txt),
      postcodeCity(at(address, 'PostalZone'), at(address, 'CityName')),
      at(address, 'CountrySubentity'),
      at(address, 'Country', 'IdentificationCode'),
    ]),
    taxId: at(vat, 'CompanyID'),
  };
}
