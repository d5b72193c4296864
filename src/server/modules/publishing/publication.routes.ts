import { AccountIdParams } from '../../../shared/contracts/common';
import {
  ExportBody,
  ItemParams,
  PublicationList,
  PublicationQuery,
  PublishBody,
  PublishResult,
} from '../../../shared/contracts/publishing';
import type { AppDeps, ZodApp } from '../../http/deps';
import { Conflict, NotFound } from '../../lib/errors';
import { publishingHooks } from '../review';
import type { PublishingContext } from './context';
import { requestPublish } from './jobs';
import { getPublication, publicationsOf, upsertPublication } from './publishing.repo';
import { scopedFor, tags } from './route-kit';
import { publicationView } from './views';

/** Publish, publishing state, Clear publishing data, CSV export. */
export function publicationRoutes(app: ZodApp, deps: AppDeps, ctx: PublishingContext): void {
  const scoped = scopedFor(deps);

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
        payment: null,
        note: null,
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
