import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../../src/server/db/connect';
import { migrateDatabase } from '../../src/server/db/migrate';
import { testDataDir } from './paths';
import { withDatabase } from './pg-url';

/**
 * Prepares one migrated database that every test file clones: a PGlite data-folder snapshot, or,
 * when TEST_DATABASE_URL is set, a PostgreSQL template database.
 */
export default async function setup(): Promise<() => Promise<void>> {
  mkdirSync(testDataDir, { recursive: true });
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const template = `docket_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await connectDatabase({ databaseUrl: withDatabase(pgUrl, template), poolSize: 2 });
    await migrateDatabase(database);
    await database.close();
    process.env.DOCKET_TEST_PG_TEMPLATE = template;
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const database = await connectDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(database);
  if (!database.dumpDataDir) throw new Error('PGlite snapshot unavailable');
  const dump = await database.dumpDataDir();
  // One file per run: several runs may share the working tree at once.
  const file = join(testDataDir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.DOCKET_TEST_PGLITE_TEMPLATE = file;
  await database.close();
  return async () => {
    rmSync(file, { force: true });
  };
}
