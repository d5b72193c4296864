/**
 * What the UBL and CII readers produce: the shared ExtractionResult plus the few EN 16931 header
 * facts that validation needs but the contract does not carry (BT-106..BT-114, profile, type code).
 */
import type {
  AllowanceCharge,
  DocumentType,
  ExtractedFieldName,
  ExtractionResult,
  ExtractionSource,
  LineItem,
  Party,
  TaxLine,
} from '../../../../shared/contracts/extraction';

export type EInvoiceSyntax = 'ubl' | 'cii';

/** EN 16931 facts read from the XML that are needed to check the business rules. */
export interface EInvoiceFacts {
  syntax: EInvoiceSyntax;
  /** Root element local name: Invoice, CreditNote, CrossIndustryInvoice, CrossIndustryDocument. */
  rootName: string;
  /** BT-24 specification identifier (UBL CustomizationID, CII guideline ID). */
  customizationId: string | null;
  /** BT-3 invoice type code (UNCL1001). */
  typeCode: string | null;
  /** BT-5 as declared in the XML (null when the currency was inferred from currencyID attributes). */
  declaredCurrency: string | null;
  /** BT-106 sum of invoice line net amounts. */
  lineTotal: string | null;
  /** BT-107 sum of document-level allowances. */
  allowanceTotal: string | null;
  /** BT-108 sum of document-level charges. */
  chargeTotal: string | null;
  /** BT-113 paid amount. */
  prepaid: string | null;
  /** BT-114 rounding amount. */
  rounding: string | null;
  /** XRechnung extension BG-DEX-09 third-party payments (BT-DEX-002), added to the amount due. */
  thirdPartyPayments: string[];
  /** CII only: amount elements (other than TaxTotalAmount) that carry a currencyID attribute. */
  amountsWithCurrencyId: string[];
  /** BG-6 seller contact is present. */
  sellerContact: boolean;
  /** BT-10 buyer reference. */
  buyerReference: string | null;
  /** Values that were present but could not be read (amount or date not in the expected form). */
  unreadable: string[];
}

export interface ParsedEInvoice {
  result: ExtractionResult;
  facts: EInvoiceFacts;
}

/** The header fields a reader fills; assembleResult turns them into the contract shape. */
export interface EInvoiceFields {
  file: string;
  source: ExtractionSource;
  documentType: DocumentType;
  supplier: Party;
  customer: Party;
  date: string | null;
  dueDate: string | null;
  invoiceNumber: string | null;
  poNumber: string | null;
  currency: string | null;
  total: string | null;
  tax: string | null;
  net: string | null;
  payable: string | null;
  taxLines: TaxLine[];
  lineItems: LineItem[];
  allowancesCharges: AllowanceCharge[];
  warnings: string[];
}

/** UNCL1001 codes that denote a credit note (381 credit note, 396 factored credit note, 532 forwarder's). */
const CREDIT_NOTE_CODES = new Set(['381', '396', '532']);

export function documentTypeOf(rootName: string, typeCode: string | null): DocumentType {
  if (rootName === 'CreditNote') return 'credit_note';
  return typeCode !== null && CREDIT_NOTE_CODES.has(typeCode) ? 'credit_note' : 'invoice';
}

/**
 * Normalises an amount as written in the XML to a plain decimal string, keeping its digits
 * ("100.00" stays "100.00"; "+5" becomes "5"; ".5" becomes "0.5"). Null when it is not a number.
 */
export function readDecimal(value: string | null): string | null {
  if (value === null) return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) return null;
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if (whole === '' && frac === '') return null;
  const body = `${whole === '' ? '0' : whole}${frac === '' ? '' : `.${frac}`}`;
  return m[1] === '-' ? `-${body}` : body;
}

/** A valid calendar date as YYYY-MM-DD from its parts, or null. */
export function isoDateOf(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, mo - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return valid ? `${year}-${month}-${day}` : null;
}

