import { z } from 'zod';
import { Workspace } from './capture';
import { decimalString, isoDate } from './extraction';

export const ItemStatus = z.enum([
  'processing',
  'waiting',
  'failed',
  'to_review',
  'ready',
  'archived',
  'deleted',
  'merged',
  'duplicate',
]);
export const ReviewReason = z.object({ code: z.string(), text: z.string() });
export const DocumentTypeField = z.enum(['receipt', 'invoice', 'credit_note']);

export const ItemSummary = z.object({
  id: z.uuid(),
  workspace: Workspace,
  status: ItemStatus,
  statusReason: z.string().nullable(),
  reviewReasons: z.array(ReviewReason),
  documentType: z.string(),
  contact: z.object({ id: z.uuid().nullable(), name: z.string() }).nullable(),
  date: z.string().nullable(),
  dueDate: z.string().nullable(),
  reference: z.string().nullable(),
  currency: z.string().nullable(),
  net: z.string().nullable(),
  tax: z.string().nullable(),
  total: z.string().nullable(),
  categoryId: z.uuid().nullable(),
  ownerUserId: z.uuid().nullable(),
  duplicateOfItemId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const ItemQuery = z.strictObject({
  workspace: Workspace.default('costs'),
  /** inbox: to_review + ready; archive: archived; history: everything. */
  view: z.enum(['inbox', 'archive', 'all']).default('inbox'),
  tab: z.enum(['to_review', 'ready']).optional(),
  status: ItemStatus.optional(),
  contactId: z.uuid().optional(),
  supplier: z.string().trim().min(1).max(200).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  amountMin: decimalString.optional(),
  amountMax: decimalString.optional(),
  ownerUserId: z.uuid().optional(),
  duplicates: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(['created', 'date', 'total', 'supplier']).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ItemQuery = z.infer<typeof ItemQuery>;
export const ItemList = z.object({
  items: z.array(ItemSummary),
  /** Matches, counted up to 10,000. */
  total: z.number().int(),
  /** True when there are more matches than `total` (show "10,000+"). */
  totalIsLowerBound: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const ItemDocument = z.object({
  position: z.number().int(),
  sha256: z.string(),
  kind: z.string(),
  fileName: z.string(),
  pageCount: z.number().int(),
  /** GET this to show the document. */
  url: z.string(),
});
export const ItemEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  text: z.string().nullable(),
  userId: z.uuid().nullable(),
  at: z.iso.datetime(),
});
/** A tracking option on an item (line null) or on one of its line items (0-based index). */
export const TrackingPick = z.strictObject({
  categoryId: z.string().min(1).max(100),
  optionId: z.string().min(1).max(100),
  line: z.number().int().min(0).max(999).nullable().default(null),
});
export type TrackingPick = z.infer<typeof TrackingPick>;

export const ItemDetail = ItemSummary.extend({
  taxRateId: z.uuid().nullable(),
  paymentMethodId: z.uuid().nullable(),
  description: z.string().nullable(),
  paid: z.boolean().nullable(),
  cardLast4: z.string().nullable(),
  lineItems: z.array(z.unknown()),
  tracking: z.array(TrackingPick),
  /** Confidence in [0,1] per extracted field. */
  confidence: z.record(z.string(), z.number()),
  warnings: z.array(z.string()),
  documents: z.array(ItemDocument),
  history: z.array(ItemEvent),
  notes: z.array(ItemEvent),
  mergedIntoItemId: z.uuid().nullable(),
  splitFromItemId: z.uuid().nullable(),
  submittedByUserId: z.uuid().nullable(),
});

export const ItemPatch = z.strictObject({
  documentType: DocumentTypeField.optional(),
  contactName: z.string().trim().min(1).max(200).nullable().optional(),
  contactId: z.uuid().nullable().optional(),
  date: isoDate.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  reference: z.string().trim().max(100).nullable().optional(),
  currency: z.string().length(3).toUpperCase().nullable().optional(),
  net: decimalString.nullable().optional(),
  tax: decimalString.nullable().optional(),
  total: decimalString.nullable().optional(),
  categoryId: z.uuid().nullable().optional(),
  taxRateId: z.uuid().nullable().optional(),
  paymentMethodId: z.uuid().nullable().optional(),
  description: z.string().max(1000).nullable().optional(),
  paid: z.boolean().nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  /** Replaces the item's tracking picks (options of the ledger's imported tracking lists). */
  tracking: z.array(TrackingPick).max(200).optional(),
});
export type ItemPatch = z.infer<typeof ItemPatch>;

export const ItemIdParams = z.strictObject({ accountId: z.uuid(), itemId: z.uuid() });
export const NoteBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export const MoveBody = z.strictObject({ workspace: Workspace });
export const DuplicateDecision = z.strictObject({ decision: z.enum(['same', 'different']) });
export const BulkAction = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500),
  /** ready / to_review: manual moves, only without a connected accounting software. */
  action: z.enum(['archive', 'delete', 'set_category', 'set_owner', 'ready', 'to_review']),
  categoryId: z.uuid().nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
});
export const BulkResult = z.object({ updated: z.number().int() });
export const MergeBody = z.strictObject({
  ids: z.array(z.uuid()).min(2).max(50),
  /** Merge even though totals, dates or owners differ (the first answer lists the warnings). */
  confirm: z.boolean().default(false),
});
export const MergeResult = z.object({ item: ItemSummary.nullable(), warnings: z.array(z.string()) });
export const SplitResult = z.object({ original: ItemSummary, created: ItemSummary });

export const duplicateMode = z.enum(['automatic', 'review', 'off']);
export const Contact = z.object({
  id: z.uuid(),
  kind: z.enum(['supplier', 'customer']),
  name: z.string(),
  categoryId: z.uuid().nullable(),
  taxRateId: z.uuid().nullable(),
  paymentMethodId: z.uuid().nullable(),
  description: z.string().nullable(),
  currency: z.string().nullable(),
  paid: z.boolean().nullable(),
  autoPublish: z.boolean(),
  duplicateMode: duplicateMode.nullable(),
  tracking: z.array(TrackingPick),
});
export const ContactRules = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  categoryId: z.uuid().nullable().optional(),
  taxRateId: z.uuid().nullable().optional(),
  paymentMethodId: z.uuid().nullable().optional(),
  description: z.string().max(1000).nullable().optional(),
  currency: z.string().length(3).toUpperCase().nullable().optional(),
  paid: z.boolean().nullable().optional(),
  autoPublish: z.boolean().optional(),
  duplicateMode: duplicateMode.nullable().optional(),
  /** Default tracking options for the supplier's items (whole item: line must be null). */
  tracking: z.array(TrackingPick).max(10).optional(),
});
export const NewContact = ContactRules.extend({
  kind: z.enum(['supplier', 'customer']),
  name: z.string().trim().min(1).max(200),
});
export const ContactList = z.object({ contacts: z.array(Contact) });
export const ContactUpdate = z.object({ contact: Contact, reappliedToItems: z.number().int() });

