import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, signUpClient, type TestApp } from '../../../../test/support/app';
import { TRUSTED_DEVICE_COOKIE } from './two-factor';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'correct horse battery staple';
const codeAt = (key: string, when: Date) =>
  new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')), digits: 6, period: 30 }).generate({
    timestamp: when.getTime(),
  });

async function enable2fa(client: Client): Promise<{ key: string; backupCodes: string[] }> {
  const setup = await client.post('/api/me/2fa/setup');
  expect(setup.statusCode).toBe(200);
  const { key, otpauthUri, qrDataUrl } = setup.json();
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Docket:/);
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  const confirm = await client.post('/api/me/2fa/confirm', { code: codeAt(key, t.clock.now()) });
  expect(confirm.statusCode).toBe(200);
  return { key, backupCodes: confirm.json().backupCodes };
}

describe('two-factor authentication', () => {
  it('when 2FA is on, then sign-in needs a code, a code works once, and backup codes work once each', async () => {
    const { client, email } = await signUpClient(t.app);
    const { key, backupCodes } = await enable2fa(client);
    expect(backupCodes).toHaveLength(12);
    expect(new Set(backupCodes).size).toBe(12);

    t.clock.advance(60_000);
    const c = new Client(t.app);
    const signIn = await c.post('/api/auth/sign-in', { email, password });
    expect(signIn.json().stage).toBe('mfa');
    expect(signIn.json().accounts).toEqual([]);
    expect((await c.get(`/api/me/security`)).statusCode).toBe(401);

    const code = codeAt(key, t.clock.now());
    const wrong = await c.post('/api/auth/2fa', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    const ok = await c.post('/api/auth/2fa', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('full');
    expect(ok.json().accounts).toHaveLength(1);

    // The same code again (same 30-second step) is refused.
    const again = new Client(t.app);
    await again.post('/api/auth/sign-in', { email, password });
    expect((await again.post('/api/auth/2fa', { code })).statusCode).toBe(422);
    // A backup code works, once.
    const backup = backupCodes[0]!;
    expect((await again.post('/api/auth/2fa', { backupCode: backup.toUpperCase() })).statusCode).toBe(200);
    const third = new Client(t.app);
    await third.post('/api/auth/sign-in', { email, password });
    expect((await third.post('/api/auth/2fa', { backupCode: backup })).statusCode).toBe(422);
    const security = (await again.get('/api/me/security')).json();
    expect(security.twoFactor).toEqual({ enabled: true, required: false, backupCodesLeft: 11 });
    const audit = (await again.get('/api/me/audit')).json().events.map((e: { action: string }) => e.action);
    expect(audit).toEqual(
      expect.arrayContaining(['login.2fa_enabled', 'login.backup_code_used', 'login.2fa_failed']),
    );
  });

  it('when "don\'t ask again on this device" is chosen, then the next sign-in skips the code until the device is revoked', async () => {
    const { client, email } = await signUpClient(t.app);
    const { key } = await enable2fa(client);
    t.clock.advance(60_000);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-docket-client': 't' },
      payload: { email, password },
    });
    const session = first.cookies.find((x) => x.name === 'docket_session')!.value;
    const answered = await t.app.inject({
      method: 'POST',
      url: '/api/auth/2fa',
      headers: { 'x-docket-client': 't', cookie: `docket_session=${session}` },
      payload: { code: codeAt(key, t.clock.now()), trustDevice: true },
    });
    const device = answered.cookies.find((x) => x.name === TRUSTED_DEVICE_COOKIE)!;
    expect(device.httpOnly).toBe(true);
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-docket-client': 't', cookie: `${TRUSTED_DEVICE_COOKIE}=${device.value}` },
      payload: { email, password },
    });
    expect(next.json().stage).toBe('full');
    const security = (await client.get('/api/me/security')).json();
    expect(security.trustedDevices).toHaveLength(1);
    expect(
      (await client.request('DELETE', `/api/me/trusted-devices/${security.trustedDevices[0].id}`)).statusCode,
    ).toBe(200);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-docket-client': 't', cookie: `${TRUSTED_DEVICE_COOKIE}=${device.value}` },
      payload: { email, password },
    });
    expect(after.json().stage).toBe('mfa');
  });

  it('when an account requires 2FA, then a user without it is taken through setup and cannot turn it off', async () => {
    const admin = await signUpClient(t.app, 'business');
    expect(
      (await admin.client.put(`/api/accounts/${admin.accountId}/security`, { require2fa: true })).statusCode,
    ).toBe(200);
    const c = new Client(t.app);
    const signIn = await c.post('/api/auth/sign-in', { email: admin.email, password });
    expect(signIn.json().stage).toBe('setup_mfa');
    expect((await c.get(`/api/accounts/${admin.accountId}`)).statusCode).toBe(401);
    await enable2fa(c);
    expect((await c.get('/api/me')).json().stage).toBe('full');
    const off = await c.post('/api/me/2fa/disable', { password });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.message).toMatch(/requires two-factor/);
    // Changing the method stays possible.
    expect((await c.post('/api/me/2fa/setup')).statusCode).toBe(200);
  });

  it('when 2FA is not required, then it can be turned off with the password', async () => {
    const { client } = await signUpClient(t.app);
    await enable2fa(client);
    expect((await client.post('/api/me/2fa/disable', { password: 'wrong wrong wrong' })).statusCode).toBe(
      422,
    );
    expect((await client.post('/api/me/2fa/disable', { password })).statusCode).toBe(200);
    expect((await client.get('/api/me/security')).json().twoFactor.enabled).toBe(false);
  });
});

describe('sign-in throttling', () => {
  it('when 10 sign-ins fail within 3 minutes, then even the right password waits, with the same answer for unknown emails', async () => {
    const { email } = await signUpClient(t.app);
    const c = new Client(t.app);
    for (let i = 0; i < 10; i++)
      expect((await c.post('/api/auth/sign-in', { email, password: `wrong password ${i}` })).statusCode).toBe(
        401,
      );
    const blocked = await c.post('/api/auth/sign-in', { email, password });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toBe('Too many attempts. Try again in 3 minutes.');
    expect(blocked.headers['retry-after']).toBeDefined();

    const ghost = 'nobody-here@example.com';
    for (let i = 0; i < 10; i++)
      await c.post('/api/auth/sign-in', { email: ghost, password: `wrong password ${i}` });
    const ghostBlocked = await c.post('/api/auth/sign-in', { email: ghost, password });
    expect(ghostBlocked.statusCode).toBe(429);
    expect(ghostBlocked.json().error.message).toBe(blocked.json().error.message);

    t.clock.advance(3 * 60_000 + 1000);
    expect((await c.post('/api/auth/sign-in', { email, password })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('when a login signs out everywhere, then every session of it ends', async () => {
    const { client, email } = await signUpClient(t.app);
    const other = new Client(t.app);
    await other.post('/api/auth/sign-in', { email, password });
    const security = (await client.get('/api/me/security')).json();
    expect(security.sessions).toHaveLength(2);
    expect(security.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect((await client.post('/api/me/sessions/sign-out-everywhere')).statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });
});
