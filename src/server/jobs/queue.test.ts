import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from '../../../test/support/db';
import type { Database } from '../db/connect';
import { Permanent } from '../lib/errors';
import { createLogger } from '../lib/logger';
import { startJobQueue, keyToUuid, type JobQueue } from './queue';
import { defineJob, JobRegistry } from './registry';

let database: Database;
let queue: JobQueue;
const seen: string[] = [];
let flakyAttempts = 0;

const echo = defineJob({
  name: 'test.echo',
  payload: z.strictObject({ word: z.string() }),
  handler: async ({ word }) => {
    seen.push(word);
  },
});
const flaky = defineJob({
  name: 'test.flaky',
  payload: z.strictObject({}),
  retryLimit: 3,
  retryDelaySeconds: 1,
  retryBackoff: false,
  handler: async () => {
    flakyAttempts += 1;
    if (flakyAttempts < 2) throw new Error('passing failure');
  },
});
const broken = defineJob({
  name: 'test.broken',
  payload: z.strictObject({}),
  handler: async () => {
    throw new Permanent('this file can never be read');
  },
});

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  queue = await startJobQueue(database, new JobRegistry().register(echo, flaky, broken), {
    logger: createLogger('silent'),
    pollingIntervalSeconds: 0.5,
  });
  await queue.work();
});
afterAll(async () => {
  await queue.stop();
  await database.close();
});

describe('job queue (pg-boss on the test database)', () => {
  it('when a job is enqueued twice with the same idempotency key, then it runs once', async () => {
    const first = await queue.enqueue(echo, { word: 'once' }, { idempotencyKey: 'k1' });
    const second = await queue.enqueue(echo, { word: 'once' }, { idempotencyKey: 'k1' });
    expect(first).toBe(keyToUuid('test.echo', 'k1'));
    expect(second).toBeNull();
    await until(() => seen.includes('once'));
    await new Promise((r) => setTimeout(r, 1200));
    expect(seen.filter((w) => w === 'once')).toHaveLength(1);
  });

  it('when a payload does not match its schema, then enqueue refuses it', async () => {
    await expect(queue.enqueue(echo, { word: 3 } as unknown as { word: string })).rejects.toThrow();
  });

  it('when a handler fails once, then the job is retried and succeeds', async () => {
    await queue.enqueue(flaky, {});
    await until(() => flakyAttempts >= 2);
    expect(flakyAttempts).toBe(2);
  });

  it('when a handler fails permanently, then the job is dead-lettered with its reason, not retried', async () => {
    await queue.enqueue(broken, {});
    await until(async () => (await queue.health()).deadLettered >= 1);
    const rows = await database.executeSql(`select data from pgboss.job where name = 'test.broken.dead'`);
    expect(JSON.stringify(rows.rows[0])).toContain('this file can never be read');
    const health = await queue.health();
    expect(health.ok).toBe(true);
    expect(health.working).toBe(true);
  });
});
