import {
  Invalid,
  Permanent,
  RateLimited,
  Retryable,
  Unauthenticated,
  type DocketError,
} from '../../lib/errors';
import type { LedgerKind } from './port';

/**
 * Every ledger failure, normalised. `vendorMessage` is the ledger's own words (shown to the
 * bookkeeper, as Dext does); `code` says what kind of problem it is so publishing can decide
 * what to do (reconnect, retry later, ask the user to fix the item).
 */

export type LedgerErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'validation'
  | 'period_locked'
  | 'inactive_reference'
  | 'duplicate'
  | 'stale'
  | 'plan_limit'
  | 'currency'
  | 'not_found'
  | 'unavailable'
  | 'timeout';

export interface LedgerFailure {
  readonly code: LedgerErrorCode;
  readonly vendorMessage: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
}

export class LedgerError extends Error implements LedgerFailure {
  readonly vendor: LedgerKind;
  readonly code: LedgerErrorCode;
  readonly vendorMessage: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
  readonly status: number | null;
  /** Every message the ledger returned (a batch can carry several). */
  readonly vendorMessages: readonly string[];

  constructor(
    vendor: LedgerKind,
    failure: Omit<LedgerFailure, 'retryable' | 'retryAfterSeconds'> & {
      retryAfterSeconds?: number | null;
      status?: number | null;
      vendorMessages?: readonly string[];
      cause?: unknown;
    },
  ) {
    super(`${vendor}: ${failure.code}: ${failure.vendorMessage}`, { cause: failure.cause });
    this.name = 'LedgerError';
    this.vendor = vendor;
    this.code = failure.code;
    this.vendorMessage = failure.vendorMessage;
    this.retryable = RETRYABLE.has(failure.code);
    this.retryAfterSeconds = failure.retryAfterSeconds ?? null;
    this.status = failure.status ?? null;
    this.vendorMessages = failure.vendorMessages ?? [failure.vendorMessage];
  }

  toJSON(): LedgerFailure {
    return {
      code: this.code,
      vendorMessage: this.vendorMessage,
      retryable: this.retryable,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

const RETRYABLE: ReadonlySet<LedgerErrorCode> = new Set(['rate_limited', 'unavailable', 'timeout']);

/** Maps onto Docket's few typed errors, for the HTTP layer and the job runner. */
export function toDocketError(error: LedgerError): DocketError {
  switch (error.code) {
    case 'rate_limited':
      return new RateLimited(error.vendorMessage, error.retryAfterSeconds ?? 60);
    case 'unavailable':
    case 'timeout':
      return new Retryable(error.vendorMessage, {
        cause: error,
        ...(error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
      });
    case 'unauthorized':
      return new Unauthenticated(error.vendorMessage);
    case 'validation':
      return new Invalid(error.vendorMessage);
    default:
      return new Permanent(error.vendorMessage, { cause: error });
  }
}
