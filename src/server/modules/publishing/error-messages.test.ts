import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('publishing error messages (help)', () => {
  it('when the error messages of each software are asked, then each catalogue lists plain messages with their fixes', async () => {
    for (const software of ['xero', 'quickbooks'] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/publishing/error-messages?software=${software}`,
      });
      expect(res.statusCode).toBe(200);
      const messages = res.json<{ messages: { key: string; message: string; fix: string }[] }>().messages;
      expect(messages.length).toBeGreaterThanOrEqual(software === 'xero' ? 15 : 8);
      for (const m of messages) {
        expect(m.key.startsWith(`${software}.`)).toBe(true);
        expect(m.fix.length).toBeGreaterThan(10);
      }
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/publishing/error-messages?software=sage' })).statusCode,
    ).toBe(400);
  });

  it('when the consent page is cancelled, then the browser lands on the Connections page of the account it was for', async () => {
    await t.database.executeSql(
      `insert into accounts (id, kind, name) values ('6f1c2a8e-3b4d-4c5e-8f90-1a2b3c4d5e6f', 'business', 'Cancel Ltd')`,
    );
    const { createHash } = await import('node:crypto');
    const state = 'state-for-cancel-test-0123456789';
    await t.database.executeSql(
      `insert into ledger_oauth_states (state_hash, account_id, session_hash, software, expires_at) values ($1, '6f1c2a8e-3b4d-4c5e-8f90-1a2b3c4d5e6f', 'x', 'xero', now() + interval '10 minutes')`,
      [createHash('sha256').update(state).digest('hex')],
    );
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/connections/xero/callback?error=access_denied&state=${state}`,
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toMatch(
      /\/a\/6f1c2a8e-3b4d-4c5e-8f90-1a2b3c4d5e6f\/business-settings\/connections\?connection=cancelled/,
    );
  });
});
