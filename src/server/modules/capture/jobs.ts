import { z } from 'zod';
import type { JobQueue } from '../../jobs/queue';
import { defineJob, type JobDefinition } from '../../jobs/registry';
import { Permanent } from '../../lib/errors';

/** Payloads carry ids only: every step re-reads its input from the database and the blob store. */
export const SubmissionPayload = z.strictObject({ submissionId: z.uuid() });
export const ItemPayload = z.strictObject({ itemId: z.uuid() });

export const pipelineSteps = {
  split: { name: 'submission.split', payload: SubmissionPayload },
  extract: { name: 'item.extract', payload: ItemPayload },
  rules: { name: 'item.apply-rules', payload: ItemPayload },
  duplicates: { name: 'item.check-duplicates', payload: ItemPayload },
} as const;

const inWorkersOnly = (): Promise<void> =>
  Promise.reject(new Permanent('This job definition only enqueues; the registry holds the handler.'));

/**
 * Job references for enqueueing from processes that do not run the pipeline (HTTP, SMTP): same name
 * and payload as the registered job; the queue only reads those two when enqueueing.
 */
export const splitJobRef = defineJob({ ...pipelineSteps.split, handler: inWorkersOnly });
export const itemJobRefs = {
  extract: defineJob({ ...pipelineSteps.extract, handler: inWorkersOnly }),
  rules: defineJob({ ...pipelineSteps.rules, handler: inWorkersOnly }),
  duplicates: defineJob({ ...pipelineSteps.duplicates, handler: inWorkersOnly }),
} as const;

export type ItemStepName = keyof typeof itemJobRefs;

/** Starts a submission's pipeline; the key makes a second call a no-op. */
export async function enqueueSplit(
  queue: JobQueue | null,
  submissionId: string,
  generation = '',
): Promise<void> {
  await queue?.enqueue(
    splitJobRef,
    { submissionId },
    { idempotencyKey: `split:${submissionId}${generation}` },
  );
}

export async function enqueueItemStep(
  queue: JobQueue | null,
  step: ItemStepName,
  itemId: string,
  generation = '',
): Promise<void> {
  const job: JobDefinition<typeof ItemPayload> = itemJobRefs[step];
  await queue?.enqueue(job, { itemId }, { idempotencyKey: `${step}:${itemId}${generation}` });
}
