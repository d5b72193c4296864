import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { signUpClient } from '../../../../test/support/app';
import { buildCaptureTestApp, receiptLines, type CaptureTestApp } from '../../../../test/support/capture';
import { intoInbox } from '../../../../test/support/review';

let t: CaptureTestApp;
beforeAll(async () => {
  t = await buildCaptureTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('who sees which documents', () => {
  it('when a Standard user works in an account, then they see and change only their own documents and cannot change lists', async () => {
    const admin = await signUpClient(t.app);
    const other = await signUpClient(t.app);
    // The second login also becomes a Standard user of the first account (as an accepted invitation would).
    await t.database.db.insert(users).values({
      accountId: admin.accountId,
      loginId: other.loginId,
      name: 'Sam Standard',
      email: other.email,
      role: 'standard',
    });
    const standard = { ...other, accountId: admin.accountId };
    const adminItem = await intoInbox(t, admin, receiptLines('Admin Only Ltd', '09/01/2026', '20.00'));
    const ownItem = await intoInbox(t, standard, receiptLines('Standard Spend', '10/01/2026', '4.00'));

    const seen = await standard.client.get(`/api/accounts/${admin.accountId}/items`);
    expect(seen.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([ownItem]);
    expect(seen.body).not.toContain('Admin Only');
    expect(
      (await standard.client.get(`/api/accounts/${admin.accountId}/items/${adminItem}`)).statusCode,
    ).toBe(404);
    expect(
      (await standard.client.post(`/api/accounts/${admin.accountId}/items/${adminItem}/archive`)).statusCode,
    ).toBe(404);
    expect(
      (await standard.client.post(`/api/accounts/${admin.accountId}/items/${ownItem}/archive`)).statusCode,
    ).toBe(200);
    const history = await standard.client.get(`/api/accounts/${admin.accountId}/submissions`);
    expect(history.json<{ total: number }>().total).toBe(1);
    expect(
      (await standard.client.post(`/api/accounts/${admin.accountId}/categories`, { name: 'Mine' }))
        .statusCode,
    ).toBe(403);

    const all = await admin.client.get(`/api/accounts/${admin.accountId}/items?view=all`);
    expect(all.json<{ total: number }>().total).toBe(2);
  });
});
