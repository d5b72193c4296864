import { isRecord } from '../sim-kit/http';
import { parseJson, retryAfter, type LedgerResponse } from '../http';
import { LedgerError, type LedgerErrorCode } from '../ledger-error';

/** Reads a non-2xx Xero answer (ValidationException, problem+json, OAuth error) into a LedgerError. */
export function xeroError(response: LedgerResponse): LedgerError {
  const body = parseJson(response.text);
  const status = response.status;
  const messages = validationMessages(body);
  const message =
    messages[0] ??
    (isRecord(body) && typeof body['Detail'] === 'string' ? body['Detail'] : undefined) ??
    (isRecord(body) && typeof body['error'] === 'string' ? body['error'] : undefined) ??
    (isRecord(body) && typeof body['Message'] === 'string' ? body['Message'] : undefined) ??
    (response.text.trim() === '' ? `HTTP ${status}` : response.text.trim().slice(0, 300));
  return new LedgerError('xero', {
    code: classify(status, message, body),
    vendorMessage: message,
    vendorMessages: messages.length > 0 ? messages : [message],
    status,
    retryAfterSeconds: retryAfter(response.headers),
  });
}

function validationMessages(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body['Elements'])) return [];
  return body['Elements'].flatMap((element) =>
    isRecord(element) && Array.isArray(element['ValidationErrors'])
      ? element['ValidationErrors'].flatMap((v) =>
          isRecord(v) && typeof v['Message'] === 'string' ? [v['Message']] : [],
        )
      : [],
  );
}

function classify(status: number, message: string, body: unknown): LedgerErrorCode {
  if (status === 429) return 'rate_limited';
  if (status === 401) return 'unauthorized';
  if (isRecord(body) && (body['error'] === 'invalid_grant' || body['error'] === 'invalid_client'))
    return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'unavailable';
  if (/lock date/i.test(message)) return 'period_locked';
  if (/limit of invoices/i.test(message)) return 'plan_limit';
  if (/must be unique/i.test(message)) return 'duplicate';
  if (/currency/i.test(message)) return 'currency';
  if (
    /archived|has been deleted|not a valid code|cannot be used with this account|could not be found|do not match a known/i.test(
      message,
    )
  ) {
    return 'inactive_reference';
  }
  if (/not of valid status for modification/i.test(message)) return 'stale';
  return 'validation';
}
