import type { FastifyInstance } from 'fastify';
import { renderConsentPage } from '../sim-kit/consent-page';
import { header, stringField } from '../sim-kit/http';
import { parseBasicAuth, type TokenPair } from '../sim-kit/oauth-grants';
import type { QuickBooksSimState } from './state';

/**
 * Intuit's OAuth 2.0 endpoints (appcenter.intuit.com/connect/oauth2,
 * oauth.platform.intuit.com/oauth2/v1/tokens/bearer, developer.api.intuit.com/v2/oauth2/tokens/revoke).
 */
export function registerQuickBooksOAuth(app: FastifyInstance, state: QuickBooksSimState): void {
  app.get('/connect/oauth2', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const clientId = query['client_id'] ?? '';
    if (!state.grants.hasApp(clientId)) return reply.code(400).type('text/plain').send('invalid_client');
    if (query['response_type'] !== 'code' || (query['redirect_uri'] ?? '') === '') {
      return reply.code(400).type('text/plain').send('invalid_request');
    }
    return reply.type('text/html; charset=utf-8').send(
      renderConsentPage({
        vendor: 'QuickBooks',
        appName: 'Docket',
        scope: query['scope'] ?? '',
        action: '/connect/oauth2',
        organisations: [...state.companies.values()].map((c) => ({ id: c.realmId, name: c.name })),
        hidden: {
          client_id: clientId,
          redirect_uri: query['redirect_uri'] ?? '',
          scope: query['scope'] ?? '',
          state: query['state'] ?? '',
        },
      }),
    );
  });

  app.post('/connect/oauth2', (request, reply) => {
    const body = request.body;
    const clientId = stringField(body, 'client_id') ?? '';
    const redirectUri = stringField(body, 'redirect_uri') ?? '';
    if (!state.grants.hasApp(clientId) || redirectUri === '') return reply.code(400).send('invalid_request');
    const target = new URL(redirectUri);
    target.searchParams.set('state', stringField(body, 'state') ?? '');
    if (stringField(body, 'decision') !== 'allow') {
      target.searchParams.set('error', 'access_denied');
      return reply.redirect(target.toString(), 302);
    }
    const realmId = stringField(body, 'organisation') ?? '';
    if (!state.companies.has(realmId)) return reply.code(400).send('unknown company');
    const code = state.grants.issueCode({
      clientId,
      redirectUri,
      scope: stringField(body, 'scope') ?? '',
      tenantIds: [realmId],
    });
    target.searchParams.set('code', code);
    target.searchParams.set('realmId', realmId);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/oauth2/v1/tokens/bearer', (request, reply) => {
    const client = parseBasicAuth(header(request.headers.authorization));
    if (client === null || !state.grants.checkApp(client.clientId, client.clientSecret)) {
      return reply.code(401).send({ error: 'invalid_client' });
    }
    const body = request.body;
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
      return reply.code(400).send({ error: 'unsupported_grant_type' });
    }
    if (pair === null) return reply.code(400).send({ error: 'invalid_grant' });
    return reply.send({
      token_type: 'bearer',
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: pair.expiresIn,
      x_refresh_token_expires_in: pair.refreshExpiresIn,
    });
  });

  app.post('/v2/oauth2/tokens/revoke', (request, reply) => {
    const client = parseBasicAuth(header(request.headers.authorization));
    if (client === null || !state.grants.checkApp(client.clientId, client.clientSecret)) {
      return reply.code(401).send({ error: 'invalid_client' });
    }
    state.grants.revoke(stringField(request.body, 'token') ?? '');
    return reply.code(200).send();
  });
}
