import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signUpClient, type TestApp } from '../../../../test/support/app';
import { lastMailTo } from '../../../../test/support/mail';
import { connectedPair } from '../../../../test/support/practice';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 24 * 60 * 60 * 1000;

/** Every GET route under /api/accounts/{accountId}, from the OpenAPI document, with other ids filled in. */
async function clientScopedGets(): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json<{ paths: Record<string, Record<string, unknown>> }>();
  return Object.entries(doc.paths)
    .filter(([path, ops]) => path.startsWith('/api/accounts/{accountId}') && 'get' in ops)
    .map(([path]) => path);
}

function fill(path: string, accountId: string): string {
  return path.replace('{accountId}', accountId).replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
}

describe('removing a client', () => {
  it('when the client has only auto-generated users, then disconnecting is unavailable with an explanation and deactivation is offered', async () => {
    const practice = await signUpClient(t.app, 'practice');
    const added = await practice.client.post(`/api/accounts/${practice.accountId}/clients`, {
      name: 'Auto Only Ltd',
      users: [{ name: 'Auto', email: 'auto@autoonly.example', invite: false }],
    });
    const clientId = added.json().clientId;
    const options = (
      await practice.client.get(`/api/accounts/${practice.accountId}/clients/${clientId}/removal`)
    ).json();
    expect(options).toMatchObject({ canDisconnect: false, canDeactivate: true, canDelete: false });
    expect(options.disconnectBlockedReason).toMatch(/auto-generated users/);
    const tried = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${clientId}/disconnect`,
      {},
    );
    expect(tried.statusCode).toBe(409);
  });

  it('when a practice disconnects a client, then it needs an owner, loses access to every client route, and only the client can reconnect', async () => {
    const { practice, business } = await connectedPair(t.app, { business: 'Leaving Ltd' });
    const users = (await business.client.get(`/api/accounts/${business.accountId}/users`)).json().users;
    const noOwner = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${business.accountId}/disconnect`,
      {},
    );
    expect(noOwner.statusCode).toBe(422);
    expect(noOwner.json().error.fields.ownerUserId).toBe('is required');
    const gets = await clientScopedGets();
    for (const path of gets) {
      const res = await practice.client.get(fill(path, business.accountId));
      expect(res.statusCode, path).toBeLessThan(500);
    }
    expect(
      (
        await practice.client.post(
          `/api/accounts/${practice.accountId}/clients/${business.accountId}/disconnect`,
          { ownerUserId: users[0].id },
        )
      ).statusCode,
    ).toBe(200);
    expect(gets.length).toBeGreaterThan(3);
    for (const path of gets) {
      const res = await practice.client.get(fill(path, business.accountId));
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('Leaving Ltd');
    }
    // Writes too: 404 before any validation.
    expect((await practice.client.post(`/api/accounts/${business.accountId}/users`, {})).statusCode).toBe(
      404,
    );
    // The client keeps its account and data and sees why.
    const status = (await business.client.get(`/api/accounts/${business.accountId}/accountant`)).json();
    expect(status.lastEnded).toMatchObject({ reason: 'disconnected_by_practice' });
    expect((await lastMailTo(t.database.db, business.email, 'disconnected')).text).toContain(
      'start a subscription',
    );
    expect((await lastMailTo(t.database.db, practice.email, 'was disconnected')).text).toContain(
      'Only a new invitation from the client',
    );
    // Only a new invitation from the client reconnects.
    expect(
      (
        await business.client.post(`/api/accounts/${business.accountId}/accountant/invite`, {
          email: practice.email,
        })
      ).json().status,
    ).toBe('active');
    expect((await practice.client.get(`/api/accounts/${business.accountId}`)).statusCode).toBe(200);
  });

  it('when a client is deactivated, then Reactivate waits 4 months (server-enforced), the practice keeps access, and the client can still sign in', async () => {
    const { practice, business } = await connectedPair(t.app);
    const users = (await business.client.get(`/api/accounts/${business.accountId}/users`)).json().users;
    const deactivated = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${business.accountId}/deactivate`,
      { ownerUserId: users[0].id },
    );
    expect(deactivated.statusCode).toBe(200);
    const from = deactivated.json().reactivatableFrom as string;
    expect(from.slice(0, 10)).toBe('2026-07-02');
    expect((await practice.client.get(`/api/accounts/${business.accountId}/users`)).statusCode).toBe(200);
    expect(
      (await business.client.get(`/api/accounts/${business.accountId}/accountant`)).json().deactivated
        .reactivatableFrom,
    ).toBe(from);
    const early = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${business.accountId}/reactivate`,
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('2026-07-02');
    const options = (
      await practice.client.get(`/api/accounts/${practice.accountId}/clients/${business.accountId}/removal`)
    ).json();
    expect(options).toMatchObject({ canReactivate: false, reactivatableFrom: from });
    t.clock.advance(122 * DAY);
    // Four months later the old session has long expired: sign in again.
    await practice.client.post('/api/auth/sign-in', {
      email: practice.email,
      password: 'correct horse battery staple',
    });
    const ok = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${business.accountId}/reactivate`,
    );
    expect(ok.statusCode).toBe(200);
    const list = (
      await practice.client.get(`/api/accounts/${practice.accountId}/clients?status=deactivated`)
    ).json();
    expect(list.total).toBe(0);
  });

  it('when a client still has users, then deletion is refused with the reason; without users and with its name typed, everything of it goes', async () => {
    const { practice, business } = await connectedPair(t.app, { business: 'Has Users Ltd' });
    const refused = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${business.accountId}/delete`,
      { confirmName: 'Has Users Ltd' },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/has 1 user/);

    const added = await practice.client.post(`/api/accounts/${practice.accountId}/clients`, {
      name: 'Gone For Good Ltd',
      practiceCode: 'GFG01',
    });
    const clientId = added.json().clientId as string;
    expect((await practice.client.get(`/api/accounts/${clientId}`)).statusCode).toBe(200);
    const wrong = await practice.client.post(
      `/api/accounts/${practice.accountId}/clients/${clientId}/delete`,
      { confirmName: 'Gone' },
    );
    expect(wrong.statusCode).toBe(422);
    expect(
      (
        await practice.client.post(`/api/accounts/${practice.accountId}/clients/${clientId}/delete`, {
          confirmName: 'Gone For Good Ltd',
        })
      ).statusCode,
    ).toBe(200);

    // No row of any table mentions the client any more.
    const tables = await t.database.executeSql(
      `select table_schema, table_name from information_schema.tables where table_schema in ('public') and table_type = 'BASE TABLE'`,
    );
    for (const row of tables.rows) {
      const name = `"${String(row.table_schema)}"."${String(row.table_name)}"`;
      const found = await t.database.executeSql(
        `select count(*)::int as n from ${name} t where t::text like $1`,
        [`%${clientId}%`],
      );
      expect(found.rows[0]?.n, name).toBe(0);
    }
    const audit = (await practice.client.get(`/api/accounts/${practice.accountId}/audit`)).json().events;
    const record = audit.find((e: { action: string }) => e.action === 'client.deleted');
    expect(record).toBeDefined();
    expect(JSON.stringify(record)).not.toContain('Gone For Good');
    expect((await practice.client.get(`/api/accounts/${clientId}`)).statusCode).toBe(404);
  });
});

