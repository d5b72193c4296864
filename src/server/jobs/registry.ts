import type { z } from 'zod';

/** What every job handler receives besides its payload. */
export interface JobContext {
  readonly jobId: string;
  /** 0 on the first attempt. */
  readonly attempt: number;
}

/**
 * A job: name `noun.verb`, a zod payload, retry policy and a handler. Handlers must be
 * idempotent: a job may run again after a crash, and an idempotency key only stops a
 * second enqueue, not a second run.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: `${string}.${string}`;
  readonly payload: S;
  /** Attempts after the first (default 3). */
  readonly retryLimit?: number;
  /** Seconds before the first retry (default 5); doubled each time when backoff is on. */
  readonly retryDelaySeconds?: number;
  readonly retryBackoff?: boolean;
  /** A running job that takes longer is treated as crashed and retried (default 15 minutes). */
  readonly expireInSeconds?: number;
  /** How many jobs of this kind one worker runs at once (default 1). */
  readonly concurrency?: number;
  readonly handler: (payload: z.infer<S>, context: JobContext) => Promise<void>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`Job name "${definition.name}" must look like noun.verb`);
  }
  return definition;
}

/** The explicit list of every job kind Docket runs, built once in the composition root. */
export class JobRegistry {
  readonly #jobs = new Map<string, JobDefinition>();

  register(...definitions: JobDefinition[]): this {
    for (const d of definitions) {
      if (this.#jobs.has(d.name)) throw new Error(`Job ${d.name} is registered twice`);
      this.#jobs.set(d.name, d);
    }
    return this;
  }

  get(name: string): JobDefinition | undefined {
    return this.#jobs.get(name);
  }

  all(): JobDefinition[] {
    return [...this.#jobs.values()];
  }
}

export const deadLetterQueueOf = (name: string): string => `${name}.dead`;
