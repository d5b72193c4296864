import { z } from 'zod';

/** A plain decimal string such as "12.50" or "-3.1" (exact; minor units inside the server). */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as 12.50');
/** ISO date YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const documentTypes = ['receipt', 'invoice', 'credit_note', 'other'] as const;
export const DocumentType = z.enum(documentTypes);
export type DocumentType = z.infer<typeof DocumentType>;

export const extractionSources = ['ubl', 'cii', 'facturx', 'pdf-text', 'ocr', 'html', 'words'] as const;
export const ExtractionSource = z.enum(extractionSources);
export type ExtractionSource = z.infer<typeof ExtractionSource>;

/** Where on the document a value came from: page (1-based) and a box in that page's own units. */
export const FieldLocation = z.object({
  page: z.number().int().min(1),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type FieldLocation = z.infer<typeof FieldLocation>;

export const Party = z.object({
  name: z.string().nullable(),
  address: z.string().nullable(),
  taxId: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const TaxLine = z.object({
  /** Percentage as a decimal string ("20", "7.5"); null when unknown. */
  rate: decimalString.nullable(),
  /** Tax category code where the source gives one (EN 16931 UNCL5305: S, Z, E, AE, K, G, O, L, M). */
  category: z.string().nullable(),
  net: decimalString.nullable(),
  tax: decimalString.nullable(),
});
export type TaxLine = z.infer<typeof TaxLine>;

export const LineItem = z.object({
  description: z.string().nullable(),
  quantity: decimalString.nullable(),
  unitPrice: decimalString.nullable(),
  /** Line amount as printed/declared (net for e-invoices). */
  amount: decimalString.nullable(),
  tax: decimalString.nullable(),
  taxRate: decimalString.nullable(),
});
export type LineItem = z.infer<typeof LineItem>;

export const AllowanceCharge = z.object({
  kind: z.enum(['allowance', 'charge']),
  amount: decimalString,
  reason: z.string().nullable(),
  taxRate: decimalString.nullable(),
});
export type AllowanceCharge = z.infer<typeof AllowanceCharge>;

/** The fields a confidence and a location can be given for. */
export const extractedFieldNames = [
  'documentType',
  'supplierName',
  'supplierAddress',
  'supplierTaxId',
  'customerName',
  'date',
  'dueDate',
  'invoiceNumber',
  'poNumber',
  'currency',
  'total',
  'tax',
  'net',
  'cardLast4',
  'lineItems',
] as const;
export const ExtractedFieldName = z.enum(extractedFieldNames);
export type ExtractedFieldName = z.infer<typeof ExtractedFieldName>;

export const ExtractionResult = z.object({
  /** The input's name as given by the caller (file path or upload name). */
  file: z.string(),
  source: ExtractionSource,
  documentType: DocumentType,
  supplier: Party,
  customer: Party,
  date: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  invoiceNumber: z.string().nullable(),
  poNumber: z.string().nullable(),
  /** ISO 4217 code. */
  currency: z.string().length(3).nullable(),
  /** Gross total (tax inclusive). */
  total: decimalString.nullable(),
  tax: decimalString.nullable(),
  /** Net total (tax exclusive). */
  net: decimalString.nullable(),
  /** Amount due (e-invoices: PayableAmount, after prepayments and rounding). */
  payable: decimalString.nullable(),
  taxLines: z.array(TaxLine),
  lineItems: z.array(LineItem),
  allowancesCharges: z.array(AllowanceCharge),
  cardLast4: z
    .string()
    .regex(/^\d{4}$/)
    .nullable(),
  /** Confidence in [0,1] per extracted field. */
  confidence: z.partialRecord(ExtractedFieldName, z.number().min(0).max(1)),
  /** Where each field was read, for highlighting on the review page. */
  locations: z.partialRecord(ExtractedFieldName, FieldLocation),
  pageCount: z.number().int().min(0),
  /** The plain text the fields were read from (for free-text search). */
  text: z.string(),
  /** Notes for a person: ambiguous day/month order resolved, totals that do not add up, etc. */
  warnings: z.array(z.string()),
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;
