import type { FastifyReply } from 'fastify';

/** QuickBooks Online's Fault envelope and the messages behind its common codes. */

export interface QboError {
  readonly Message: string;
  readonly Detail: string;
  readonly code: string;
  readonly element?: string;
}

export class QboFault extends Error {
  readonly errors: readonly QboError[];
  readonly status: number;
  readonly type: string;
  constructor(errors: readonly QboError[], status = 400, type = 'ValidationFault') {
    super(errors[0]?.Message ?? 'QuickBooks fault');
    this.errors = errors;
    this.status = status;
    this.type = type;
  }
}

export function faultBody(fault: QboFault, now: Date): Record<string, unknown> {
  return {
    Fault: { Error: fault.errors.map((e) => ({ ...e, element: e.element ?? '' })), type: fault.type },
    time: now.toISOString(),
  };
}

export function sendFault(reply: FastifyReply, fault: QboFault, now: Date): FastifyReply {
  return reply.code(fault.status).send(faultBody(fault, now));
}

export const qbo = {
  required: (path: string): QboError => ({
    Message: 'Required param missing, need to supply the required value for the API',
    Detail: `Required parameter ${path} is missing in the request`,
    code: '2020',
    element: path,
  }),
  unsupported: (path: string, detail: string): QboError => ({
    Message: 'Request has invalid or unsupported property',
    Detail: `Property Name:${detail} (${path}) specified is unsupported or invalid`,
    code: '2010',
    element: path,
  }),
  invalidReference: (entity: string, id: string, element: string): QboError => ({
    Message: 'Invalid Reference Id',
    Detail: `Invalid Reference Id : ${entity} element id ${id} not found`,
    code: '2500',
    element,
  }),
  inactive: (element: string): QboError => ({
    Message: 'Object Not Found',
    Detail:
      "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
    code: '610',
    element,
  }),
  periodClosed: (): QboError => ({
    Message: 'Account Period Closed, cannot update through Services API',
    Detail:
      'The account period has closed and the account books cannot be updated through through the QBO Services API. Please use the QBO website to make these changes.',
    code: '6210',
  }),
  duplicateDocNumber: (docNumber: string, txnType: string, txnId: string): QboError => ({
    Message: 'Duplicate Document Number Error',
    Detail: `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${txnType} with TxnId=${txnId}`,
    code: '6140',
  }),
  stale: (): QboError => ({
    Message: 'Stale Object Error',
    Detail:
      'Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.',
    code: '5010',
  }),
  business: (detail: string): QboError => ({
    Message: 'A business validation error has occurred while processing your request',
    Detail: `Business Validation Error: ${detail}`,
    code: '6000',
  }),
  duplicateName: (): QboError => ({
    Message: 'Duplicate Name Exists Error',
    Detail:
      'The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.',
    code: '6240',
  }),
  notFound: (entity: string, id: string): QboError => ({
    Message: 'Object Not Found',
    Detail: `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (${entity} ${id})`,
    code: '610',
  }),
  parse: (detail: string): QboError => ({
    Message: 'Error parsing query',
    Detail: `QueryParserError: ${detail}`,
    code: '4000',
  }),
  throttled: (): QboError => ({
    Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
    Detail: 'The request limit was reached.',
    code: '3001',
  }),
};
