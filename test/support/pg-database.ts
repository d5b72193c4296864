import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type Database } from '../../src/server/db/connect';
import { withDatabase } from './pg-url';

/**
 * A fresh PostgreSQL database cloned from the run's template, with its URL (so a child process can
 * open it too). Null when the run has no PostgreSQL (TEST_DATABASE_URL unset).
 */
export async function createPgTestDatabase(): Promise<{ database: Database; url: string } | null> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.DOCKET_TEST_PG_TEMPLATE;
  if (!pgUrl || !template) return null;
  const name = `docket_w_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = withDatabase(pgUrl, name);
  const database = await connectDatabase({ databaseUrl: url, poolSize: 4 });
  return {
    url,
    database: {
      ...database,
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    },
  };
}
