import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const EnvSchema = z.object({
  DOCKET_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_URL: z.string().optional(),
  DOCKET_BASE_URL: z.url().optional(),
  DOCKET_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DOCKET_MAIL_DOMAIN: z.string().default('in.docket.localhost'),
  DOCKET_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  DOCKET_WORKERS: z.coerce.number().int().min(0).max(32).default(2),
  LOG_LEVEL: LogLevel.default('info'),
  DOCKET_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  DOCKET_DEV_CLOCK: z.enum(['on', 'off']).default('off'),
});

export type Config = Readonly<{
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  smtpPort: number;
  smtpUrl: string | undefined;
  baseUrl: string;
  secret: string;
  mailDomain: string;
  demo: 'auto' | 'on' | 'off';
  workers: number;
  logLevel: z.infer<typeof LogLevel>;
  /** Test journeys only: a clock that POST /api/dev/clock can move forward (from this machine). */
  devClock: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** True when served over https: cookies get the Secure flag. */
  secureCookies: boolean;
}>;

export class ConfigError extends Error {}

/**
 * Parses the environment once into a frozen Config. DOCKET_SECRET, when unset, is generated
 * into the data folder on first start (and read from there afterwards).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DOCKET_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = (e.DOCKET_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return Object.freeze({
    dataDir,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    smtpPort: e.SMTP_PORT,
    smtpUrl: e.SMTP_URL,
    baseUrl,
    secret: e.DOCKET_SECRET ?? readOrCreateSecret(dataDir),
    mailDomain: e.DOCKET_MAIL_DOMAIN,
    demo: e.DOCKET_DEMO,
    workers: e.DOCKET_WORKERS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.DOCKET_TRUST_PROXY === 'true',
    devClock: e.DOCKET_DEV_CLOCK === 'on',
    secureCookies: baseUrl.startsWith('https://'),
  });
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
    throw new ConfigError(`${file} is shorter than 32 characters; delete it to generate a new one.`);
  }
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