export const Category = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  visible: z.boolean(),
});
export const NewCategory = z.strictObject({
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().max(50).nullable().optional(),
});
export const CategoryPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  code: z.string().trim().max(50).nullable().optional(),
  visible: z.boolean().optional(),
});
export const CategoryImport = z.strictObject({ csv: z.string().min(1).max(1_000_000) });
export const CategoryList = z.object({ categories: z.array(Category) });
export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.string()),
});

export const TaxRate = z.object({
  id: z.uuid(),
  workspace: Workspace,
  name: z.string(),
  code: z.string().nullable(),
  rate: z.string(),
});
export const NewTaxRate = z.strictObject({
  workspace: Workspace,
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().max(50).nullable().optional(),
  rate: decimalString,
});
export const TaxRatePatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  code: z.string().trim().max(50).nullable().optional(),
  rate: decimalString.optional(),
});
export const TaxRateList = z.object({ taxRates: z.array(TaxRate) });
export const PaymentMethod = z.object({ id: z.uuid(), name: z.string(), cardLast4: z.string().nullable() });
export const NewPaymentMethod = z.strictObject({
  name: z.string().trim().min(1).max(200),
  cardLast4: z
    .string()
    .regex(/^\d{4}$/, 'the last 4 digits of the card')
    .nullable()
    .optional(),
});
export const PaymentMethodPatch = NewPaymentMethod.partial();
export const PaymentMethodList = z.object({ paymentMethods: z.array(PaymentMethod) });

/** The accounting software the lists come from (null: Docket's own lists, editable). */
export const ListsLedger = z
  .object({ software: z.enum(['xero', 'quickbooks']), name: z.string() })
  .nullable();
export const TrackingList = z.object({
  /** The ledger's id (QuickBooks: "class" or "location"). */
  id: z.string(),
  name: z.string(),
  kind: z.enum(['tracking', 'class', 'location']),
  options: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const ListSource = z.object({
  ledger: ListsLedger,
  /** True when categories and tax rates come from the ledger (only Visible can change in Docket). */
  readOnly: z.boolean(),
  /** Xero's active tracking categories, QuickBooks classes and locations: lists named after them. */
  tracking: z.array(TrackingList),
});
export const ListIdParams = z.strictObject({ accountId: z.uuid(), id: z.uuid() });

export const CaptureSettings = z.object({ duplicateMode, extractionLimit: z.number().int().nullable() });
export const CaptureSettingsPatch = z.strictObject({ duplicateMode: duplicateMode.optional() });
