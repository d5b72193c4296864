import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, signUpClient, type TestApp } from '../../../../test/support/app';
import { lastMailTo } from '../../../../test/support/mail';
import { connectedPair } from '../../../../test/support/practice';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'correct horse battery staple';

describe('Business settings > Accountant', () => {
  it('when a business allows access to a practice on Docket, then the practice sees it in Clients and its staff act as Admin inside', async () => {
    const practice = await signUpClient(t.app, 'practice', 'Ledger Partners');
    const business = await signUpClient(t.app, 'business', 'Corner Shop Ltd');
    const lookup = await business.client.post(`/api/accounts/${business.accountId}/accountant/lookup`, {
      email: practice.email,
    });
    expect(lookup.json()).toEqual({ onDocket: true, practiceName: 'Ledger Partners' });
    expect(
      (
        await business.client.post(`/api/accounts/${business.accountId}/accountant/invite`, {
          email: practice.email,
        })
      ).json(),
    ).toEqual({ status: 'active' });

    const list = (await practice.client.get(`/api/accounts/${practice.accountId}/clients`)).json();
    expect(list.total).toBe(1);
    expect(list.clients[0]).toMatchObject({
      id: business.accountId,
      name: 'Corner Shop Ltd',
      payer: 'client',
      status: 'active',
    });
    const inside = await practice.client.get(`/api/accounts/${business.accountId}/users`);
    expect(inside.statusCode).toBe(200);
    const status = (await business.client.get(`/api/accounts/${business.accountId}/accountant`)).json();
    expect(status.current).toMatchObject({ status: 'active', practiceName: 'Ledger Partners' });
    expect((await lastMailTo(t.database.db, practice.email, 'gave your practice access')).text).toContain(
      'Corner Shop Ltd',
    );
  });

  it('when the email belongs to a business account, then it is refused with a clear error', async () => {
    const business = await signUpClient(t.app, 'business');
    const other = await signUpClient(t.app, 'business');
    const res = await business.client.post(`/api/accounts/${business.accountId}/accountant/invite`, {
      email: other.email,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/belongs to a business account/);
  });

  it('when the firm is not on Docket, then it is invited and connected once it signs up as a practice', async () => {
    const business = await signUpClient(t.app, 'business', 'Newcomer Bakery');
    const res = await business.client.post(`/api/accounts/${business.accountId}/accountant/invite`, {
      email: 'firm@new-practice.example',
    });
    expect(res.json()).toEqual({ status: 'pending' });
    expect((await lastMailTo(t.database.db, 'firm@new-practice.example')).subject).toContain(
      'Newcomer Bakery invites you',
    );
    const firm = new Client(t.app);
    const signUp = await firm.post('/api/auth/sign-up', {
      kind: 'practice',
      accountName: 'New Practice',
      name: 'F',
      email: 'firm@new-practice.example',
      password,
    });
    const practiceId = signUp.json().currentAccountId;
    const list = (await firm.get(`/api/accounts/${practiceId}/clients`)).json();
    expect(list.clients.map((c: { name: string }) => c.name)).toEqual(['Newcomer Bakery']);
  });

  it('when the business reallocates to practice B, then A loses access and B gets it in one step, with no data change', async () => {
    const { practice: a, business } = await connectedPair(t.app, {
      practice: 'Firm A',
      business: 'Moving Ltd',
    });
    const b = await signUpClient(t.app, 'practice', 'Firm B');
    const blocked = await business.client.post(`/api/accounts/${business.accountId}/accountant/invite`, {
      email: b.email,
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/Invite someone else/);
    const usersBefore = (await business.client.get(`/api/accounts/${business.accountId}/users`)).json();
    const moved = await business.client.post(`/api/accounts/${business.accountId}/accountant/reallocate`, {
      email: b.email,
    });
    expect(moved.json()).toEqual({ status: 'active' });
    expect((await a.client.get(`/api/accounts/${business.accountId}/users`)).statusCode).toBe(404);
    expect((await a.client.get(`/api/accounts/${a.accountId}/clients`)).json().total).toBe(0);
    expect((await b.client.get(`/api/accounts/${business.accountId}/users`)).statusCode).toBe(200);
    expect((await business.client.get(`/api/accounts/${business.accountId}/users`)).json()).toEqual(
      usersBefore,
    );
  });

  it('when the business disconnects from its accountant, then the practice loses access at once', async () => {
    const { practice, business } = await connectedPair(t.app);
    expect(
      (await business.client.post(`/api/accounts/${business.accountId}/accountant/disconnect`)).statusCode,
    ).toBe(200);
    expect((await practice.client.get(`/api/accounts/${business.accountId}`)).statusCode).toBe(404);
    const status = (await business.client.get(`/api/accounts/${business.accountId}/accountant`)).json();
    expect(status.current).toBeNull();
    expect(status.lastEnded.reason).toBe('disconnected_by_client');
  });

  it('when a Standard colleague is assigned some clients, then they see and enter only those', async () => {
    const { practice, business } = await connectedPair(t.app, { business: 'Assigned Ltd' });
    const other = await signUpClient(t.app, 'business', 'Not Assigned Ltd');
    await other.client.post(`/api/accounts/${other.accountId}/accountant/invite`, { email: practice.email });
    const staff = await signUpClient(t.app, 'business', 'Staff own');
    const added = await practice.client.post(`/api/accounts/${practice.accountId}/users`, {
      name: 'Staff',
      email: staff.email,
      role: 'standard',
    });
    const userId = added.json().userId;
    expect((await staff.client.get(`/api/accounts/${business.accountId}`)).statusCode).toBe(404);
    expect(
      (
        await practice.client.request('PATCH', `/api/accounts/${practice.accountId}/users/${userId}`, {
          clientAccess: [business.accountId],
        })
      ).statusCode,
    ).toBe(200);
    expect((await staff.client.get(`/api/accounts/${business.accountId}`)).statusCode).toBe(200);
    expect((await staff.client.get(`/api/accounts/${other.accountId}`)).statusCode).toBe(404);
    const colleagues = (await practice.client.get(`/api/accounts/${practice.accountId}/users`)).json().users;
    expect(colleagues.find((u: { id: string }) => u.id === userId).clientAccess).toEqual([
      business.accountId,
    ]);
    expect(colleagues.find((u: { isOwner: boolean }) => u.isOwner).clientAccess).toBe('all');
    const access = (
      await practice.client.get(
        `/api/accounts/${practice.accountId}/clients/${business.accountId}/practice-access`,
      )
    ).json();
    expect(access.colleagues.map((c: { name: string; reason: string }) => c.reason).sort()).toEqual([
      'assigned',
      'role',
    ]);
    const otherAccess = (
      await practice.client.get(
        `/api/accounts/${practice.accountId}/clients/${other.accountId}/practice-access`,
      )
    ).json();
    expect(otherAccess.colleagues.map((c: { reason: string }) => c.reason)).toEqual(['role']);
    const list = (await staff.client.get(`/api/accounts/${practice.accountId}/clients`)).json();
    expect(list.clients.map((c: { name: string }) => c.name)).toEqual(['Assigned Ltd']);
    const remove = await staff.client.get(
      `/api/accounts/${practice.accountId}/clients/${business.accountId}/removal`,
    );
    expect(remove.statusCode).toBe(403);
    expect(
      (
        await practice.client.request('PATCH', `/api/accounts/${practice.accountId}/users/${userId}`, {
          clientAccess: 'all',
        })
      ).statusCode,
    ).toBe(200);
    expect((await staff.client.get(`/api/accounts/${other.accountId}`)).statusCode).toBe(200);
  });
});
