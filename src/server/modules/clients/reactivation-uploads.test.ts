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

const DAY = 24 * 60 * 60 * 1000;

describe('deactivated clients and their uploads', () => {
  it('when a deactivated client uploads, then the document waits unextracted; reactivating after 4 months processes it', async () => {
    const practice = await signUpClient(t.app, 'practice');
    const clientId = (
      await practice.client.post(`/api/accounts/${practice.accountId}/clients`, { name: 'Sleepy Ltd' })
    ).json().clientId as string;
    expect(
      (await practice.client.post(`/api/accounts/${practice.accountId}/clients/${clientId}/deactivate`, {}))
        .statusCode,
    ).toBe(200);
    const pdf = await receiptPdf([receiptLines(`Waiting Supplier ${Date.now()}`, '2026-02-10', '18.40')]);
    expect(
      (await upload(t, practice.client, clientId, [{ name: 'waiting.pdf', bytes: pdf }])).statusCode,
    ).toBe(201);
    const waiting = await eventually(async () => {
      const r = await t.database.executeSql(`select status, status_reason from items where account_id = $1`, [
        clientId,
      ]);
      return r.rows[0]?.status === 'waiting' ? r.rows[0] : undefined;
    });
    expect(String(waiting.status_reason)).toMatch(/deactivated/);
    expect(
      (await t.database.executeSql(`select extraction from items where account_id = $1`, [clientId])).rows[0]
        ?.extraction,
    ).toBeNull();

    t.clock.advance(125 * DAY);
    await practice.client.post('/api/auth/sign-in', {
      email: practice.email,
      password: 'correct horse battery staple',
    });
    const res = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${clientId}/reactivate`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().resumed).toBe(1);
    const done = await eventually(async () => {
      const r = await t.database.executeSql(`select status, total_minor from items where account_id = $1`, [
        clientId,
      ]);
      const s = String(r.rows[0]?.status);
      return s === 'ready' || s === 'to_review' ? r.rows[0] : undefined;
    });
    expect(String(done.total_minor)).toBe('1840');
  });
});
