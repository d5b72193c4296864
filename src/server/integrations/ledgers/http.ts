import { LedgerError } from './ledger-error';
import type { LedgerKind } from './port';

/**
 * One HTTP exchange with a ledger over global fetch, with a timeout. Network failures and
 * timeouts become retryable LedgerErrors; HTTP answers (any status) are returned for the
 * vendor client to interpret.
 */

export interface LedgerResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly bytes: Uint8Array;
}

export interface LedgerRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array | FormData;
  readonly timeoutMs: number;
}

export async function ledgerFetch(vendor: LedgerKind, request: LedgerRequest): Promise<LedgerResponse> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new LedgerError(vendor, {
      code: timedOut ? 'timeout' : 'unavailable',
      vendorMessage: timedOut
        ? `No answer from ${vendor === 'xero' ? 'Xero' : 'QuickBooks'} within ${Math.round(request.timeoutMs / 1000)} s`
        : `Could not reach ${vendor === 'xero' ? 'Xero' : 'QuickBooks'}`,
      cause: error,
    });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function retryAfter(headers: Headers): number | null {
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : null;
}

export function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}
