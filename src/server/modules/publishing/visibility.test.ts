import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpClient } from '../../../../test/support/app';
import {
  buildCaptureTestApp,
  eventually,
  receiptLines,
  receiptPdf,
  upload,
  type CaptureTestApp,
} from '../../../../test/support/capture';

let t: CaptureTestApp;
beforeAll(async () => {
  t = await buildCaptureTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('who may publish which item', () => {
  it('when a Standard user with the publish permission but not "access all documents" publishes someone else’s item, then 404', async () => {
    const admin = await signUpClient(t.app, 'business');
    const std = await signUpClient(t.app, 'business');
    await admin.client.post(`/api/accounts/${admin.accountId}/users`, {
      name: 'Std',
      email: std.email,
      role: 'standard',
      permissions: ['publish'],
    });
    const sent = await upload(t, admin.client, admin.accountId, [
      { name: 'r.pdf', bytes: await receiptPdf([receiptLines(`Vis ${Date.now()}`, '2026-02-01', '9.00')]) },
    ]);
    expect(sent.statusCode).toBe(201);
    const itemId = await eventually(async () => {
      const [row] = (
        await t.database.executeSql(`select id from items where account_id = $1`, [admin.accountId])
      ).rows;
      return row ? String(row.id) : undefined;
    });
    const res = await std.client.post(`/api/accounts/${admin.accountId}/publications`, { itemIds: [itemId] });
    expect(res.statusCode).toBe(404);
    const exported = await std.client.post(`/api/accounts/${admin.accountId}/publishing/export`, {
      itemIds: [itemId],
      archive: false,
    });
    expect(exported.statusCode).toBe(404);
    // The admin sees all documents and gets past the visibility check (nothing to publish to: skipped with a reason).
    const own = await admin.client.post(`/api/accounts/${admin.accountId}/publications`, {
      itemIds: [itemId],
    });
    expect(own.statusCode).toBe(200);
  });
});