/** Joins address parts into one line, skipping empty ones. */
export function joinAddress(parts: readonly (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => p !== null && p.trim() !== '').map((p) => p.trim());
  return kept.length === 0 ? null : kept.join(', ');
}

/** "12345 City" from a postcode and a city, either of which may be missing. */
export function postcodeCity(postcode: string | null, city: string | null): string | null {
  const parts = [postcode, city].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join(' ');
}

const CONFIDENCE_FIELDS: readonly [ExtractedFieldName, (f: EInvoiceFields) => unknown][] = [
  ['documentType', (f) => f.documentType],
  ['supplierName', (f) => f.supplier.name],
  ['supplierAddress', (f) => f.supplier.address],
  ['supplierTaxId', (f) => f.supplier.taxId],
  ['customerName', (f) => f.customer.name],
  ['date', (f) => f.date],
  ['dueDate', (f) => f.dueDate],
  ['invoiceNumber', (f) => f.invoiceNumber],
  ['poNumber', (f) => f.poNumber],
  ['currency', (f) => f.currency],
  ['total', (f) => f.total],
  ['tax', (f) => f.tax],
  ['net', (f) => f.net],
  ['lineItems', (f) => (f.lineItems.length > 0 ? f.lineItems : null)],
];

/** Builds the contract result: confidence 1.0 for every field read from the XML, plus the search text. */
export function assembleResult(fields: EInvoiceFields, pageCount = 0): ExtractionResult {
  const confidence: Partial<Record<ExtractedFieldName, number>> = {};
  for (const [name, read] of CONFIDENCE_FIELDS) {
    if (read(fields) !== null) confidence[name] = 1;
  }
  return {
    ...fields,
    cardLast4: null,
    confidence,
    locations: {},
    pageCount,
    text: renderText(fields),
  };
}

/** A readable plain-text rendering of the invoice for free-text search. */
export function renderText(f: EInvoiceFields): string {
  const cur = f.currency ?? '';
  const money = (label: string, v: string | null): string | null =>
    v === null ? null : `${label}: ${v} ${cur}`;
  const party = (label: string, p: Party): string | null =>
    p.name === null && p.address === null
      ? null
      : `${label}: ${[p.name, p.address, p.taxId === null ? null : `VAT ${p.taxId}`].filter((x) => x !== null).join(', ')}`;
  const lines = f.lineItems.map((l, i) => {
    const qty = l.quantity === null ? '' : `${l.quantity} x `;
    const price = l.unitPrice === null ? '' : ` @ ${l.unitPrice}`;
    const rate = l.taxRate === null ? '' : ` (VAT ${l.taxRate}%)`;
    return `  ${String(i + 1)}. ${qty}${l.description ?? '(no description)'}${price} = ${l.amount ?? '?'}${rate}`;
  });
  const out = [
    `${f.documentType === 'credit_note' ? 'Credit note' : 'Invoice'} ${f.invoiceNumber ?? '(no number)'}`,
    party('Seller', f.supplier),
    party('Buyer', f.customer),
    f.date === null ? null : `Issue date: ${f.date}`,
    f.dueDate === null ? null : `Due date: ${f.dueDate}`,
    f.poNumber === null ? null : `Order reference: ${f.poNumber}`,
    money('Net total', f.net),
    money('VAT', f.tax),
    money('Total', f.total),
    money('Amount due', f.payable),
    ...f.taxLines.map((t) =>
      `VAT ${t.category ?? ''} ${t.rate ?? '?'}%: ${t.tax ?? '?'} on ${t.net ?? '?'} ${cur}`.trim(),
    ),
    ...f.allowancesCharges.map(
      (a) =>
        `${a.kind === 'allowance' ? 'Allowance' : 'Charge'}: ${a.amount} ${cur}${a.reason === null ? '' : ` (${a.reason})`}`,
    ),
    lines.length > 0 ? 'Lines:' : null,
    ...lines,
  ];
  return out.filter((x): x is string => x !== null).join('\n');
}
