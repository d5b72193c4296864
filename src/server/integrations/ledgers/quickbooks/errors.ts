import { isRecord } from '../sim-kit/http';
import { parseJson, retryAfter, type LedgerResponse } from '../http';
import { LedgerError, type LedgerErrorCode } from '../ledger-error';

/** Reads a QuickBooks Fault (either casing: `Fault.Error` or `fault.error`) into a LedgerError. */
export function quickbooksError(response: LedgerResponse): LedgerError {
  const body = parseJson(response.text);
  const errors = faultErrors(body);
  const first = errors[0];
  const oauth = isRecord(body) && typeof body['error'] === 'string' ? body['error'] : undefined;
  const message =
    first !== undefined
      ? describe(first)
      : (oauth ?? (response.text.trim().slice(0, 300) || `HTTP ${response.status}`));
  return new LedgerError('quickbooks', {
    code: classify(response.status, first, oauth),
    vendorMessage: message,
    vendorMessages: errors.length > 0 ? errors.map(describe) : [message],
    status: response.status,
    retryAfterSeconds: retryAfter(response.headers) ?? (response.status === 429 ? 60 : null),
  });
}

interface FaultError {
  readonly message: string;
  readonly detail: string;
  readonly code: string;
}

function faultErrors(body: unknown): FaultError[] {
  if (!isRecord(body)) return [];
  const fault = body['Fault'] ?? body['fault'];
  if (!isRecord(fault)) return [];
  const list = fault['Error'] ?? fault['error'];
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((e) => ({
    message: text(e['Message'] ?? e['message']),
    detail: text(e['Detail'] ?? e['detail']),
    code: text(e['code']),
  }));
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The Detail is what QuickBooks users see; fall back to the Message. */
function describe(e: FaultError): string {
  return e.detail !== '' ? e.detail : e.message;
}

function classify(status: number, e: FaultError | undefined, oauth: string | undefined): LedgerErrorCode {
  if (status === 429 || e?.code === '3001') return 'rate_limited';
  if (status === 401 || oauth === 'invalid_grant' || oauth === 'invalid_client') return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status >= 500) return 'unavailable';
  switch (e?.code) {
    case '6210':
      return 'period_locked';
    case '610':
    case '2500':
      return 'inactive_reference';
    case '6140':
    case '6240':
      return 'duplicate';
    case '5010':
      return 'stale';
    case '6000':
      if (/currency/i.test(e.detail)) return 'currency';
      if (/plan|Simple Start/i.test(e.detail)) return 'plan_limit';
      return 'validation';
    default:
      return status === 404 ? 'not_found' : 'validation';
  }
}
