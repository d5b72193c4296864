/**
 * UN/CEFACT Cross Industry Invoice (D16B: EN 16931, XRechnung CII, Factur-X / ZUGFeRD 2.x) and its
 * predecessor, the ZUGFeRD 1.0 CrossIndustryDocument. Both share the "ram:" vocabulary but name the
 * header containers differently.
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
import { at, attr, kid, kids, txt, type XNode } from './xml';

export const CII_ROOTS = ['CrossIndustryInvoice', 'CrossIndustryDocument'] as const;

interface CiiNames {
  context: string;
  document: string;
  transaction: string;
  agreement: string;
  settlement: string;
  summation: string;
  lineAgreement: string;
  lineDelivery: string;
  lineSettlement: string;
  lineSummation: string;
  rate: string;
}

const D16B: CiiNames = {
  context: 'ExchangedDocumentContext',
  document: 'ExchangedDocument',
  transaction: 'SupplyChainTradeTransaction',
  agreement: 'ApplicableHeaderTradeAgreement',
  settlement: 'ApplicableHeaderTradeSettlement',
  summation: 'SpecifiedTradeSettlementHeaderMonetarySummation',
  lineAgreement: 'SpecifiedLineTradeAgreement',
  lineDelivery: 'SpecifiedLineTradeDelivery',
  lineSettlement: 'SpecifiedLineTradeSettlement',
  lineSummation: 'SpecifiedTradeSettlementLineMonetarySummation',
  rate: 'RateApplicablePercent',
};

const ZUGFERD1: CiiNames = {
  context: 'SpecifiedExchangedDocumentContext',
  document: 'HeaderExchangedDocument',
  transaction: 'SpecifiedSupplyChainTradeTransaction',
  agreement: 'ApplicableSupplyChainTradeAgreement',
  settlement: 'ApplicableSupplyChainTradeSettlement',
  summation: 'SpecifiedTradeSettlementMonetarySummation',
  lineAgreement: 'SpecifiedSupplyChainTradeAgreement',
  lineDelivery: 'SpecifiedSupplyChainTradeDelivery',
  lineSettlement: 'SpecifiedSupplyChainTradeSettlement',
  lineSummation: 'SpecifiedTradeSettlementMonetarySummation',
  rate: 'ApplicablePercent',
};

/** Reads a parsed CII root element into the contract shape and its EN 16931 facts. */
export function readCii(root: XNode, rootName: string, file: string): ParsedEInvoice {
  const n = rootName === 'CrossIndustryDocument' ? ZUGFERD1 : D16B;
  const unreadable: string[] = [];
  const warnings: string[] = [];
  const amount = (node: XNode | undefined, what: string): string | null => {
    const raw = txt(node);
    const value = readDecimal(raw);
    if (raw !== null && value === null) unreadable.push(`${what} "${raw}" is not a number`);
    return value;
  };
  const date = (node: XNode | undefined, what: string): string | null => {
    const holder = kid(node, 'DateTimeString') ?? kid(node, 'DateString');
    const raw = txt(holder);
    if (raw === null) return null;
    const format = attr(holder, 'format') ?? '102';
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
    const value = format === '102' && m ? isoDateOf(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
    if (value === null) unreadable.push(`${what} "${raw}" (format ${format}) is not a date as YYYYMMDD`);
    return value;
  };

  const doc = kid(root, n.document);
  const tx = kid(root, n.transaction);
  const agreement = kid(tx, n.agreement);
  const settlement = kid(tx, n.settlement);
  const sums = kid(settlement, n.summation);
  const typeCode = at(doc, 'TypeCode');
  const currency = at(settlement, 'InvoiceCurrencyCode');

  const taxTotals = kids(sums, 'TaxTotalAmount');
  const taxTotal =
    taxTotals.find((t) => currency !== null && attr(t, 'currencyID') === currency) ??
    taxTotals.find((t) => attr(t, 'currencyID') === null) ??
    taxTotals[0];
  if (taxTotals.length > 1) {
    warnings.push(
      `The VAT total is given in ${String(taxTotals.length)} currencies; using the invoice currency.`,
    );
  }

  const taxLines: TaxLine[] = kids(settlement, 'ApplicableTradeTax').map((t) => ({
    rate: readDecimal(at(t, n.rate)),
    category: at(t, 'CategoryCode'),
    net: amount(kid(t, 'BasisAmount'), 'VAT category taxable amount'),
    tax: amount(kid(t, 'CalculatedAmount'), 'VAT category tax amount'),
  }));

  const allowancesCharges: AllowanceCharge[] = [];
  for (const ac of kids(settlement, 'SpecifiedTradeAllowanceCharge')) {
    const value = amount(kid(ac, 'ActualAmount'), 'Allowance/charge amount');
    if (value === null) continue;
    allowancesCharges.push({
      kind: at(ac, 'ChargeIndicator', 'Indicator')?.toLowerCase() === 'true' ? 'charge' : 'allowance',
      amount: value,
      reason: at(ac, 'Reason') ?? at(ac, 'ReasonCode'),
      taxRate: readDecimal(at(ac, 'CategoryTradeTax', n.rate)),
    });
  }

  // EXTENDED profiles state logistics charges separately; they count towards the charge total.
  for (const lc of kids(settlement, 'SpecifiedLogisticsServiceCharge')) {
    const value = amount(kid(lc, 'AppliedAmount'), 'Logistics charge amount');
    if (value === null) continue;
    allowancesCharges.push({
      kind: 'charge',
      amount: value,
      reason: at(lc, 'Description'),
      taxRate: readDecimal(at(lc, 'AppliedTradeTax', n.rate)),
    });
  }

  const lineItems: LineItem[] = kids(tx, 'IncludedSupplyChainTradeLineItem').map((line) => {
    const lineSettlement = kid(line, n.lineSettlement);
    return {
      description:
        at(line, 'SpecifiedTradeProduct', 'Name') ?? at(line, 'SpecifiedTradeProduct', 'Description'),
      quantity: readDecimal(at(line, n.lineDelivery, 'BilledQuantity')),
      unitPrice: readDecimal(at(line, n.lineAgreement, 'NetPriceProductTradePrice', 'ChargeAmount')),
      amount: amount(kid(lineSettlement, n.lineSummation, 'LineTotalAmount'), 'Invoice line net amount'),
      tax: null,
      taxRate: readDecimal(at(lineSettlement, 'ApplicableTradeTax', n.rate)),
    };
  });

  const seller = kid(agreement, 'SellerTradeParty');
  const buyer = kid(agreement, 'BuyerTradeParty');
  const fields = {
    file,
    source: 'cii' as const,
    documentType: documentTypeOf(rootName, typeCode),
    supplier: readParty(seller),
    customer: readParty(buyer),
    date: date(kid(doc, 'IssueDateTime'), 'Issue date'),
    dueDate: date(kid(settlement, 'SpecifiedTradePaymentTerms', 'DueDateDateTime'), 'Due date'),
    invoiceNumber: at(doc, 'ID'),
    poNumber:
      at(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID') ??
      at(agreement, 'BuyerOrderReferencedDocument', 'ID'),
    currency,
    total: amount(kid(sums, 'GrandTotalAmount'), 'Invoice total amount with VAT'),
    tax: amount(taxTotal, 'Invoice total VAT amount'),
    net: amount(kid(sums, 'TaxBasisTotalAmount'), 'Invoice total amount without VAT'),
    payable: amount(kid(sums, 'DuePayableAmount'), 'Amount due for payment'),
    taxLines,
    lineItems,
    allowancesCharges,
    warnings,
  };

  const facts: EInvoiceFacts = {
    syntax: 'cii',
    rootName,
    customizationId: at(root, n.context, 'GuidelineSpecifiedDocumentContextParameter', 'ID'),
    typeCode,
    declaredCurrency: currency,
    lineTotal: amount(kid(sums, 'LineTotalAmount'), 'Sum of invoice line net amounts'),
    allowanceTotal: amount(kid(sums, 'AllowanceTotalAmount'), 'Sum of allowances'),
    chargeTotal: amount(kid(sums, 'ChargeTotalAmount'), 'Sum of charges'),
    prepaid: amount(kid(sums, 'TotalPrepaidAmount'), 'Paid amount'),
    rounding: amount(kid(sums, 'RoundingAmount'), 'Rounding amount'),
    thirdPartyPayments: [],
    amountsWithCurrencyId: rootName === 'CrossIndustryInvoice' ? amountsWithCurrencyId(root) : [],
    sellerContact: kid(seller, 'DefinedTradeContact') !== undefined,
    buyerReference: at(agreement, 'BuyerReference'),
    unreadable,
  };
  return { result: assembleResult(fields), facts };
}

function readParty(party: XNode | undefined): Party {
  const address = kid(party, 'PostalTradeAddress');
  const registrations = kids(party, 'SpecifiedTaxRegistration');
  const vat = registrations.find((r) => attr(kid(r, 'ID'), 'schemeID') === 'VA') ?? registrations[0];
  return {
    name: at(party, 'Name'),
    address: joinAddress([
      at(address, 'LineOne'),
      at(address, 'LineTwo'),
      at(address, 'LineThree'),
      postcodeCity(at(address, 'PostcodeCode'), at(address, 'CityName')),
      at(address, 'CountrySubDivisionName'),
      at(address, 'CountryID'),
    ]),
    taxId: at(vat, 'ID'),
  };
}

/**
 * Names of amount elements (other than TaxTotalAmount) that carry a currencyID attribute:
 * EN 16931 CII rule CII-DT-031 forbids it, since all amounts are in the invoice currency.
 */
function amountsWithCurrencyId(root: XNode): string[] {
  const found = new Set<string>();
  const visit = (node: XNode, depth: number): void => {
    if (depth > 64) return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@') || key.startsWith('#') || !Array.isArray(value)) continue;
      for (const child of value as unknown[]) {
        if (typeof child !== 'object' || child === null) continue;
        const el = child as XNode;
        if (key.endsWith('Amount') && key !== 'TaxTotalAmount' && el['@currencyID'] !== undefined)
          found.add(key);
        visit(el, depth + 1);
      }
    }
  };
  visit(root, 0);
  return [...found];
}
