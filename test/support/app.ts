import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/connect';
import { buildApp } from '../../src/server/http/app';
import type { ZodApp } from '../../src/server/http/deps';
import { createMailer } from '../../src/server/integrations/mail/mailer';
import { ManualClock } from '../../src/server/lib/clock';
import { SecretBox } from '../../src/server/lib/secret-box';
import { createTestDatabase } from './db';
import { testDataDir } from './paths';

export interface TestApp {
  app: ZodApp;
  database: Database;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a fresh database, driven in-process with app.inject; the clock is manual. */
export async function buildTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DOCKET_DATA_DIR: testDataDir,
    DOCKET_SECRET: 'test-secret-test-secret-test-secret-00',
    LOG_LEVEL: 'silent',
  });
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const mailer = createMailer({ smtpUrl: process.env.TEST_SMTP_URL, from: 'Docket <no-reply@docket.test>' });
  const app = await buildApp(
    { config, database, queue: null, clock, mailer, secrets: new SecretBox(config.secret) },
    { logger: false, serveWeb: false },
  );
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in HTTP client over app.inject that keeps its session cookie like a browser. */
export class Client {
  cookie: string | undefined;
  constructor(private readonly app: ZodApp) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'x-docket-client': 'test' };
    if (this.cookie) headers.cookie = this.cookie;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const set = res.cookies.find((c) => c.name === 'docket_session');
    if (set) this.cookie = set.value ? `docket_session=${set.value}` : undefined;
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
}

let counter = 0;
/** Signs up a new login with its own account and returns a client signed in as it. */
export async function signUpClient(
  app: ZodApp,
  kind: 'practice' | 'business' = 'business',
  name = `Account ${++counter}`,
): Promise<{ client: Client; accountId: string; loginId: string; email: string }> {
  const client = new Client(app);
  const email = `user${Date.now()}${++counter}@example.com`;
  const res = await client.post('/api/auth/sign-up', {
    kind,
    accountName: name,
    name: `Person ${counter}`,
    email,
    password: 'correct horse battery staple',
    country: 'GB',
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const me = res.json<{ login: { id: string }; currentAccountId: string }>();
  return { client, accountId: me.currentAccountId, loginId: me.login.id, email };
}
