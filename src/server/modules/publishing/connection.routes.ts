import { z } from 'zod';
import { AccountIdParams, Ok } from '../../../shared/contracts/common';
import {
  CallbackQuery,
  ConnectionsPage,
  ConnectStart,
  Software,
  SoftwareParams,
} from '../../../shared/contracts/publishing';
import { requireScope, requireSession } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import type { PublishingContext } from './context';
import { disconnect, finishConnect, refreshLists, startConnect } from './connections';
import { quickbooksCatalogue, xeroCatalogue } from './error-catalogue';
import { accountOfState, getConnection } from './publishing.repo';
import { scopedFor, tags } from './route-kit';
import { connectionView, SOFTWARE_OPTIONS } from './views';

/** Business settings > Connections: connect, the OAuth callback, refresh lists, disconnect; error help. */
export function connectionRoutes(app: ZodApp, deps: AppDeps, ctx: PublishingContext): void {
  const scoped = scopedFor(deps);
  const base = deps.config.baseUrl;

  app.get(
    '/api/accounts/:accountId/connections',
    {
      schema: {
        tags,
        summary: 'Business settings > Connections',
        params: AccountIdParams,
        response: { 200: ConnectionsPage },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'account.read');
      const connection = await getConnection(ctx.db, scope);
      return {
        connection: connection === null ? null : connectionView(ctx, connection),
        software: SOFTWARE_OPTIONS.map((o) => ({
          ...o,
          supported:
            o.supported && (o.id === 'xero' || o.id === 'quickbooks') && ctx.ledgers.port(o.id) !== null,
          name: o.id === 'xero' || o.id === 'quickbooks' ? ctx.ledgers.label(o.id) : o.name,
        })),
      };
    },
  );

  const connectUrl = async (
    request: Parameters<typeof requireScope>[1],
    accountId: string,
    software: Software,
  ) => {
    const scope = await scoped(request, accountId, 'settings.manage');
    return startConnect(ctx, scope, software, requireSession(request).session.id);
  };
  app.get(
    '/api/accounts/:accountId/connections/:software/connect',
    {
      schema: {
        tags,
        summary: 'Connect or Reconnect: redirects to the software’s consent page',
        params: SoftwareParams,
      },
    },
    async (request, reply) =>
      reply.redirect(await connectUrl(request, request.params.accountId, request.params.software), 302),
  );
  app.post(
    '/api/accounts/:accountId/connections/:software/connect',
    {
      schema: {
        tags,
        summary: 'Connect or Reconnect: the consent page URL to open',
        params: SoftwareParams,
        response: { 200: ConnectStart },
      },
    },
    async (request) => ({
      authorizeUrl: await connectUrl(request, request.params.accountId, request.params.software),
    }),
  );

  app.get(
    '/api/publishing/error-messages',
    {
      schema: {
        tags,
        summary: 'Publishing error messages and their fixes, per accounting software (help)',
        querystring: z.strictObject({ software: Software }),
        response: {
          200: z.object({
            messages: z.array(z.object({ key: z.string(), message: z.string(), fix: z.string() })),
          }),
        },
      },
    },
    (request) => ({
      messages: (request.query.software === 'xero' ? xeroCatalogue : quickbooksCatalogue).map((e) => ({
        key: e.key,
        message: e.message,
        fix: e.fix,
      })),
    }),
  );

  app.get(
    '/api/connections/:software/callback',
    {
      schema: {
        tags,
        summary: 'Where the software sends the browser back after consent',
        params: z.object({ software: Software }),
        querystring: CallbackQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      // The account the consent was for (read before the state is used up), so every outcome lands on its Connections page.
      const stateAccount = q.state === undefined ? null : await accountOfState(ctx.db, q.state);
      const back = (accountId: string | null, params: Record<string, string>) =>
        `${base}${accountId === null ? '/' : `/a/${accountId}/business-settings/connections`}?${new URLSearchParams(params).toString()}`;
      if (q.error !== undefined || q.code === undefined || q.state === undefined) {
        return reply.redirect(
          back(stateAccount, {
            connection: 'cancelled',
            message: 'The connection was cancelled on the consent page.',
          }),
          302,
        );
      }
      try {
        const { accountId } = await finishConnect(ctx, {
          software: request.params.software,
          code: q.code,
          state: q.state,
          ...(q.realmId === undefined ? {} : { realmId: q.realmId }),
          sessionId: request.session?.session.id ?? null,
        });
        return await reply.redirect(
          back(accountId, { connection: 'connected', software: request.params.software }),
          302,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The connection failed.';
        return reply.redirect(back(stateAccount, { connection: 'failed', message }), 302);
      }
    },
  );

  app.post(
    '/api/accounts/:accountId/connections/refresh-lists',
    {
      schema: {
        tags,
        summary: 'Refresh lists from the accounting software',
        params: AccountIdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'settings.manage');
      await refreshLists(ctx, scope);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/accounts/:accountId/connections/disconnect',
    {
      schema: {
        tags,
        summary: 'Disconnect (the imported lists stay)',
        params: AccountIdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'settings.manage');
      await disconnect(ctx, scope);
      return { ok: true as const };
    },
  );
}
