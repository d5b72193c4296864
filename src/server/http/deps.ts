import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { JobQueue } from '../jobs/queue';
import type { Mailer } from '../integrations/mail/mailer';
import type { Clock } from '../lib/clock';
import type { SecretBox } from '../lib/secret-box';

/** What the HTTP layer needs from the composition root. */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  /** Absent in processes that do not enqueue (tests of pure routes). */
  readonly queue: JobQueue | null;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly secrets: SecretBox;
}

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
