import { z } from 'zod';
import { AccountIdParams, Ok } from '../../../shared/contracts/common';
import {
  CallbackQuery,
  ConnectionsPage,
  ConnectStart,
  ExportBody,
  ItemParams,
  LedgerLists,
  PaymentMethodLink,
  PaymentMethodLinks,
  PaymentMethodParams,
  PublicationList,
  PublicationQuery,
  PublishBody,
  PublishingSettings,
  PublishResult,
  Software,
  SoftwareParams,
} from '../../../shared/contracts/publishing';
import { requireScope, requireSession } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { Conflict, NotFound } from '../../lib/errors';
import { assertCan, type Action } from '../access';
import { publishingHooks } from '../review';
import type { PublishingContext } from './context';
import { disconnect, finishConnect, refreshLists, startConnect } from './connections';
import { quickbooksCatalogue, xeroCatalogue } from './error-catalogue';
import { requestPublish } from './jobs';
import {
  getConnection,
  getPublication,
  getSettings,
  listEntries,
  paymentMethodLinksOf,
  publicationsOf,
  savePaymentMethodLink,
  saveSettings,
  upsertPublication,
  accountOfState,
} from './publishing.repo';
import { connectionView, publicationView, SOFTWARE_OPTIONS } from './views';

const tags = ['Publishing'];

export function publishingRoutes(app: ZodApp, deps: AppDeps, ctx: PublishingContext): void {
  const scoped = async (request: Parameters<typeof requireScope>[1], accountId: string, action: Action) => {
    const scope = await requireScope(deps, request, accountId);
    assertCan(scope, action);
    return scope;
  };
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

  app.get(
    '/api/accounts/:accountId/publishing/lists',
    {
      schema: {
        tags,
        summary: 'The lists imported from the accounting software',
        params: AccountIdParams,
        response: { 200: LedgerLists },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'account.read');
      const connection = await getConnection(ctx.db, scope);
      const entries = await listEntries(ctx.db, scope);
      return {
        lastSyncAt: connection?.lastSyncAt?.toISOString() ?? null,
        entries: entries.map((e) => ({
          kind: e.kind,
          ledgerId: e.ledgerId,
          name: e.name,
          active: e.active,
          docketId: e.docketId,
          data: e.data,
        })),
      };
    },
  );

  app.get(
    '/api/accounts/:accountId/publishing/settings',
    {
      schema: {
        tags,
        summary: 'Publishing settings',
        params: AccountIdParams,
        response: { 200: PublishingSettings },
      },
    },
    async (request) => getSettings(ctx.db, await scoped(request, request.params.accountId, 'account.read')),
  );
  app.put(
    '/api/accounts/:accountId/publishing/settings',
    {
      schema: {
        tags,
        summary: 'Change publishing settings',
        params: AccountIdParams,
        body: PublishingSettings,
        response: { 200: PublishingSettings },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'settings.manage');
      await saveSettings(ctx.db, scope, request.body, ctx.clock.now());
      return getSettings(ctx.db, scope);
    },
  );

  app.get(
    '/api/accounts/:accountId/publishing/payment-methods',
    {
      schema: {
        tags,
        summary: 'Payment methods linked to bank or card accounts',
        params: AccountIdParams,
        response: { 200: PaymentMethodLinks },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'account.read');
      const links = await paymentMethodLinksOf(ctx.db, scope);
      return { links: links.map(({ accountId: _a, ...l }) => l) };
    },
  );
  app.put(
    '/api/accounts/:accountId/publishing/payment-methods/:paymentMethodId',
    {
      schema: {
        tags,
        summary: 'Link a payment method to a bank or card account',
        params: PaymentMethodParams,
        body: PaymentMethodLink,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'settings.manage');
      await savePaymentMethodLink(ctx.db, scope, {
        paymentMethodId: request.params.paymentMethodId,
        ...request.body,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/:accountId/publications',
    {
      schema: {
        tags,
        summary: 'Publish items (queued; each item at most once)',
        params: AccountIdParams,
        body: PublishBody,
        response: { 200: PublishResult },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'documents.publish');
      const queued: string[] = [];
      const skipped: { itemId: string; reason: string }[] = [];
      for (const itemId of new Set(request.body.itemIds)) {
        // A Standard user without "access all documents" publishes only the items they can see.
        if (!(await publishingHooks.visibleToScope(ctx.db, scope, itemId)))
          throw new NotFound('No such item.');
        const result = await requestPublish(ctx, scope, itemId, { userId: scope.userId });
        if (result.queued) queued.push(itemId);
        else skipped.push({ itemId, reason: result.reason ?? 'Not published.' });
      }
      return { queued, skipped };
    },
  );
  app.get(
    '/api/accounts/:accountId/publications',
    {
      schema: {
        tags,
        summary: 'Publishing state of items (Archive links, Ready (yellow) errors, pre-check reasons)',
        params: AccountIdParams,
        querystring: PublicationQuery,
        response: { 200: PublicationList },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'documents.submit');
      const ids = request.query.itemId;
      const rows = await publicationsOf(
        ctx.db,
        scope,
        ids === undefined ? undefined : Array.isArray(ids) ? ids : [ids],
      );
      return { publications: rows.map(publicationView) };
    },
  );
  app.post(
    '/api/accounts/:accountId/publications/:itemId/clear',
    {
      schema: {
        tags,
        summary: 'Archive > Unarchive with "Clear publishing data", to publish again on purpose',
        params: ItemParams,
        response: { 200: PublicationList },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, 'documents.publish');
      const { itemId } = request.params;
      const pub = await getPublication(ctx.db, scope, itemId);
      if (pub === null) throw new NotFound('This item has no publishing data.');
      if (pub.state === 'publishing' || pub.state === 'queued')
        throw new Conflict('This item is being published; wait for it to finish.');
      await publishingHooks.unarchiveForRepublish(ctx.db, scope, itemId, ctx.clock.now(), scope.userId);
      const row = await upsertPublication(ctx.db, scope, itemId, {
        state: 'held',
        generation: pub.generation + 1,
        attempt: 1,
        kind: null,
        ledgerDocumentId: null,
        ledgerNumber: null,
        ledgerStatus: null,
        ledgerUrl: null,
        attachmentIds: [],
        attachmentError: null,
        errorCode: null,
        errorMessage: null,
        errorFix: null,
        vendorMessage: null,
        problems: [],
        publishedAt: null,
        updatedAt: ctx.clock.now(),
      });
      return { publications: [publicationView(row)] };
    },
  );

  app.post(
    '/api/accounts/:accountId/publishing/export',
    {
      schema: {
        tags,
        summary: 'Export items to CSV (clients without accounting software); archives them by default',
        params: AccountIdParams,
        body: ExportBody,
      },
    },
    async (request, reply) => {
      const scope = await scoped(request, request.params.accountId, 'documents.publish');
      const rows: publishingHooks.ItemRow[] = [];
      for (const itemId of new Set(request.body.itemIds)) {
        const found = (await publishingHooks.visibleToScope(ctx.db, scope, itemId))
          ? await publishingHooks.itemForPublishing(ctx.db, scope, itemId)
          : null;
        if (found === null) throw new NotFound('No such item.');
        rows.push(found.item);
      }
      if (request.body.archive) {
        for (const row of rows)
          await publishingHooks.markItemPublished(
            ctx.db,
            scope,
            row.id,
            ctx.clock.now(),
            'Exported to CSV.',
            scope.userId,
          );
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="docket-export.csv"')
        .send(publishingHooks.itemsCsv(rows));
    },
  );
}
