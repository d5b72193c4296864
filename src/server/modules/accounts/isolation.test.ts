import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signUpClient, type TestApp } from '../../../../test/support/app';
import { resolveScope } from '../access';
import { getAccount, listUsers } from './accounts.repo';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('cross-account isolation', () => {
  it('when a login reads another account by id, then every account route answers 404 and leaks nothing', async () => {
    const alice = await signUpClient(t.app, 'business', 'Alice Ltd');
    const bob = await signUpClient(t.app, 'practice', 'Bob Practice');
    for (const path of [`/api/accounts/${bob.accountId}`, `/api/accounts/${bob.accountId}/users`]) {
      const res = await alice.client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('Bob Practice');
      expect(res.body).not.toContain(bob.email);
    }
    const own = await alice.client.get(`/api/accounts/${alice.accountId}/users`);
    expect(own.statusCode).toBe(200);
    expect(own.json().users).toHaveLength(1);
    expect(own.json().users[0]).toMatchObject({ email: alice.email, isOwner: true, role: 'admin' });
  });

  it('when a scope is resolved for an account the login does not belong to, then the repo cannot be reached', async () => {
    const alice = await signUpClient(t.app);
    const bob = await signUpClient(t.app);
    await expect(resolveScope(t.database.db, alice.loginId, bob.accountId)).rejects.toThrow(
      /No such account/,
    );
    const scope = await resolveScope(t.database.db, alice.loginId, alice.accountId);
    expect((await getAccount(t.database.db, scope)).id).toBe(alice.accountId);
    const users = await listUsers(t.database.db, scope);
    expect(users.every((u) => u.accountId === alice.accountId)).toBe(true);
  });
});
