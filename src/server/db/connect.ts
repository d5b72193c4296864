import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle database both engines share: only PostgreSQL SQL is written against it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Raw SQL executor with the shape pg-boss expects (`{ rows }`). */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  readonly db: Db;
  readonly executeSql: ExecuteSql;
  /** What the engine reports as its version (for /healthz). */
  version(): Promise<string>;
  /** PGlite only: a snapshot of the data folder (tests clone a migrated database from it). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `memory://` for a throw-away database. */
  pgliteDir?: string;
  /** Restore PGlite from a dumpDataDir() snapshot (tests). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
  return connectPglite(options.pgliteDir ?? 'memory://', options.loadDataDir);
}

async function connectPglite(dir: string, loadDataDir: Blob | undefined): Promise<Database> {
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    executeSql: async (text, values) => {
      // pg-boss sends several statements in one string when it has no parameters.
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        const last = results.at(-1);
        return { rows: last?.rows ?? [] };
      }
      const r = await client.query<Record<string, unknown>>(text, values);
      return { rows: r.rows };
    },
    version: async () => {
      const r = await client.query<{ v: string }>('select version() as v');
      return r.rows[0]?.v ?? 'unknown';
    },
    dumpDataDir: async () => {
      const dump = await client.dumpDataDir('none');
      return dump;
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function connectPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    executeSql: async (text, values) => {
      const r = await pool.query(text, values);
      const result = Array.isArray(r) ? (r.at(-1) as pg.QueryResult | undefined) : r;
      return { rows: (result?.rows ?? []) as Record<string, unknown>[] };
    },
    version: async () => {
      const r = await pool.query<{ v: string }>('select version() as v');
      return r.rows[0]?.v ?? 'unknown';
    },
    close: async () => {
      await pool.end();
    },
  };
}

export function pgliteDirFor(dataDir: string): string {
  return join(dataDir, 'pglite');
}
