import type { FastifyReply } from 'fastify';

/** Xero's error bodies, as its API sends them. */

export interface ValidationElement {
  readonly element: Record<string, unknown>;
  readonly messages: readonly string[];
}

export function validationException(elements: readonly ValidationElement[]): Record<string, unknown> {
  return {
    ErrorNumber: 10,
    Type: 'ValidationException',
    Message: 'A validation exception occurred',
    Elements: elements.map(({ element, messages }) => ({
      ...element,
      ValidationErrors: messages.map((Message) => ({ Message })),
    })),
  };
}

export function sendValidation(reply: FastifyReply, elements: readonly ValidationElement[]): FastifyReply {
  return reply.code(400).send(validationException(elements));
}

/** A problem+json body like the ones Xero's gateway sends for 401/403/404/429. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  title: string,
  detail: string,
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ Type: null, Title: title, Status: status, Detail: detail, Instance: null, Extensions: {} });
}

export function sendNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/plain').send("The resource you're looking for cannot be found");
}

export const xeroMessages = {
  lockDate: (which: 'period' | 'end of year', date: string) =>
    `The document date cannot be before the ${which} lock date, currently set at ${longDate(date)}`,
  accountArchived: (code: string) =>
    `Account code '${code}' has been archived or has been deleted. Each line item must reference a valid account.`,
  accountInvalid: (code: string) => `Account code '${code}' is not a valid code for this document.`,
  taxTypeForAccount: (taxType: string) => `The TaxType code ${taxType} cannot be used with this account code`,
  taxTypeUnknown: (taxType: string) =>
    `The TaxType code ${taxType} does not exist or cannot be used with this type of transaction.`,
  contactArchived: 'Unable to assign an Archived contact.',
  contactMissing: 'A Contact must be specified for this type of transaction',
  contactNotFound: 'The contact could not be found.',
  duplicateNumber: 'This invoice number must be unique.',
  planLimit: 'You have reached the limit of invoices you can approve!',
  currencyNotSubscribed: (code: string) => `Organisation is not subscribed to currency ${code}`,
  bankCurrencyMismatch: (bank: string, doc: string) =>
    `The bank account currency (${bank}) must match the transaction currency (${doc}).`,
  bankAccountUnknown: 'The specified bank account details do not match a known bank account',
  trackingOption: (option: string, category: string) =>
    `The tracking option '${option}' could not be found for the tracking category '${category}'.`,
  trackingCategory: (category: string) => `The tracking category '${category}' could not be found.`,
  notModifiable: 'Invoice not of valid status for modification',
  invoiceNotFound: 'An existing Invoice with the specified InvoiceID could not be found',
  taxGreaterThanLine: 'The tax amount cannot be greater than the line amount!',
  lineItemsRequired: 'At least one line item is required.',
} as const;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-03-31" -> "31 March 2024" */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}
