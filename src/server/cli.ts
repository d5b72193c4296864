import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase } from './db/migrate';
import { systemClock } from './lib/clock';
import { openDatabase, printWelcome, startDocket, type Roles } from './main';
import { createMailer } from './integrations/mail/mailer';
import { addSupportAgent, findLoginByEmail } from './modules/identity';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './seed';

const usage = `Usage: docket <command> [options]

Commands:
  serve                 HTTP API + web app + SMTP + job workers in one process (what npm start runs)
  worker                job workers only (scale-out, with DATABASE_URL)
  smtp                  the inbound SMTP server only (Extract by Email)
  migrate               apply database migrations and exit
  seed --demo           create the demo practice, businesses and logins
  support add-agent EMAIL
                        make a login a Docket support agent (creates it, with a password link, when new)
  extract FILE...       extract fields from documents [--json] [--words] [--country CC] [--currency CUR]

Configuration comes from environment variables; see README.md.`;

async function runServer(roles: Roles): Promise<void> {
  const config = loadConfig();
  const docket = await startDocket(config, roles);
  const demo = roles.http && (await findLoginByEmail(docket.database.db, demoLogins[0].email)) !== undefined;
  if (roles.http) printWelcome(docket, demo);
  else docket.logger.info({ roles }, 'Docket started');
  const shutdown = (signal: string) => {
    docket.logger.info({ signal }, 'shutting down');
    docket.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        docket.logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await runServer({ http: true, worker: true, smtp: true });
      return -1;
    case 'worker':
      await runServer({ http: false, worker: true, smtp: false });
      return -1;
    case 'smtp':
      await runServer({ http: false, worker: false, smtp: true });
      return -1;
    case 'migrate': {
      const database = await openDatabase(loadConfig());
      await migrateDatabase(database);
      await database.close();
      process.stdout.write(`Migrations applied (${database.engine}).\n`);
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) {
        process.stderr.write('Only demo data can be seeded: docket seed --demo\n');
        return 2;
      }
      const database = await openDatabase(loadConfig());
      await migrateDatabase(database);
      const { created } = await seedDemo(database.db, systemClock);
      await database.close();
      process.stdout.write(
        created
          ? `Demo data created. Sign in as ${demoLogins[0].email} with password "${DEMO_PASSWORD}".\n`
          : 'Demo data already present.\n',
      );
      return 0;
    }
    case 'support': {
      const [sub, email] = rest;
      if (sub !== 'add-agent' || !email || !email.includes('@')) {
        process.stderr.write('Usage: docket support add-agent EMAIL\n');
        return 2;
      }
      const config = loadConfig();
      const database = await openDatabase(config);
      await migrateDatabase(database);
      const mailer = createMailer({
        smtpUrl: config.smtpUrl,
        from: `Docket <no-reply@${config.mailDomain}>`,
      });
      const result = await addSupportAgent(
        { db: database.db, clock: systemClock, mailer, baseUrl: config.baseUrl },
        email.toLowerCase(),
      );
      await database.close();
      process.stdout.write(
        result.created
          ? `Support agent ${email} created. Set its password with this link (valid one hour):\n  ${result.resetLink ?? ''}\n`
          : `${email} is a support agent. The support console is at ${config.baseUrl}/support\n`,
      );
      return 0;
    }
    case 'extract': {
      const { runExtractCommand } = await import('./modules/extraction/extract-command');
      return runExtractCommand(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    const message =
      err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`docket: ${message}\n`);
    process.exit(1);
  },
);
