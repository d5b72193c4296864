import { afterEach, describe, expect, it } from 'vitest';
import { buildXeroSimulator, type XeroSimulator } from './index';
import { basic } from './test-kit';

const REDIRECT = 'http://127.0.0.1:5555/connections/xero/callback';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('Xero simulator OAuth', () => {
  let now = new Date('2024-06-15T10:00:00Z');
  let sim: XeroSimulator;
  afterEach(async () => sim.app.close());

  async function consent(): Promise<{ code: string; state: string }> {
    const page = await sim.app.inject({
      method: 'GET',
      url: `/identity/connect/authorize?${form({ response_type: 'code', client_id: 'docket-sim-client', redirect_uri: REDIRECT, scope: 'offline_access accounting.transactions', state: 'st-1' })}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Allow access');
    const tenantId = /<option value="([^"]+)" selected>/.exec(page.body)?.[1] ?? '';
    const allowed = await sim.app.inject({
      method: 'POST',
      url: '/identity/connect/authorize',
      headers: FORM,
      payload: form({
        client_id: 'docket-sim-client',
        redirect_uri: REDIRECT,
        scope: 'offline_access accounting.transactions',
        state: 'st-1',
        organisation: tenantId,
        decision: 'allow',
      }),
    });
    expect(allowed.statusCode).toBe(302);
    const location = new URL(String(allowed.headers.location));
    return { code: location.searchParams.get('code') ?? '', state: location.searchParams.get('state') ?? '' };
  }

  const token = (fields: Record<string, string>, authorization = basic()) =>
    sim.app.inject({
      method: 'POST',
      url: '/identity/connect/token',
      headers: { ...FORM, authorization },
      payload: form(fields),
    });

  it('when a user allows access on the consent page, then the code trades for tokens that list the chosen organisation', async () => {
    sim = buildXeroSimulator({ clock: () => now });
    const { code, state } = await consent();
    expect(state).toBe('st-1');
    const tokens = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(tokens.statusCode).toBe(200);
    const body = tokens.json<{
      access_token: string;
      expires_in: number;
      token_type: string;
      refresh_token: string;
    }>();
    expect(body).toMatchObject({ expires_in: 1800, token_type: 'Bearer' });
    const connections = await sim.app.inject({
      method: 'GET',
      url: '/connections',
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(connections.json()).toEqual([
      expect.objectContaining({ tenantType: 'ORGANISATION', tenantName: 'Demo Company (UK)' }),
    ]);

    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ error: 'invalid_grant' });
  });

  it('when the user cancels, then the redirect carries access_denied and the state', async () => {
    sim = buildXeroSimulator({ clock: () => now });
    const denied = await sim.app.inject({
      method: 'POST',
      url: '/identity/connect/authorize',
      headers: FORM,
      payload: form({
        client_id: 'docket-sim-client',
        redirect_uri: REDIRECT,
        state: 'st-2',
        decision: 'deny',
      }),
    });
    const location = new URL(String(denied.headers.location));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-2');
  });

  it('when the access token is 30 minutes old, then the API answers 401 and a refresh rotates the refresh token', async () => {
    sim = buildXeroSimulator({ clock: () => now });
    const { code } = await consent();
    const first = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).json<{
      access_token: string;
      refresh_token: string;
    }>();
    const [connection] = (
      await sim.app.inject({
        method: 'GET',
        url: '/connections',
        headers: { authorization: `Bearer ${first.access_token}` },
      })
    ).json<{ tenantId: string }[]>();
    now = new Date(now.getTime() + 30 * 60_000);
    const expired = await sim.app.inject({
      method: 'GET',
      url: '/api.xro/2.0/Organisation',
      headers: {
        authorization: `Bearer ${first.access_token}`,
        'xero-tenant-id': connection?.tenantId ?? '',
      },
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ Detail: string }>().Detail).toMatch(/^TokenExpired/);

    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<{ refresh_token: string }>().refresh_token).not.toBe(first.refresh_token);
    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.json()).toEqual({ error: 'invalid_grant' });
  });

  it('when the client secret is wrong, then the token endpoint answers invalid_client', async () => {
    sim = buildXeroSimulator({ clock: () => now });
    const { code } = await consent();
    const response = await token(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
      basic('docket-sim-client', 'nope'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'invalid_client' });
  });

  it('when the refresh token is revoked, then neither token works any more', async () => {
    sim = buildXeroSimulator({ clock: () => now });
    const { code } = await consent();
    const pair = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).json<{
      access_token: string;
      refresh_token: string;
    }>();
    const revoked = await sim.app.inject({
      method: 'POST',
      url: '/identity/connect/revocation',
      headers: { ...FORM, authorization: basic() },
      payload: form({ token: pair.refresh_token }),
    });
    expect(revoked.statusCode).toBe(200);
    expect(
      (
        await sim.app.inject({
          method: 'GET',
          url: '/connections',
          headers: { authorization: `Bearer ${pair.access_token}` },
        })
      ).statusCode,
    ).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token })).json()).toEqual({
      error: 'invalid_grant',
    });
  });

  it('when a connection is deleted, then the tenant leaves the list and its API calls are forbidden', async () => {
    sim = buildXeroSimulator({ clock: () => now });
    const { code } = await consent();
    const pair = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).json<{
      access_token: string;
    }>();
    const auth = { authorization: `Bearer ${pair.access_token}` };
    const [connection] = (await sim.app.inject({ method: 'GET', url: '/connections', headers: auth })).json<
      { id: string; tenantId: string }[]
    >();
    expect(
      (await sim.app.inject({ method: 'DELETE', url: `/connections/${connection?.id ?? ''}`, headers: auth }))
        .statusCode,
    ).toBe(204);
    expect((await sim.app.inject({ method: 'GET', url: '/connections', headers: auth })).json()).toEqual([]);
    const call = await sim.app.inject({
      method: 'GET',
      url: '/api.xro/2.0/Accounts',
      headers: { ...auth, 'xero-tenant-id': connection?.tenantId ?? '' },
    });
    expect(call.statusCode).toBe(403);
  });
});
