/**
 * The few typed errors Docket uses everywhere. HTTP maps them to a status (http/errors.ts),
 * the job runner maps them to a retry policy (jobs/runner.ts). Messages are for people:
 * they say what went wrong and, where there is one, what to do.
 */

export type FieldReasons = Readonly<Record<string, string>>;

export abstract class DocketError extends Error {
  abstract readonly code:
    | 'not_found'
    | 'forbidden'
    | 'unauthenticated'
    | 'conflict'
    | 'invalid'
    | 'retryable'
    | 'permanent'
    | 'rate_limited';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The thing does not exist, or the caller may not know it exists (other accounts' rows). */
export class NotFound extends DocketError {
  readonly code = 'not_found' as const;
}

/** The caller is known but may not do this. */
export class Forbidden extends DocketError {
  readonly code = 'forbidden' as const;
}

/** No valid session (missing, expired or revoked). */
export class Unauthenticated extends DocketError {
  readonly code = 'unauthenticated' as const;
  constructor(message = 'Please sign in to continue.') {
    super(message);
  }
}

/** The request clashes with the current state (already taken, already published...). */
export class Conflict extends DocketError {
  readonly code = 'conflict' as const;
}

/** The input is wrong; `fields` says which field and why. */
export class Invalid extends DocketError {
  readonly code = 'invalid' as const;
  readonly fields: FieldReasons;
  constructor(message: string, fields: FieldReasons = {}) {
    super(message);
    this.fields = fields;
  }
}

/** Too many attempts; try again after `retryAfterSeconds`. */
export class RateLimited extends DocketError {
  readonly code = 'rate_limited' as const;
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A passing failure (network, lock, vendor 5xx/429): the job runner retries with backoff. */
export class Retryable extends DocketError {
  readonly code = 'retryable' as const;
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** A failure that will not go away by retrying (broken file, vendor validation error). */
export class Permanent extends DocketError {
  readonly code = 'permanent' as const;
}

export function isDocketError(error: unknown): error is DocketError {
  return error instanceof DocketError;
}
