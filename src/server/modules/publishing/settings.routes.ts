import { AccountIdParams, Ok } from '../../../shared/contracts/common';
import {
  LedgerLists,
  PaymentMethodLink,
  PaymentMethodLinks,
  PaymentMethodParams,
  PublishingSettings,
} from '../../../shared/contracts/publishing';
import type { AppDeps, ZodApp } from '../../http/deps';
import type { PublishingContext } from './context';
import {
  getConnection,
  getSettings,
  listEntries,
  paymentMethodLinksOf,
  savePaymentMethodLink,
  saveSettings,
} from './publishing.repo';
import { scopedFor, tags } from './route-kit';

/** Imported lists, publishing settings and payment-method links. */
export function settingsRoutes(app: ZodApp, deps: AppDeps, ctx: PublishingContext): void {
  const scoped = scopedFor(deps);

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
}
