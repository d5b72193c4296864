import { createHash } from 'node:crypto';
import type { Db } from '../../db/connect';
import type { JobQueue } from '../../jobs/queue';
import type { BlobStore } from '../../integrations/storage';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { SecretBox } from '../../lib/secret-box';
import type { LedgerDirectory } from './ledgers';
import type { LedgerRateLimiter } from './rate-limiter';

/** What the publishing use cases need, built once in the composition root. */
export interface PublishingContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly secrets: SecretBox;
  readonly storage: BlobStore;
  readonly ledgers: LedgerDirectory;
  readonly limiter: LedgerRateLimiter;
  /** Where links back to Docket point (the web app). */
  readonly publicBaseUrl: string;
  readonly logger: Logger | null;
  /** Set once the queue is started (jobs are registered before it exists). */
  queue: JobQueue | null;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Lists older than this are refreshed before a pre-check and by the recurring job. */
export const LISTS_MAX_AGE_MS = 4 * 60_000;
/** Tokens are refreshed this long before they expire. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
