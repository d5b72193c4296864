import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signUpClient, type TestApp } from '../../../test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const headers = { 'x-docket-client': 'test', 'content-type': 'application/json' };

describe('HTTP edges', () => {
  it('when /healthz is asked, then it reports the database engine as ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().database.ok).toBe(true);
    expect(['pglite', 'postgres']).toContain(res.json().database.engine);
  });

  it('when the body is malformed JSON, then 400 with a plain message and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers,
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('The request body is not valid JSON.');
    expect(res.body).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('when the body is over the size limit, then 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers,
      payload: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('too_large');
  });

  it('when a route does not exist, then 404 in the error format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('when no session is sent, then account routes answer 401', async () => {
    const { accountId } = await signUpClient(t.app);
    const res = await t.app.inject({ method: 'GET', url: `/api/accounts/${accountId}` });
    expect(res.statusCode).toBe(401);
  });

  it('when a path parameter is not a uuid, then 400 names it', async () => {
    const { client } = await signUpClient(t.app);
    const res = await client.get('/api/accounts/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain('accountId');
  });

  it('when the OpenAPI document is asked, then it lists the routes with their schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/me', '/api/accounts/{accountId}/users']),
    );
    expect(doc.paths['/api/auth/sign-up'].post.requestBody).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('when any page is served, then security headers are set', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
