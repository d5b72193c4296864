import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { items } from '../../db/schema';
import { signUpClient } from '../../../../test/support/app';
import {
  buildCaptureTestApp,
  eventually,
  receiptLines,
  receiptPhoto,
  upload,
  type CaptureTestApp,
} from '../../../../test/support/capture';
import { repoRoot, testDataDir } from '../../../../test/support/paths';
import { createPgTestDatabase } from '../../../../test/support/pg-database';

const hasPg = Boolean(process.env.TEST_DATABASE_URL);
if (!hasPg) {
  process.stdout.write(
    'worker-crash.test: skipped, it needs PostgreSQL (set TEST_DATABASE_URL); PGlite is single-process.\n',
  );
}

let t: CaptureTestApp | null = null;
let url = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  const pg = await createPgTestDatabase();
  if (!pg) return;
  url = pg.url;
  // This process only serves HTTP and enqueues; the workers are child processes.
  t = await buildCaptureTestApp({ database: pg.database, workers: false });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await t?.close();
});

function startWorker(staleSeconds: number): ChildProcess {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'docket.mjs'), 'worker'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: url,
      DOCKET_DATA_DIR: testDataDir,
      DOCKET_SECRET: 'test-secret-test-secret-test-secret-00',
      DOCKET_DEMO: 'off',
      DOCKET_WORKERS: '1',
      DOCKET_CAPTURE_STALE_SECONDS: String(staleSeconds),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

describe('a worker killed in the middle of a job', () => {
  it.skipIf(!hasPg)(
    'when the worker is killed with SIGKILL mid-extraction, then another worker finishes the item and no item is created twice',
    { timeout: 240_000 },
    async () => {
      if (!t) throw new Error('no PostgreSQL test database');
      const a = await signUpClient(t.app);
      const photo = await receiptPhoto(receiptLines('Crash Test Bakery', '09/02/2026', '6.40'));
      const res = await upload(t, a.client, a.accountId, [{ name: 'photo.jpg', bytes: photo }]);
      expect(res.statusCode, res.body).toBe(201);
      const db = t.database.db;

      const first = startWorker(600);
      // Wait until the first worker has split the submission and started reading the photo.
      const started = await eventually(async () => {
        const rows = await db.select().from(items).where(eq(items.accountId, a.accountId));
        const row = rows[0];
        return row?.step === 'extract' && row.stepStartedAt ? row : null;
      }, 2400);
      first.kill('SIGKILL');
      await new Promise<void>((r) => first.once('exit', () => r()));
      const [afterKill] = await db.select().from(items).where(eq(items.id, started.id));
      // The kill landed mid-job: nothing of the extraction was stored.
      expect(afterKill?.step).toBe('extract');
      expect(afterKill?.extraction).toBeNull();

      await new Promise((r) => setTimeout(r, 1500));
      const second = startWorker(1);
      const done = await eventually(async () => {
        const [row] = await db.select().from(items).where(eq(items.id, started.id));
        return row && ['ready', 'to_review'].includes(row.status) ? row : null;
      }, 2400);
      second.kill('SIGTERM');
      expect(done.extraction).not.toBeNull();
      expect(done.totalMinor).toBe(640n);
      const all = await db.select().from(items).where(eq(items.accountId, a.accountId));
      expect(all).toHaveLength(1);
    },
  );
});