describe('Clients list and Add client', () => {
  it('when clients are listed, then search, filters, sorting, paging, CSV export and bulk practice codes work', async () => {
    const practice = await signUpClient(t.app, 'practice', 'Big Practice');
    for (const name of ['Zeta Ltd', 'Alpha Ltd', 'Mid Ltd', 'Beta "Quoted", Ltd']) {
      expect(
        (await practice.client.post(`/api/accounts/${practice.accountId}/clients`, { name })).statusCode,
      ).toBe(201);
    }
    const base = `/api/accounts/${practice.accountId}/clients`;
    const sorted = (await practice.client.get(`${base}?sort=name&pageSize=2`)).json();
    expect(sorted.total).toBe(4);
    expect(sorted.clients.map((c: { name: string }) => c.name)).toEqual(['Alpha Ltd', 'Beta "Quoted", Ltd']);
    expect(
      (await practice.client.get(`${base}?sort=name&pageSize=2&page=2`))
        .json()
        .clients.map((c: { name: string }) => c.name),
    ).toEqual(['Mid Ltd', 'Zeta Ltd']);
    expect((await practice.client.get(`${base}?search=zet`)).json().clients).toHaveLength(1);
    expect((await practice.client.get(`${base}?payer=practice`)).json().total).toBe(4);

    const codes = await practice.client.post(`${base}/practice-codes`, {
      csv: 'Client name,Practice code\nAlpha Ltd,A001\n"Beta ""Quoted"", Ltd",B002\nNobody Ltd,X\n',
    });
    expect(codes.json()).toEqual({
      updated: 2,
      errors: [{ line: 4, message: 'No client called "Nobody Ltd".' }],
    });
    const csv = await practice.client.get(
      `/api/accounts/${practice.accountId}/clients.csv?sort=practiceCode&direction=desc`,
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Name,Practice code/);
    expect(lines[1]).toMatch(/^"Beta ""Quoted"", Ltd",B002/);
  });

  it('when New Client Defaults change, then only clients added afterwards get them', async () => {
    const practice = await signUpClient(t.app, 'practice');
    const before = (
      await practice.client.post(`/api/accounts/${practice.accountId}/clients`, { name: 'Before Ltd' })
    ).json().clientId;
    expect(
      (
        await practice.client.put(`/api/accounts/${practice.accountId}/new-client-defaults`, {
          paymentStatus: 'paid',
          dueDays: 30,
        })
      ).statusCode,
    ).toBe(200);
    const after = (
      await practice.client.post(`/api/accounts/${practice.accountId}/clients`, { name: 'After Ltd' })
    ).json().clientId;
    const settings = await t.database.executeSql(`select id, settings from accounts where id in ($1, $2)`, [
      before,
      after,
    ]);
    const byId = new Map(settings.rows.map((r) => [String(r.id), r.settings]));
    expect(byId.get(before)).toEqual({});
    expect(byId.get(after)).toEqual({ paymentStatus: 'paid', dueDays: 30 });
  });
});

