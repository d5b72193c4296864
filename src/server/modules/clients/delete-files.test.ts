import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signUpClient, type TestApp } from '../../../../test/support/app';
import { receiptLines, receiptPdf, upload } from '../../../../test/support/capture';
import { sha256Of } from '../../integrations/storage';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const blobPath = (sha: string) => join(t.config.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);

describe('deleting a client removes its stored files', () => {
  it('when a client with uploads is deleted, then its own files go and a file another account also sent stays', async () => {
    const practice = await signUpClient(t.app, 'practice');
    const clientId = (
      await practice.client.post(`/api/accounts/${practice.accountId}/clients`, { name: 'Files Ltd' })
    ).json().clientId as string;
    const own = await receiptPdf([receiptLines(`Only Files Ltd ${Date.now()}`, '2026-02-01', '12.00')]);
    const shared = await receiptPdf([receiptLines(`Shared Supplier ${Date.now()}`, '2026-02-02', '30.00')]);
    expect(
      (
        await upload(t, practice.client, clientId, [
          { name: 'own.pdf', bytes: own },
          { name: 'shared.pdf', bytes: shared },
        ])
      ).statusCode,
    ).toBe(201);
    const other = await signUpClient(t.app, 'business');
    expect(
      (await upload(t, other.client, other.accountId, [{ name: 'shared.pdf', bytes: shared }])).statusCode,
    ).toBe(201);
    expect(existsSync(blobPath(sha256Of(own)))).toBe(true);
    expect(existsSync(blobPath(sha256Of(shared)))).toBe(true);

    const res = await practice.client.post(`/api/accounts/${practice.accountId}/clients/${clientId}/delete`, {
      confirmName: 'Files Ltd',
    });
    expect(res.statusCode).toBe(200);
    expect(existsSync(blobPath(sha256Of(own)))).toBe(false);
    expect(existsSync(blobPath(sha256Of(shared)))).toBe(true);
    const left = await t.database.executeSql(
      `select (select count(*) from submissions where account_id = $1)::int + (select count(*) from items where account_id = $1)::int as n`,
      [clientId],
    );
    expect(left.rows[0]?.n).toBe(0);
  });
});
