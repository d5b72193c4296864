import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, signUpClient, type TestApp } from '../../../../test/support/app';
import { lastMailTo, linkToken, mailCount } from '../../../../test/support/mail';
import { addSupportAgent } from './support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'correct horse battery staple';

async function verify(client: Client, email: string) {
  const mail = await lastMailTo(t.database.db, email, 'Confirm your email');
  expect((await client.post('/api/auth/verify-email', { token: linkToken(mail.text) })).statusCode).toBe(200);
}

describe('email links', () => {
  it('when the verification link is followed, then the email is confirmed, and the link works only once', async () => {
    const { client, email } = await signUpClient(t.app);
    expect((await client.get('/api/me')).json().login.emailVerified).toBe(false);
    const token = linkToken((await lastMailTo(t.database.db, email, 'Confirm')).text);
    expect((await client.post('/api/auth/verify-email', { token })).statusCode).toBe(200);
    expect((await client.get('/api/me')).json().login.emailVerified).toBe(true);
    const again = await client.post('/api/auth/verify-email', { token });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toMatch(/expired or was already used/);
  });

  it('when a password is reset by link, then the new password works and every old session ends; unknown emails get the same answer', async () => {
    const { client, email } = await signUpClient(t.app);
    const anon = new Client(t.app);
    const known = await anon.post('/api/auth/password-reset', { email });
    const unknown = await anon.post('/api/auth/password-reset', { email: 'no-login@example.com' });
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await mailCount(t.database.db, 'no-login@example.com')).toBe(0);
    const token = linkToken((await lastMailTo(t.database.db, email, 'Reset')).text);
    const weak = await anon.post('/api/auth/password-reset/complete', { token, password: 'password1234' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields.password).toMatch(/common/);
    const token2 = linkToken(
      (
        await (async () => {
          await anon.post('/api/auth/password-reset', { email });
          return lastMailTo(t.database.db, email, 'Reset');
        })()
      ).text,
    );
    expect(
      (
        await anon.post('/api/auth/password-reset/complete', {
          token: token2,
          password: 'a brand new long secret',
        })
      ).statusCode,
    ).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/sign-in', { email, password })).statusCode).toBe(401);
    expect(
      (await new Client(t.app).post('/api/auth/sign-in', { email, password: 'a brand new long secret' }))
        .statusCode,
    ).toBe(200);
  });

  it('when the login email is changed, then it changes only after the new address is verified', async () => {
    const { client, email } = await signUpClient(t.app);
    const taken = await signUpClient(t.app);
    const clash = await client.post('/api/me/email', { newEmail: taken.email, password });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/This email is already taken/);
    expect((await client.post('/api/me/email', { newEmail: 'moved@example.com', password })).statusCode).toBe(
      202,
    );
    expect((await client.get('/api/me')).json().login.email).toBe(email);
    const token = linkToken((await lastMailTo(t.database.db, 'moved@example.com')).text);
    expect((await client.post('/api/auth/confirm-email-change', { token })).statusCode).toBe(200);
    expect((await client.get('/api/me')).json().login).toMatchObject({
      email: 'moved@example.com',
      emailVerified: true,
    });
  });

  it('when the password is changed, then other sessions end and this one stays', async () => {
    const { client, email } = await signUpClient(t.app);
    const other = new Client(t.app);
    await other.post('/api/auth/sign-in', { email, password });
    expect(
      (
        await client.put('/api/me/password', {
          currentPassword: 'not it at all',
          newPassword: 'another long passphrase',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await client.put('/api/me/password', {
          currentPassword: password,
          newPassword: 'another long passphrase',
        })
      ).statusCode,
    ).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
  });
});

describe('one login, many accounts', () => {
  it('when a user is added with an email that has a login, then that login is linked and sees both accounts in the switcher', async () => {
    const owner = await signUpClient(t.app, 'business', 'Shop One');
    const person = await signUpClient(t.app, 'business', 'Person Ltd');
    const added = await owner.client.post(`/api/accounts/${owner.accountId}/users`, {
      name: 'P',
      email: person.email,
      role: 'standard',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().outcome).toBe('linked');
    const me = (await person.client.get('/api/me')).json();
    expect(me.accounts.map((a: { name: string }) => a.name).sort()).toEqual(['Person Ltd', 'Shop One']);
    expect(
      (await person.client.put('/api/me/current-account', { accountId: owner.accountId })).statusCode,
    ).toBe(200);
  });

  it('when a new email is invited, then accepting creates its login in that account; revoked invitations stop working', async () => {
    const owner = await signUpClient(t.app, 'business', 'Invite Co');
    const res = await owner.client.post(`/api/accounts/${owner.accountId}/users`, {
      name: 'New Person',
      email: 'new.person@example.com',
      role: 'standard',
    });
    expect(res.json().outcome).toBe('invited');
    const token = linkToken((await lastMailTo(t.database.db, 'new.person@example.com', 'invited')).text);
    const info = await new Client(t.app).get(`/api/invitations/${token}`);
    expect(info.json()).toEqual({
      accountName: 'Invite Co',
      email: 'new.person@example.com',
      name: 'New Person',
      hasLogin: false,
    });
    const invitee = new Client(t.app);
    const accepted = await invitee.post(`/api/invitations/${token}/accept`, {
      name: 'New Person',
      password: 'my own long password',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().accounts).toEqual([
      expect.objectContaining({ name: 'Invite Co', role: 'standard' }),
    ]);
    expect(
      (
        await invitee.post(`/api/invitations/${token}/accept`, {
          name: 'x',
          password: 'my own long password',
        })
      ).statusCode,
    ).toBe(404);

    await owner.client.post(`/api/accounts/${owner.accountId}/users`, {
      name: 'Later',
      email: 'later@example.com',
      role: 'standard',
    });
    const laterToken = linkToken((await lastMailTo(t.database.db, 'later@example.com')).text);
    const list = (await owner.client.get(`/api/accounts/${owner.accountId}/invitations`)).json().invitations;
    const open = list.find((i: { email: string }) => i.email === 'later@example.com');
    expect(
      (await owner.client.request('DELETE', `/api/accounts/${owner.accountId}/invitations/${open.id}`))
        .statusCode,
    ).toBe(200);
    expect((await new Client(t.app).get(`/api/invitations/${laterToken}`)).statusCode).toBe(404);
  });

  it('when a user has no login access, then no invitation is sent and the user cannot sign in', async () => {
    const owner = await signUpClient(t.app, 'business');
    const res = await owner.client.post(`/api/accounts/${owner.accountId}/users`, {
      name: 'Auto',
      email: 'auto.user@example.com',
      role: 'standard',
      loginAccess: false,
    });
    expect(res.json().outcome).toBe('none');
    expect(await mailCount(t.database.db, 'auto.user@example.com')).toBe(0);
    const users = (await owner.client.get(`/api/accounts/${owner.accountId}/users`)).json().users;
    expect(users.find((u: { email: string }) => u.email === 'auto.user@example.com')).toMatchObject({
      canSignIn: false,
    });
  });

  it('"This email is already taken" appears exactly where an email must be unique', async () => {
    const owner = await signUpClient(t.app, 'business');
    const other = await signUpClient(t.app, 'business');
    const takenCases = [
      // A second trial with an email that already started one.
      () =>
        new Client(t.app).post('/api/auth/sign-up', {
          kind: 'business',
          accountName: 'Again',
          name: 'X',
          email: owner.email,
          password,
        }),
      // Adding a user an account already has.
      () =>
        owner.client.post(`/api/accounts/${owner.accountId}/users`, {
          name: 'Me again',
          email: owner.email,
          role: 'standard',
        }),
      // A login email that another login already uses.
      () => owner.client.post('/api/me/email', { newEmail: other.email, password }),
    ];
    for (const attempt of takenCases) {
      const res = await attempt();
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/This email is already taken/);
    }
    const acceptedCases = [
      // The same login email joining another account.
      () =>
        owner.client.post(`/api/accounts/${owner.accountId}/users`, {
          name: 'Other',
          email: other.email,
          role: 'standard',
        }),
      // The same email as a user of a third account.
      async () => {
        const third = await signUpClient(t.app, 'practice');
        return third.client.post(`/api/accounts/${third.accountId}/users`, {
          name: 'Other',
          email: other.email,
          role: 'standard',
        });
      },
      // Signing in with one email that reaches several accounts.
      () => new Client(t.app).post('/api/auth/sign-in', { email: other.email, password }),
    ];
    for (const attempt of acceptedCases) expect((await attempt()).statusCode).toBeLessThan(300);
  });
});

describe('merge logins', () => {
  it('when two logins merge, then the kept login reaches every account, the stronger role stays and the other login is gone', async () => {
    const keep = await signUpClient(t.app, 'business', 'Keep Ltd');
    const other = await signUpClient(t.app, 'practice', 'Other Practice');
    // Both are in Keep Ltd: other as Admin, keep as owner/Admin; and keep is Standard in a third account where other is Admin.
    const third = await signUpClient(t.app, 'business', 'Third Ltd');
    await third.client.post(`/api/accounts/${third.accountId}/users`, {
      name: 'K',
      email: keep.email,
      role: 'standard',
    });
    await third.client.post(`/api/accounts/${third.accountId}/users`, {
      name: 'O',
      email: other.email,
      role: 'admin',
    });

    const unverified = await keep.client.post('/api/me/merge/preview', { email: other.email, password });
    expect(unverified.statusCode).toBe(409);
    expect(unverified.json().error.message).toMatch(/Confirm the email/);
    await verify(keep.client, keep.email);
    expect(
      (await keep.client.post('/api/me/merge/preview', { email: other.email, password: 'wrong password!!' }))
        .statusCode,
    ).toBe(422);

    // The other login has 2FA: its code is needed.
    const setup = (await other.client.post('/api/me/2fa/setup')).json();
    const totp = new TOTP({ secret: Secret.fromBase32(setup.key.replace(/\s/g, '')), digits: 6, period: 30 });
    await other.client.post('/api/me/2fa/confirm', {
      code: totp.generate({ timestamp: t.clock.now().getTime() }),
    });
    t.clock.advance(60_000);
    const needCode = await keep.client.post('/api/me/merge/preview', { email: other.email, password });
    expect(needCode.json().error.fields.code).toBe('required');
    const preview = await keep.client.post('/api/me/merge/preview', {
      email: other.email,
      password,
      code: totp.generate({ timestamp: t.clock.now().getTime() }),
    });
    expect(preview.statusCode).toBe(200);
    expect(
      preview
        .json()
        .other.accounts.map((a: { name: string }) => a.name)
        .sort(),
    ).toEqual(['Other Practice', 'Third Ltd']);

    const merged = await keep.client.post('/api/me/merge/confirm', { mergeToken: preview.json().mergeToken });
    expect(merged.statusCode).toBe(200);
    const accounts = merged.json().accounts as { name: string; role: string }[];
    expect(accounts.map((a) => a.name).sort()).toEqual(['Keep Ltd', 'Other Practice', 'Third Ltd']);
    expect(accounts.find((a) => a.name === 'Third Ltd')?.role).toBe('admin');
    expect(accounts.find((a) => a.name === 'Other Practice')?.role).toBe('practice_admin');
    expect((await other.client.get('/api/me')).statusCode).toBe(401);
    expect(
      (await new Client(t.app).post('/api/auth/sign-in', { email: other.email, password })).statusCode,
    ).toBe(401);
    expect((await lastMailTo(t.database.db, other.email, 'merged')).text).toContain(keep.email);
    expect((await lastMailTo(t.database.db, keep.email, 'merged')).text).toContain(other.email);
    expect(
      (await keep.client.get('/api/me/audit')).json().events.map((e: { action: string }) => e.action),
    ).toContain('login.merged');
  });
});

describe('locked out of 2FA', () => {
  it('when a request is confirmed from the login email and approved by an agent, then the next sign-in must set 2FA up again', async () => {
    const user = await signUpClient(t.app);
    const setup = (await user.client.post('/api/me/2fa/setup')).json();
    const totp = new TOTP({ secret: Secret.fromBase32(setup.key.replace(/\s/g, '')), digits: 6, period: 30 });
    await user.client.post('/api/me/2fa/confirm', {
      code: totp.generate({ timestamp: t.clock.now().getTime() }),
    });

    const anon = new Client(t.app);
    const asked = await anon.post('/api/auth/support/2fa-reset', {
      email: user.email,
      message: 'Lost my phone',
    });
    const stranger = await anon.post('/api/auth/support/2fa-reset', { email: 'not-a-login@example.com' });
    expect(asked.statusCode).toBe(202);
    expect(stranger.json()).toEqual(asked.json());

    const agentEmail = `agent${Date.now()}@docket.test`;
    const created = await addSupportAgent(
      { db: t.database.db, clock: t.clock, mailer: { send: async () => {} }, baseUrl: 'http://x' },
      agentEmail,
    );
    const agent = new Client(t.app);
    await agent.post('/api/auth/password-reset/complete', {
      token: linkToken(created.resetLink ?? ''),
      password: 'agent long password',
    });
    await agent.post('/api/auth/sign-in', { email: agentEmail, password: 'agent long password' });
    expect((await agent.get('/api/me')).json().isSupportAgent).toBe(true);
    // Not confirmed yet: the agent does not see it.
    expect(
      (await agent.get('/api/support/requests'))
        .json()
        .requests.filter((r: { email: string }) => r.email === user.email),
    ).toHaveLength(0);

    const token = linkToken((await lastMailTo(t.database.db, user.email, 'Confirm your request')).text);
    expect((await anon.post('/api/auth/support/confirm', { token })).statusCode).toBe(200);
    const pending = (await agent.get('/api/support/requests'))
      .json()
      .requests.find((r: { email: string }) => r.email === user.email);
    expect(pending).toMatchObject({ status: 'confirmed', channel: 'web', message: 'Lost my phone' });
    expect((await user.client.get('/api/support/requests')).statusCode).toBe(403);
    expect((await agent.post(`/api/support/requests/${pending.id}/approve`)).statusCode).toBe(200);

    const again = new Client(t.app);
    const signIn = await again.post('/api/auth/sign-in', { email: user.email, password });
    expect(signIn.json().stage).toBe('setup_mfa');
    const actions = (await agent.get('/api/support/requests'))
      .json()
      .requests.find((r: { id: string }) => r.id === pending.id);
    expect(actions.status).toBe('approved');
  });
});

describe('account audit log', () => {
  it('when an Admin reads the account audit log, then it shows the account events; a Standard user is refused', async () => {
    const admin = await signUpClient(t.app, 'business');
    const std = await signUpClient(t.app, 'business');
    await admin.client.post(`/api/accounts/${admin.accountId}/users`, {
      name: 'S',
      email: std.email,
      role: 'standard',
    });
    const log = await admin.client.get(`/api/accounts/${admin.accountId}/audit`);
    expect(log.statusCode).toBe(200);
    expect(log.json().events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['account.created', 'user.added']),
    );
    expect((await std.client.get(`/api/accounts/${admin.accountId}/audit`)).statusCode).toBe(403);
  });
});
