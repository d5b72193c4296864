import type { Db } from '../../db/connect';
import type { AppDeps, ZodApp } from '../../http/deps';
import type { JobQueue } from '../../jobs/queue';
import type { JobDefinition } from '../../jobs/registry';
import { blobStoreFor, type BlobStore } from '../../integrations/storage';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { SecretBox } from '../../lib/secret-box';
import type { PublishingContext } from './context';
import { publishingJobs, sweepOnce } from './jobs';
import { ledgerDirectory, ledgerSettingsFromEnv, type LedgerSettings } from './ledgers';
import { publishingRoutes } from './publishing.routes';
import { LedgerRateLimiter, realTimer, SharedCallSlots, type Timer } from './rate-limiter';

export { ledgerSettingsFromEnv, type LedgerSettings };
export { startLedgerSimulators } from './simulators';
export { connectionStatuses } from './publishing.repo';
export { explainFailure } from './error-catalogue';

/** The publishing module as the composition root wires it: its context, jobs and routes. */
export interface Publishing {
  readonly ctx: PublishingContext;
  readonly jobs: JobDefinition[];
  attach(queue: JobQueue): void;
  routes(app: ZodApp, deps: AppDeps): void;
  /** Lists older than the limit and auto-publish, once (the worker runs it on an interval). */
  sweep(): Promise<{ refreshed: number; autoQueued: number }>;
}

export function createPublishing(opts: {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  storage: BlobStore;
  ledgers: LedgerSettings;
  publicBaseUrl: string;
  logger?: Logger | null;
  timer?: Timer;
  /** Share the ledger rate limits with other processes through the database (PostgreSQL mode). */
  sharedLimits?: boolean;
}): Publishing {
  const ctx: PublishingContext = {
    db: opts.db,
    clock: opts.clock,
    secrets: opts.secrets,
    storage: opts.storage,
    ledgers: ledgerDirectory(opts.ledgers, opts.publicBaseUrl, () => opts.clock.now()),
    // Several processes on one PostgreSQL share the vendors' limits through it (0109).
    limiter: new LedgerRateLimiter(
      opts.timer ?? realTimer,
      opts.sharedLimits === true
        ? new SharedCallSlots(opts.db, { leaseMs: Math.max(120_000, 2 * opts.ledgers.timeoutMs) })
        : null,
    ),
    publicBaseUrl: opts.publicBaseUrl,
    logger: opts.logger ?? null,
    queue: null,
  };
  return {
    ctx,
    jobs: publishingJobs(ctx),
    attach(queue) {
      ctx.queue = queue;
    },
    routes(app, deps) {
      publishingRoutes(app, deps, ctx);
    },
    sweep: () => sweepOnce(ctx),
  };
}

/** The module built from the HTTP layer's deps (when the composition root did not pass one). */
export function publishingFor(deps: AppDeps): Publishing {
  const publishing = createPublishing({
    db: deps.database.db,
    clock: deps.clock,
    secrets: deps.secrets,
    storage: blobStoreFor(deps.config.dataDir),
    ledgers: ledgerSettingsFromEnv(),
    publicBaseUrl: deps.config.baseUrl,
  });
  if (deps.queue !== null) publishing.attach(deps.queue);
  return publishing;
}
