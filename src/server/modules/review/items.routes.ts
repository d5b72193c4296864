import { z } from 'zod';
import { AccountIdParams, Ok } from '../../../shared/contracts/common';
import {
  BulkAction,
  BulkResult,
  DuplicateDecision,
  ItemDetail,
  ItemIdParams,
  ItemList,
  ItemPatch,
  ItemQuery,
  ItemSummary,
  MergeBody,
  MergeResult,
  MoveBody,
  NoteBody,
  SplitResult,
} from '../../../shared/contracts/review';
import { accounts } from '../../db/schema';
import { requireScope } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { assertCan, type Scope } from '../access';
import { eq } from 'drizzle-orm';
import {
  addNote,
  bulkAction,
  changeStatus,
  editItem,
  moveItem,
  resolveDuplicate,
  setManualStatus,
  type ManualStatus,
  type StatusAction,
} from './edit-item';
import { trackingLists } from './ledger-lists';
import { documentsOf, eventsOf, getItem, listItems, toSummary, type ItemRow } from './items.repo';
import { mergeItems, splitItem, unmergeItem } from './merge-split';
import { itemsCsv } from './csv';

const tags = ['Review'];

export function itemsRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;
  const scoped = async (request: Parameters<typeof requireScope>[1], accountId: string): Promise<Scope> => {
    const scope = await requireScope(deps, request, accountId);
    assertCan(scope, 'documents.submit');
    return scope;
  };
  const currencyOf = async (accountId: string) =>
    (await db.select({ c: accounts.currency }).from(accounts).where(eq(accounts.id, accountId)))[0]?.c ??
    'GBP';

  const detail = async (scope: Scope, row: ItemRow) => {
    const docs = await documentsOf(db, scope, row.id);
    const events = await eventsOf(db, scope, row.id);
    const ev = (e: (typeof events)[number]) => ({
      id: e.id,
      kind: e.kind,
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
      text: e.text,
      userId: e.userId,
      at: e.at.toISOString(),
    });
    const extraction = row.extraction as { warnings?: string[] } | null;
    return {
      ...toSummary(row),
      taxRateId: row.taxRateId,
      paymentMethodId: row.paymentMethodId,
      description: row.description,
      paid: row.paid,
      cardLast4: row.cardLast4,
      lineItems: row.lineItems,
      tracking: row.tracking,
      confidence: row.confidence,
      warnings: extraction?.warnings ?? [],
      documents: docs.map((d) => ({
        position: d.position,
        sha256: d.sha256,
        kind: d.kind,
        fileName: d.fileName,
        pageCount: d.pageCount,
        url: `/api/accounts/${scope.accountId}/files/${d.sha256}`,
      })),
      history: events.filter((e) => e.kind !== 'note').map(ev),
      notes: events.filter((e) => e.kind === 'note').map(ev),
      mergedIntoItemId: row.mergedIntoItemId,
      splitFromItemId: row.splitFromItemId,
      submittedByUserId: row.submittedByUserId,
    };
  };

  app.get(
    '/api/accounts/:accountId/items',
    {
      schema: {
        tags,
        summary: 'Inbox, Archive and search',
        params: AccountIdParams,
        querystring: ItemQuery,
        response: { 200: ItemList },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      const q = request.query;
      const { rows, total, totalIsLowerBound } = await listItems(
        db,
        scope,
        q,
        await currencyOf(scope.accountId),
      );
      return { items: rows.map(toSummary), total, totalIsLowerBound, limit: q.limit, offset: q.offset };
    },
  );

  app.get(
    '/api/accounts/:accountId/items.csv',
    {
      schema: {
        tags,
        summary: 'Any item list as CSV (same filters, up to 10,000 rows)',
        params: AccountIdParams,
        querystring: ItemQuery.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const scope = await scoped(request, request.params.accountId);
      const { rows } = await listItems(
        db,
        scope,
        { ...request.query, limit: 10_000, offset: 0 },
        await currencyOf(scope.accountId),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="items.csv"')
        .send(itemsCsv(rows, await trackingLists(db, scope)));
    },
  );

  app.get(
    '/api/accounts/:accountId/items/:itemId',
    {
      schema: {
        tags,
        summary: 'An item with fields, confidence, pages, history and notes',
        params: ItemIdParams,
        response: { 200: ItemDetail },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      return detail(scope, await getItem(db, scope, request.params.itemId));
    },
  );

  app.patch(
    '/api/accounts/:accountId/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Edit fields (recorded in the item history)',
        params: ItemIdParams,
        body: ItemPatch,
        response: { 200: ItemDetail },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      return detail(scope, await editItem(db, scope, request.params.itemId, request.body, deps.clock));
    },
  );

  app.post(
    '/api/accounts/:accountId/items/:itemId/notes',
    { schema: { tags, summary: 'Add a note', params: ItemIdParams, body: NoteBody, response: { 201: Ok } } },
    async (request, reply) => {
      const scope = await scoped(request, request.params.accountId);
      await addNote(db, scope, request.params.itemId, request.body.text, deps.clock);
      return reply.status(201).send({ ok: true });
    },
  );

  for (const action of [
    'archive',
    'unarchive',
    'delete',
    'restore',
  ] as const satisfies readonly StatusAction[]) {
    app.post(
      `/api/accounts/:accountId/items/:itemId/${action}`,
      {
        schema: {
          tags,
          summary: `${action[0]?.toUpperCase()}${action.slice(1)} an item`,
          params: ItemIdParams,
          response: { 200: ItemSummary },
        },
      },
      async (request) => {
        const scope = await scoped(request, request.params.accountId);
        return toSummary(await changeStatus(db, scope, request.params.itemId, action, deps.clock));
      },
    );
  }

  for (const [path, status, summary] of [
    ['ready', 'ready', 'Move to Ready (only without accounting software)'],
    ['to-review', 'to_review', 'Move to review (only without accounting software)'],
  ] as const satisfies readonly (readonly [string, ManualStatus, string])[]) {
    app.post(
      `/api/accounts/:accountId/items/:itemId/${path}`,
      { schema: { tags, summary, params: ItemIdParams, response: { 200: ItemSummary } } },
      async (request) => {
        const scope = await scoped(request, request.params.accountId);
        return toSummary(await setManualStatus(db, scope, request.params.itemId, status, deps.clock));
      },
    );
  }

  app.post(
    '/api/accounts/:accountId/items/:itemId/move',
    {
      schema: {
        tags,
        summary: 'Move between Costs and Sales',
        params: ItemIdParams,
        body: MoveBody,
        response: { 200: ItemSummary },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      return toSummary(await moveItem(db, scope, request.params.itemId, request.body.workspace, deps.clock));
    },
  );

  app.post(
    '/api/accounts/:accountId/items/:itemId/duplicate',
    {
      schema: {
        tags,
        summary: 'Resolve a suspected duplicate: same or different purchase',
        params: ItemIdParams,
        body: DuplicateDecision,
        response: { 200: ItemSummary },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      return toSummary(
        await resolveDuplicate(db, scope, request.params.itemId, request.body.decision, deps.clock),
      );
    },
  );

  app.post(
    '/api/accounts/:accountId/items/bulk',
    {
      schema: {
        tags,
        summary: 'Bulk archive, delete, set category or owner, move to Ready or To review',
        params: AccountIdParams,
        body: BulkAction,
        response: { 200: BulkResult },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      return { updated: await bulkAction(db, scope, request.body, deps.clock) };
    },
  );

  app.post(
    '/api/accounts/:accountId/items/merge',
    {
      schema: {
        tags,
        summary: 'Merge items (warnings first when totals, dates or owners differ)',
        params: AccountIdParams,
        body: MergeBody,
        response: { 200: MergeResult },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      const { item, warnings } = await mergeItems(
        db,
        scope,
        request.body.ids,
        request.body.confirm,
        deps.clock,
      );
      return { item: item ? toSummary(item) : null, warnings };
    },
  );

  app.post(
    '/api/accounts/:accountId/items/:itemId/unmerge',
    {
      schema: {
        tags,
        summary: 'Undo a merge',
        params: ItemIdParams,
        response: { 200: z.object({ items: z.array(ItemSummary) }) },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      return { items: (await unmergeItem(db, scope, request.params.itemId, deps.clock)).map(toSummary) };
    },
  );

  app.post(
    '/api/accounts/:accountId/items/:itemId/split',
    {
      schema: {
        tags,
        summary: 'Split an item in two sharing the document',
        params: ItemIdParams,
        response: { 200: SplitResult },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId);
      const { original, created } = await splitItem(db, scope, request.params.itemId, deps.clock);
      return { original: toSummary(original), created: toSummary(created) };
    },
  );
}
