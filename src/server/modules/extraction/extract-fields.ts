import type {
  ExtractedFieldName,
  ExtractionResult,
  ExtractionSource,
  FieldLocation,
  LineItem,
} from '../../../shared/contracts/extraction';
import { addDecimals, decimalsClose, normaliseDecimal } from '../../../shared/money';
import type { Found, FieldContext } from './fields/context';
import { readCurrency } from './fields/currency';
import { readDates } from './fields/date';
import { readDocumentType } from './fields/document-type';
import { readCardLast4, readInvoiceNumber, readPoNumber, readTaxId } from './fields/ids';
import { readLineItems } from './fields/line-items';
import { readSupplier } from './fields/supplier';
import { readTotals, type Totals } from './fields/totals';
import { groupLines, medianWordHeight, type Line } from './lines';
import type { Word } from './words';

export interface FieldOptions {
  country?: string | undefined;
  currency?: string | undefined;
  knownSuppliers?: readonly string[] | undefined;
  /** Today, for telling implausible future dates apart (defaults to the clock). */
  today?: Date | undefined;
}

export interface LayoutInput {
  file: string;
  source: ExtractionSource;
  pageCount: number;
  /** Either positioned words (grouped into lines here) or ready-made lines. */
  words?: readonly Word[];
  lines?: Line[];
  warnings?: readonly string[];
}

/** Reads every field from a document's words or lines into an ExtractionResult. */
export function extractFields(input: LayoutInput, options: FieldOptions = {}): ExtractionResult {
  const lines = input.lines ?? groupLines(input.words ?? []);
  const ctx: FieldContext = {
    lines,
    country: options.country?.toUpperCase(),
    currency: options.currency?.toUpperCase(),
    knownSuppliers: options.knownSuppliers ?? [],
    unit: medianWordHeight(lines),
    maxYear: (options.today ?? new Date()).getUTCFullYear() + 1,
  };
  const confidence: Partial<Record<ExtractedFieldName, number>> = {};
  const locations: Partial<Record<ExtractedFieldName, FieldLocation>> = {};
  const take = <T>(name: ExtractedFieldName, f: Found<T> | null): T | null => {
    if (!f) return null;
    confidence[name] = f.confidence;
    if (f.location) locations[name] = f.location;
    return f.value;
  };

  const documentType = readDocumentType(ctx);
  const supplier = readSupplier(ctx);
  const dates = readDates(ctx);
  const totals = readTotals(ctx);
  const reference = [totals.net?.value, totals.total?.value].filter((v): v is string => v != null);
  const items = readLineItems(ctx, reference);
  const itemWarnings = checkItems(items.items?.value ?? [], totals, items.basis);
  const currency = take('currency', readCurrency(ctx));

  const result: ExtractionResult = {
    file: input.file,
    source: input.source,
    documentType: take('documentType', documentType) ?? 'other',
    supplier: {
      name: take('supplierName', supplier.name),
      address: take('supplierAddress', supplier.address),
      taxId: take('supplierTaxId', readTaxId(ctx)),
    },
    customer: { name: null, address: null, taxId: null },
    date: take('date', dates.date),
    dueDate: take('dueDate', dates.dueDate),
    invoiceNumber: take('invoiceNumber', readInvoiceNumber(ctx)),
    poNumber: take('poNumber', readPoNumber(ctx)),
    currency,
    total: money(take('total', totals.total)),
    tax: money(take('tax', totals.tax)),
    net: money(take('net', totals.net)),
    payable: null,
    taxLines: totals.taxLines,
    lineItems: take('lineItems', items.items) ?? [],
    allowancesCharges: [],
    cardLast4: take('cardLast4', readCardLast4(ctx)),
    confidence,
    locations,
    pageCount: input.pageCount,
    text: linesToText(lines),
    warnings: [...(input.warnings ?? []), ...dates.warnings, ...totals.warnings, ...itemWarnings],
  };
  return result;
}

/**
 * Line items should add up to the net (tax-exclusive amounts) or the total (tax-inclusive amounts).
 * When no net was printed and tax-exclusive items add up to the total with no tax shown, the net is the total.
 */
function checkItems(items: readonly LineItem[], totals: Totals, basis: 'net' | 'gross' | null): string[] {
  const amounts = items.map((i) => i.amount);
  if (amounts.length === 0 || amounts.some((a) => a === null)) return [];
  const sum = addDecimals(amounts.filter((a): a is string => a !== null));
  const net = totals.net?.value ?? null;
  const total = totals.total?.value ?? null;
  const taxes = addDecimals(items.map((i) => i.tax ?? '0'));
  if (net !== null && decimalsClose(sum, net, '0.01')) return [];
  if (total !== null && decimalsClose(sum, total, '0.01')) {
    if (net === null && totals.tax === null && basis === 'net') {
      totals.net = { value: total, confidence: 0.6, location: null };
      totals.tax = { value: '0.00', confidence: 0.5, location: null };
      totals.taxLines = [{ rate: null, category: null, net: total, tax: '0.00' }];
    }
    return [];
  }
  if (total !== null && decimalsClose(addDecimals([sum, taxes]), total, '0.01')) return [];
  const against = net !== null ? `the net ${net}` : total !== null ? `the total ${total}` : null;
  return against === null
    ? []
    : [`The line items add up to ${normaliseDecimal(sum) ?? sum}, not ${against}.`];
}

function money(value: string | null): string | null {
  return value === null ? null : normaliseDecimal(value);
}

/** The document's plain text, one line per visual line, pages separated by a form feed. */
export function linesToText(lines: readonly Line[]): string {
  let out = '';
  let page = lines[0]?.page ?? 1;
  for (const line of lines) {
    if (line.page !== page) {
      out += '\f';
      page = line.page;
    }
    out += `${line.text}\n`;
  }
  return out;
}
