import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database } from '../db/connect';
import { Invalid, Permanent, Retryable } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { deadLetterQueueOf, type JobDefinition, type JobRegistry } from './registry';

export interface EnqueueOptions {
  /** The same key for the same job name enqueues once: a second send is ignored. */
  idempotencyKey?: string;
  startAfterSeconds?: number;
}

export interface QueueHealth {
  ok: boolean;
  working: boolean;
  queued: number;
  deadLettered: number;
}

export interface JobQueue {
  /** Enqueues a job after validating its payload; returns the job id, or null when the key was already used. */
  enqueue<S extends z.ZodType>(
    job: JobDefinition<S>,
    payload: z.infer<S>,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /** Starts handlers for every registered job (the in-process workers or `docket worker`). */
  work(): Promise<void>;
  health(): Promise<QueueHealth>;
  stop(): Promise<void>;
}

export interface QueueOptions {
  pollingIntervalSeconds?: number;
  logger: Logger;
}

/** pg-boss 10 on the same database as everything else: PGlite through executeSql, or PostgreSQL. */
export async function startJobQueue(
  database: Database,
  registry: JobRegistry,
  options: QueueOptions,
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    supervise: true,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error: unknown) => {
    options.logger.error({ err: error }, 'job queue error');
  });
  await boss.start();

  for (const job of registry.all()) {
    const dead = deadLetterQueueOf(job.name);
    await boss.createQueue(dead, { name: dead, retentionDays: 30 });
    await boss.createQueue(job.name, {
      name: job.name,
      retryLimit: job.retryLimit ?? 3,
      retryDelay: job.retryDelaySeconds ?? 5,
      retryBackoff: job.retryBackoff ?? true,
      expireInSeconds: job.expireInSeconds ?? 15 * 60,
      deadLetter: dead,
    });
  }

  let working = false;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;

  return {
    async enqueue(job, payload, enqueueOptions = {}) {
      const data = job.payload.parse(payload) as object;
      const sendOptions: PgBoss.SendOptions = {};
      if (enqueueOptions.idempotencyKey) sendOptions.id = keyToUuid(job.name, enqueueOptions.idempotencyKey);
      if (enqueueOptions.startAfterSeconds) sendOptions.startAfter = enqueueOptions.startAfterSeconds;
      return boss.send(job.name, data, sendOptions);
    },

    async work() {
      if (working) return;
      working = true;
      for (const job of registry.all()) {
        const concurrency = job.concurrency ?? 1;
        for (let i = 0; i < concurrency; i++) {
          await boss.work<object>(
            job.name,
            { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
            async (jobs) => {
              for (const j of jobs) await runOne(boss, job, j, options.logger);
            },
          );
        }
      }
    },

    async health() {
      try {
        let queued = 0;
        let deadLettered = 0;
        for (const job of registry.all()) {
          queued += await boss.getQueueSize(job.name);
          deadLettered += await boss.getQueueSize(deadLetterQueueOf(job.name));
        }
        return { ok: true, working, queued, deadLettered };
      } catch {
        return { ok: false, working, queued: 0, deadLettered: 0 };
      }
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    },
  };
}

async function runOne(
  boss: PgBoss,
  job: JobDefinition,
  j: PgBoss.JobWithMetadata,
  logger: Logger,
): Promise<void> {
  const parsed = job.payload.safeParse(j.data);
  if (!parsed.success) {
    await deadLetter(boss, job, j, `invalid payload: ${parsed.error.message}`);
    return;
  }
  try {
    await job.handler(parsed.data, { jobId: j.id, attempt: j.retryCount });
  } catch (error) {
    if (error instanceof Permanent || error instanceof Invalid) {
      logger.warn(
        { job: job.name, id: j.id, reason: error.message },
        'job failed permanently; dead-lettered',
      );
      await deadLetter(boss, job, j, error.message);
      return;
    }
    const level = error instanceof Retryable ? 'info' : 'error';
    logger[level]({ job: job.name, id: j.id, attempt: j.retryCount, err: error }, 'job failed; will retry');
    throw error;
  }
}

async function deadLetter(boss: PgBoss, job: JobDefinition, j: PgBoss.Job, reason: string): Promise<void> {
  await boss.send(deadLetterQueueOf(job.name), { original: j.data, reason, jobId: j.id });
}

/** A stable uuid (v5 layout) from a job name and an idempotency key, used as the pg-boss job id. */
export function keyToUuid(name: string, key: string): string {
  const h = createHash('sha1').update(`${name}\u0000${key}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