describe('people in a client and colleagues', () => {
  it('when users are deactivated or removed, then they lose access, the owner is protected, and their user row stays for history', async () => {
    const practice = await signUpClient(t.app, 'practice');
    const colleague = await signUpClient(t.app, 'business');
    const added = (
      await practice.client.post(`/api/accounts/${practice.accountId}/users`, {
        name: 'Col',
        email: colleague.email,
        role: 'client_admin',
      })
    ).json();
    const base = `/api/accounts/${practice.accountId}/users`;
    const owner = (await practice.client.get(base)).json().users.find((u: { isOwner: boolean }) => u.isOwner);
    const ownerOff = await practice.client.request('PATCH', `${base}/${owner.id}`, { active: false });
    expect(ownerOff.statusCode).toBe(409);
    expect((await practice.client.request('DELETE', `${base}/${owner.id}`)).statusCode).toBe(409);
    expect(
      (await practice.client.request('PATCH', `${base}/${added.userId}`, { active: false })).statusCode,
    ).toBe(200);
    expect((await colleague.client.get(`/api/accounts/${practice.accountId}`)).statusCode).toBe(404);
    expect(
      (await practice.client.get(base)).json().users.find((u: { id: string }) => u.id === added.userId)
        .active,
    ).toBe(false);
    expect(
      (await practice.client.request('PATCH', `${base}/${added.userId}`, { active: true })).statusCode,
    ).toBe(200);
    expect((await colleague.client.get(`/api/accounts/${practice.accountId}`)).statusCode).toBe(200);
    // A Client Admin cannot touch a Practice Admin.
    expect(
      (await colleague.client.request('PATCH', `${base}/${owner.id}`, { role: 'standard' })).statusCode,
    ).toBe(403);
    expect((await practice.client.request('DELETE', `${base}/${added.userId}`)).statusCode).toBe(200);
    expect((await colleague.client.get(`/api/accounts/${practice.accountId}`)).statusCode).toBe(404);
    const rows = await t.database.executeSql(`select removed_at, login_id from users where id = $1`, [
      added.userId,
    ]);
    expect(rows.rows[0]?.removed_at).not.toBeNull();
    expect(rows.rows[0]?.login_id).toBeNull();
  });
});
