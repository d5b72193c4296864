import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, signUpClient, type TestApp } from '../../../../test/support/app';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'correct horse battery staple';

describe('sign up, sign in, sign out', () => {
  it('when a practice signs up, then it is signed in to its new practice account as Practice Admin', async () => {
    const client = new Client(t.app);
    const res = await client.post('/api/auth/sign-up', {
      kind: 'practice',
      accountName: 'Ledger & Co',
      name: 'Pat',
      email: 'Pat@Ledger.example',
      password,
      country: 'GB',
    });
    expect(res.statusCode).toBe(201);
    const me = res.json();
    expect(me.login.email).toBe('pat@ledger.example');
    expect(me.accounts).toEqual([
      {
        id: me.currentAccountId,
        kind: 'practice',
        name: 'Ledger & Co',
        role: 'practice_admin',
        via: 'member',
      },
    ]);
    const cookie = res.headers['set-cookie'];
    expect(String(cookie)).toMatch(/HttpOnly/);
    expect(String(cookie)).toMatch(/SameSite=Lax/);
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });

  it('when the same email starts a second trial, then "This email is already taken" with 409', async () => {
    const client = new Client(t.app);
    const body = {
      kind: 'business',
      accountName: 'A',
      name: 'B',
      email: 'twice@example.com',
      password,
      country: 'GB',
    };
    expect((await client.post('/api/auth/sign-up', body)).statusCode).toBe(201);
    const again = await new Client(t.app).post('/api/auth/sign-up', { ...body, email: 'TWICE@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('This email is already taken');
  });

  it('when the password is short or fields are unknown, then 400 names the fields', async () => {
    const res = await new Client(t.app).post('/api/auth/sign-up', {
      kind: 'business',
      accountName: 'A',
      name: 'B',
      email: 'short@example.com',
      password: 'short',
      admin: true,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.values(fields).join(' ')).toMatch(/admin/);
    expect(JSON.stringify(res.json())).not.toMatch(/at .*\.ts/);
  });

  it('when a wrong password or an unknown email signs in, then the same 401 message says nothing about which', async () => {
    const { email } = await signUpClient(t.app);
    const wrong = await new Client(t.app).post('/api/auth/sign-in', {
      email,
      password: 'not the password at all',
    });
    const unknown = await new Client(t.app).post('/api/auth/sign-in', {
      email: 'nobody@example.com',
      password: 'whatever it is',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('when signing in twice, then each sign-in gets a new session id and sign-out ends only that one', async () => {
    const { email } = await signUpClient(t.app);
    const a = new Client(t.app);
    const b = new Client(t.app);
    await a.post('/api/auth/sign-in', { email, password });
    await b.post('/api/auth/sign-in', { email, password });
    expect(a.cookie).toBeDefined();
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect((await b.get('/api/me')).statusCode).toBe(200);
  });

  it('when a session is idle too long or too old, then it expires', async () => {
    const { client } = await signUpClient(t.app);
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    t.clock.advance(SESSION_IDLE_MS + 1000);
    const res = await client.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/sign in/i);

    const active = await signUpClient(t.app);
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS; elapsed += SESSION_IDLE_MS / 2) {
      t.clock.advance(SESSION_IDLE_MS / 2);
      const r = await active.client.get('/api/me');
      if (elapsed + SESSION_IDLE_MS / 2 >= SESSION_ABSOLUTE_MS) expect(r.statusCode).toBe(401);
    }
  });

  it('when a change comes without the client header, then it is refused (CSRF guard)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@b.example', password: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('x-docket-client');
  });
});

describe('account switcher', () => {
  it('when a login switches to an account it belongs to, then the session works there; to another account, then not found', async () => {
    const owner = await signUpClient(t.app, 'practice');
    const stranger = await signUpClient(t.app, 'business');
    const me = (await owner.client.get('/api/me')).json();
    expect(me.currentAccountId).toBe(owner.accountId);
    const ok = await owner.client.put('/api/me/current-account', { accountId: owner.accountId });
    expect(ok.statusCode).toBe(200);
    const denied = await owner.client.put('/api/me/current-account', { accountId: stranger.accountId });
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain(stranger.email);
  });
});
