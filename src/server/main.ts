import type { Config } from './config';
import { connectDatabase, pgliteDirFor, type Database } from './db/connect';
import { migrateDatabase } from './db/migrate';
import { buildApp } from './http/app';
import type { ZodApp } from './http/deps';
import { startJobQueue, type JobQueue } from './jobs/queue';
import { JobRegistry } from './jobs/registry';
import { OffsetClock, systemClock, type Clock } from './lib/clock';
import { createMailer } from './integrations/mail/mailer';
import { createLogger, type Logger } from './lib/logger';
import { SecretBox } from './lib/secret-box';
import { blobStoreFor } from './integrations/storage';
import { capturePipeline, type CapturePipeline } from './modules/capture';
import { closeExtraction, extractDocument } from './modules/extraction';
import { handleSupportMail, purgeSessionsJob } from './modules/identity';
import {
  createPublishing,
  ledgerSettingsFromEnv,
  startLedgerSimulators,
  type Publishing,
} from './modules/publishing';
import { databaseIsEmpty, DEMO_PASSWORD, demoLogins, seedDemo } from './seed';
import { startSmtp, type SmtpHandle } from './smtp';

export interface Roles {
  http: boolean;
  worker: boolean;
  smtp: boolean;
}

export interface Docket {
  config: Config;
  database: Database;
  queue: JobQueue;
  app: ZodApp | null;
  smtp: SmtpHandle | null;
  logger: Logger;
  stop(): Promise<void>;
}

/** Every job kind Docket runs, listed once. */
export function buildJobRegistry(
  database: Database,
  clock: Clock,
  capture?: CapturePipeline,
  publishing?: Publishing,
): JobRegistry {
  return new JobRegistry().register(
    purgeSessionsJob(database.db, clock),
    ...(capture?.jobs ?? []),
    ...(publishing?.jobs ?? []),
  );
}

export async function openDatabase(config: Config): Promise<Database> {
  return connectDatabase({ databaseUrl: config.databaseUrl, pgliteDir: pgliteDirFor(config.dataDir) });
}

/** The composition root: config -> database -> migrations -> jobs -> http, smtp, workers. */
export async function startDocket(
  config: Config,
  roles: Roles,
  clock: Clock = config.devClock ? new OffsetClock() : systemClock,
): Promise<Docket> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config);
  await migrateDatabase(database);

  if (
    roles.http &&
    (config.demo === 'on' || (config.demo === 'auto' && (await databaseIsEmpty(database.db))))
  ) {
    const { created } = await seedDemo(database.db, clock);
    if (created) logger.info('Demo data created');
  }

  const storage = blobStoreFor(config.dataDir);
  const capture = capturePipeline({
    db: database.db,
    clock,
    storage,
    extract: extractDocument,
    logger,
    extractConcurrency: Math.max(1, config.workers),
    staleSeconds: Number(process.env.DOCKET_CAPTURE_STALE_SECONDS ?? 600),
  });
  // Demo mode: Xero and QuickBooks simulators stand in for ledgers that are not configured.
  const ledgerEnv = ledgerSettingsFromEnv();
  const demoLedgers =
    ledgerEnv.simulators === 'on' || (ledgerEnv.simulators === 'auto' && config.demo !== 'off');
  const simulators = demoLedgers ? await startLedgerSimulators(ledgerEnv, '127.0.0.1') : null;
  const publishing = createPublishing({
    db: database.db,
    clock,
    secrets: new SecretBox(config.secret),
    storage,
    ledgers: simulators?.settings ?? ledgerEnv,
    publicBaseUrl: config.baseUrl,
    logger,
    sharedLimits: database.engine === 'postgres',
  });
  const queue = await startJobQueue(database, buildJobRegistry(database, clock, capture, publishing), {
    logger,
  });
  capture.attach(queue);
  publishing.attach(queue);
  let recovery: NodeJS.Timeout | undefined;
  let publishingSweep: NodeJS.Timeout | undefined;
  if (roles.worker) {
    await queue.work();
    await capture.recover();
    recovery = setInterval(() => {
      capture.recover().catch((err: unknown) => logger.error({ err }, 'capture recovery failed'));
    }, 60_000);
    recovery.unref();
    publishingSweep = setInterval(() => {
      publishing.sweep().catch((err: unknown) => logger.error({ err }, 'publishing sweep failed'));
    }, 15_000);
    publishingSweep.unref();
    const [purge] = buildJobRegistry(database, clock).all();
    if (purge) {
      const hour = clock.now().toISOString().slice(0, 13);
      await queue.enqueue(purge, {}, { idempotencyKey: `purge-${hour}` });
    }
  }

  let app: ZodApp | null = null;
  if (roles.http) {
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: `Docket <no-reply@${config.mailDomain}>` });
    app = await buildApp(
      { config, database, queue, clock, mailer, secrets: new SecretBox(config.secret) },
      { logger: { level: config.logLevel }, publishing },
    );
    await app.listen({ port: config.port, host: config.host });
  }

  let smtp: SmtpHandle | null = null;
  if (roles.smtp) {
    const smtpOptions = { port: config.smtpPort, host: config.host, logger, mailDomain: config.mailDomain };
    const supportDeps = {
      db: database.db,
      clock,
      mailer: createMailer({ smtpUrl: config.smtpUrl, from: `Docket <no-reply@${config.mailDomain}>` }),
      baseUrl: config.baseUrl,
    };
    smtp = await startSmtp({
      ...smtpOptions,
      db: database.db,
      queue,
      storage,
      onSupportMail: async (mail) => {
        await handleSupportMail(supportDeps, mail);
      },
    });
  }

  let stopping: Promise<void> | undefined;
  return {
    config,
    database,
    queue,
    app,
    smtp,
    logger,
    stop() {
      stopping ??= (async () => {
        clearInterval(recovery);
        clearInterval(publishingSweep);
        await simulators?.close();
        await app?.close();
        await smtp?.close();
        await queue.stop();
        await closeExtraction();
        await database.close();
      })();
      return stopping;
    },
  };
}

export function printWelcome(docket: Docket, demo: boolean): void {
  const lines = [
    '',
    `  Docket is running at ${docket.config.baseUrl}`,
    `  API docs:            ${docket.config.baseUrl}/api/docs`,
    `  Database:            ${docket.database.engine === 'pglite' ? `embedded PostgreSQL in ${docket.config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (docket.smtp) lines.push(`  Extract by Email:    SMTP on port ${docket.smtp.port}`);
  if (demo) {
    lines.push('', `  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const l of demoLogins) lines.push(`    ${l.email.padEnd(28)} ${l.role}`);
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}
