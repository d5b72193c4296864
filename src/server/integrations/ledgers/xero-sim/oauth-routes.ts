import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderConsentPage } from '../sim-kit/consent-page';
import { header, stringField } from '../sim-kit/http';
import { parseBasicAuth, parseBearer, type TokenPair } from '../sim-kit/oauth-grants';
import { sendProblem } from './errors';
import type { XeroSimState } from './state';

/**
 * Xero's identity endpoints (login.xero.com / identity.xero.com) and the tenant connections
 * list (api.xero.com/connections), on one host.
 */
export function registerXeroOAuth(app: FastifyInstance, state: XeroSimState): void {
  app.get('/identity/connect/authorize', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const clientId = query['client_id'] ?? '';
    const redirectUri = query['redirect_uri'] ?? '';
    if (!state.grants.hasApp(clientId))
      return reply.code(400).type('text/plain').send('Error: unauthorized_client');
    if (query['response_type'] !== 'code' || redirectUri === '') {
      return reply.code(400).type('text/plain').send('Error: invalid_request');
    }
    const html = renderConsentPage({
      vendor: 'Xero',
      appName: 'Docket',
      scope: query['scope'] ?? '',
      action: '/identity/connect/authorize',
      organisations: [...state.orgs.values()].map((o) => ({ id: o.id, name: o.name })),
      hidden: {
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: query['scope'] ?? '',
        state: query['state'] ?? '',
      },
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/identity/connect/authorize', (request, reply) => {
    const body = request.body;
    const clientId = stringField(body, 'client_id') ?? '';
    const redirectUri = stringField(body, 'redirect_uri') ?? '';
    const stateParam = stringField(body, 'state') ?? '';
    if (!state.grants.hasApp(clientId) || redirectUri === '')
      return reply.code(400).send('Error: invalid_request');
    const target = new URL(redirectUri);
    if (stringField(body, 'decision') !== 'allow') {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('state', stateParam);
      return reply.redirect(target.toString(), 302);
    }
    const organisation = stringField(body, 'organisation') ?? '';
    if (!state.orgs.has(organisation)) return reply.code(400).send('Error: unknown organisation');
    const scope = stringField(body, 'scope') ?? '';
    const code = state.grants.issueCode({ clientId, redirectUri, scope, tenantIds: [organisation] });
    target.searchParams.set('code', code);
    target.searchParams.set('scope', scope);
    target.searchParams.set('state', stateParam);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/identity/connect/token', (request, reply) => {
    const body = request.body;
    const client = parseBasicAuth(header(request.headers.authorization)) ?? {
      clientId: stringField(body, 'client_id') ?? '',
      clientSecret: stringField(body, 'client_secret') ?? '',
    };
    if (!state.grants.checkApp(client.clientId, client.clientSecret))
      return oauthError(reply, 'invalid_client');
    const grantType = stringField(body, 'grant_type');
    let pair: TokenPair | null;
    if (grantType === 'authorization_code') {
      pair = state.grants.exchangeCode(
        client.clientId,
        stringField(body, 'code') ?? '',
        stringField(body, 'redirect_uri') ?? '',
      );
    } else if (grantType === 'refresh_token') {
      pair = state.grants.refresh(client.clientId, stringField(body, 'refresh_token') ?? '');
    } else {
      return oauthError(reply, 'unsupported_grant_type');
    }
    if (pair === null) return oauthError(reply, 'invalid_grant');
    return reply.header('cache-control', 'no-store').send({
      access_token: pair.accessToken,
      expires_in: pair.expiresIn,
      token_type: 'Bearer',
      refresh_token: pair.refreshToken,
      scope: pair.grant.scope,
    });
  });

  app.post('/identity/connect/revocation', (request, reply) => {
    const client = parseBasicAuth(header(request.headers.authorization));
    if (client === null || !state.grants.checkApp(client.clientId, client.clientSecret))
      return oauthError(reply, 'invalid_client');
    state.grants.revoke(stringField(request.body, 'token') ?? '');
    return reply.code(200).send();
  });

  app.get('/connections', (request, reply) => {
    const grant = authenticated(state, request.headers.authorization);
    if (grant === null) return sendProblem(reply, 401, 'Unauthorized', 'AuthenticationUnsuccessful');
    const connections = grant.tenantIds.flatMap((tenantId) => {
      const org = state.orgs.get(tenantId);
      if (!org) return [];
      return [
        {
          id: state.connectionId(grant, tenantId),
          authEventId: grant.grantId,
          tenantId,
          tenantType: 'ORGANISATION',
          tenantName: org.name,
          createdDateUtc: grant.createdAt.toISOString(),
          updatedDateUtc: grant.createdAt.toISOString(),
        },
      ];
    });
    return reply.send(connections);
  });

  app.delete('/connections/:id', (request, reply) => {
    const grant = authenticated(state, request.headers.authorization);
    if (grant === null) return sendProblem(reply, 401, 'Unauthorized', 'AuthenticationUnsuccessful');
    const { id } = request.params as { id: string };
    const tenantId = grant.tenantIds.find((t) => state.connectionId(grant, t) === id);
    if (tenantId === undefined) return sendProblem(reply, 404, 'Not Found', 'Connection not found');
    grant.tenantIds = grant.tenantIds.filter((t) => t !== tenantId);
    return reply.code(204).send();
  });
}

function authenticated(state: XeroSimState, authorization: string | undefined) {
  const token = parseBearer(authorization);
  if (token === null) return null;
  const auth = state.grants.authenticate(token);
  return auth.ok ? auth.grant : null;
}

function oauthError(reply: FastifyReply, error: string): FastifyReply {
  return reply.code(400).send({ error });
}
