import type { ErrorBody } from '../../shared/contracts/common';

/** Header the server requires on every change (its CSRF guard). */
const CLIENT_HEADER = 'x-docket-client';

/** An answer from the API that is not a success, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Reasons per request field, e.g. `{ password: 'must be at least 12 characters' }`. */
  readonly fields: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }

  /** True when the session is missing or expired: the person must sign in again. */
  get signedOut(): boolean {
    return this.status === 401;
  }
}

export function isSignedOutError(error: unknown): boolean {
  return error instanceof ApiError && error.signedOut;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    'code' in error &&
    typeof error.code === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFrom(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, fields, requestId } = body.error;
    return new ApiError(response.status, code, message, fields ?? {}, requestId);
  }
  if (response.status >= 500) {
    return new ApiError(
      response.status,
      'server',
      'Docket had a problem answering. Please try again in a moment.',
    );
  }
  return new ApiError(
    response.status,
    'unexpected',
    `Docket answered with an unexpected status (${response.status}).`,
  );
}

/**
 * Calls the Docket API with the session cookie. Changes carry the CSRF header and a JSON body.
 * Resolves with the parsed body (typed by the caller from the shared contracts), or rejects with an ApiError.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CLIENT_HEADER] = 'web';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'Docket could not be reached. Check your connection and try again.');
  }
  const parsed = await readJson(response);
  if (!response.ok) throw errorFrom(response, parsed);
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Capitalises a server field reason so it reads on its own under a field ("Must be at least 12 characters"). */
export function fieldReason(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const reason = error.fields[field];
  if (reason === undefined || reason === '') return undefined;
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** The message to show for any error: the server's own words when there are some. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return 'Something went wrong. Please try again.';
}
