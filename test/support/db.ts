import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { connectDatabase, type Database } from '../../src/server/db/connect';
import { withDatabase } from './pg-url';

/**
 * A fresh, migrated database for one test file: PGlite cloned from the run's snapshot, or a
 * PostgreSQL database created from the run's template when TEST_DATABASE_URL is set.
 * close() drops what was created.
 */
export async function createTestDatabase(): Promise<Database> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.DOCKET_TEST_PG_TEMPLATE;
  if (pgUrl && template) {
    const name = `docket_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const database = await connectDatabase({ databaseUrl: withDatabase(pgUrl, name), poolSize: 4 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const file = process.env.DOCKET_TEST_PGLITE_TEMPLATE;
  if (!file)
    throw new Error('The PGlite template is missing: run tests through vitest (its global setup makes it).');
  const snapshot = new Blob([readFileSync(file)]);
  return connectDatabase({ pgliteDir: 'memory://', loadDataDir: snapshot });
}
