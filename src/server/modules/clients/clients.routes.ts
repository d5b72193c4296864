import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AccountIdParams, Ok } from '../../../shared/contracts/common';
import {
  AccountantLookup,
  AccountantStatus,
  AddClientRequest,
  AddClientResult,
  ClientList,
  ClientListQuery,
  ColleagueUpdate,
  DeleteClientRequest,
  InviteAccountantRequest,
  NewClientDefaults,
  PracticeAccess,
  PracticeCodesCsvResult,
  RemovalOptions,
  RemovalRequest,
  UpdateClientRequest,
} from '../../../shared/contracts/clients';
import { practiceSettings } from '../../db/schema';
import { requireScope } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { Invalid } from '../../lib/errors';
import { assertCan } from '../access';
import { removeUser, updateUser } from '../accounts';
import { csvCell, parseCsvLine, reactivatableFrom } from './clients';
import {
  accountantStatus,
  disconnectAccountant,
  inviteAccountant,
  lookupAccountant,
  type ClientDeps,
} from './connect-accountant';
import { addClient, listClients, practiceAccess, updateClient, updatePracticeCodes } from './manage-clients';
import {
  deactivateClient,
  deleteClient,
  disconnectClient,
  reactivateClient,
  removalOptions,
  type RemovalDeps,
} from './remove-client';

const ClientParams = z.strictObject({ accountId: z.uuid(), clientId: z.uuid() });
const UserParams = z.strictObject({ accountId: z.uuid(), userId: z.uuid() });

export interface ClientsRouteDeps {
  resumeWaiting: RemovalDeps['resumeWaiting'];
  deleteFiles: RemovalDeps['deleteFiles'];
}

export function clientsRoutes(app: ZodApp, deps: AppDeps, extra: ClientsRouteDeps): void {
  const db = deps.database.db;
  const cd: ClientDeps = { db, clock: deps.clock, mailer: deps.mailer, baseUrl: deps.config.baseUrl };
  const rd: RemovalDeps = { ...cd, queue: deps.queue, ...extra };
  const tags = ['Clients'];

  app.get(
    '/api/accounts/:accountId/clients',
    {
      schema: {
        tags,
        summary: 'Clients: the practice’s client list',
        params: AccountIdParams,
        querystring: ClientListQuery,
        response: { 200: ClientList },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      const { rows, total } = await listClients(cd, scope, request.query);
      return { clients: rows, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/accounts/:accountId/clients.csv',
    {
      schema: {
        tags,
        summary: 'Export the client list as CSV (same filters as the list)',
        params: AccountIdParams,
        querystring: ClientListQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      const { rows } = await listClients(cd, scope, { ...request.query, page: 1, pageSize: 100_000 });
      const header = [
        'Name',
        'Practice code',
        'Accounting software',
        'Connection status',
        'Account manager',
        'Who pays',
        'Status',
        'Add-ons',
        'Health score',
        'Costs to review',
        'Costs ready',
        'Sales to review',
        'Sales ready',
        'Users',
        'Connected',
        'Latest item',
        'Oldest item',
      ];
      const lines = rows.map((r) =>
        [
          r.name,
          r.practiceCode,
          r.ledger?.software,
          r.ledger?.status,
          r.accountManager?.name,
          r.payer,
          r.status,
          r.addOns.join('; '),
          r.healthScore,
          r.costs.toReview,
          r.costs.ready,
          r.sales.toReview,
          r.sales.ready,
          r.userCount,
          r.connectedAt,
          r.latestItemAt,
          r.oldestItemAt,
        ]
          .map(csvCell)
          .join(','),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="clients.csv"')
        .send([header.join(','), ...lines].join('\r\n') + '\r\n');
    },
  );

  app.post(
    '/api/accounts/:accountId/clients',
    {
      schema: {
        tags,
        summary: 'Add client: a business account the practice pays for',
        params: AccountIdParams,
        body: AddClientRequest,
        response: { 201: AddClientResult },
      },
    },
    async (request, reply) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      return reply.status(201).send({ clientId: await addClient(cd, scope, request.body) });
    },
  );

  app.patch(
    '/api/accounts/:accountId/clients/:clientId',
    {
      schema: {
        tags,
        summary: 'Set a client’s practice code or account manager',
        params: ClientParams,
        body: UpdateClientRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      await updateClient(cd, scope, request.params.clientId, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/:accountId/clients/practice-codes',
    {
      schema: {
        tags,
        summary: 'Bulk update of practice codes from CSV ("client name,practice code" per line)',
        params: AccountIdParams,
        body: z.strictObject({ csv: z.string().max(2_000_000) }),
        response: { 200: PracticeCodesCsvResult },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      return updatePracticeCodes(cd, scope, request.body.csv, parseCsvLine);
    },
  );

  app.get(
    '/api/accounts/:accountId/clients/:clientId/practice-access',
    {
      schema: {
        tags,
        summary: 'Clients > Manage > Practice access: colleagues who reach this client',
        params: ClientParams,
        response: { 200: PracticeAccess },
      },
    },
    async (request) => ({
      colleagues: await practiceAccess(
        cd,
        await requireScope(deps, request, request.params.accountId),
        request.params.clientId,
      ),
    }),
  );

  app.get(
    '/api/accounts/:accountId/clients/:clientId/removal',
    {
      schema: {
        tags,
        summary: 'What Disconnect, Deactivate, Reactivate and Delete allow for this client',
        params: ClientParams,
        response: { 200: RemovalOptions },
      },
    },
    async (request) =>
      removalOptions(
        cd,
        await requireScope(deps, request, request.params.accountId),
        request.params.clientId,
      ),
  );

  app.post(
    '/api/accounts/:accountId/clients/:clientId/disconnect',
    {
      schema: {
        tags,
        summary: 'Disconnect a client (it keeps its account; you lose access)',
        params: ClientParams,
        body: RemovalRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await disconnectClient(
        rd,
        await requireScope(deps, request, request.params.accountId),
        request.params.clientId,
        request.body.ownerUserId,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/:accountId/clients/:clientId/deactivate',
    {
      schema: {
        tags,
        summary: 'Deactivate a client (services stop; Reactivate after 4 months)',
        params: ClientParams,
        body: RemovalRequest,
        response: { 200: z.object({ reactivatableFrom: z.string() }) },
      },
    },
    async (request) =>
      deactivateClient(
        rd,
        await requireScope(deps, request, request.params.accountId),
        request.params.clientId,
        request.body.ownerUserId,
      ),
  );

  app.post(
    '/api/accounts/:accountId/clients/:clientId/reactivate',
    {
      schema: {
        tags,
        summary: 'Reactivate a client (4 months after deactivation)',
        params: ClientParams,
        response: { 200: z.object({ resumed: z.number().int() }) },
      },
    },
    async (request) =>
      reactivateClient(
        rd,
        await requireScope(deps, request, request.params.accountId),
        request.params.clientId,
      ),
  );

  app.post(
    '/api/accounts/:accountId/clients/:clientId/delete',
    {
      schema: {
        tags,
        summary: 'Delete a client and all its data, for good (type its name to confirm)',
        params: ClientParams,
        body: DeleteClientRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await deleteClient(
        rd,
        await requireScope(deps, request, request.params.accountId),
        request.params.clientId,
        request.body.confirmName,
      );
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/accounts/:accountId/users/:userId',
    {
      schema: {
        tags: ['Users and invitations'],
        summary: 'Change a user’s role, permissions, client access, or deactivate / re-enable',
        params: UserParams,
        body: ColleagueUpdate,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await updateUser(
        cd,
        await requireScope(deps, request, request.params.accountId),
        request.params.userId,
        request.body,
      );
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/accounts/:accountId/users/:userId',
    {
      schema: {
        tags: ['Users and invitations'],
        summary: 'Remove a user (their paperwork stays)',
        params: UserParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await removeUser(
        cd,
        await requireScope(deps, request, request.params.accountId),
        request.params.userId,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/accounts/:accountId/new-client-defaults',
    {
      schema: {
        tags: ['Practice settings'],
        summary: 'Practice settings > New Client Defaults',
        params: AccountIdParams,
        response: { 200: NewClientDefaults },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      if (scope.accountKind !== 'practice') throw new Invalid('New Client Defaults are a practice setting.');
      const [row] = await db
        .select()
        .from(practiceSettings)
        .where(eq(practiceSettings.accountId, scope.accountId));
      return NewClientDefaults.parse(row?.newClientDefaults ?? {});
    },
  );

  app.put(
    '/api/accounts/:accountId/new-client-defaults',
    {
      schema: {
        tags: ['Practice settings'],
        summary: 'Set New Client Defaults (apply to clients added afterwards only)',
        params: AccountIdParams,
        body: NewClientDefaults,
        response: { 200: NewClientDefaults },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      if (scope.accountKind !== 'practice') throw new Invalid('New Client Defaults are a practice setting.');
      assertCan(scope, 'settings.manage');
      await db
        .insert(practiceSettings)
        .values({ accountId: scope.accountId, newClientDefaults: request.body })
        .onConflictDoUpdate({ target: practiceSettings.accountId, set: { newClientDefaults: request.body } });
      return request.body;
    },
  );

  // Business settings > Accountant
  const atags = ['Business settings > Accountant'];
  app.get(
    '/api/accounts/:accountId/accountant',
    {
      schema: {
        tags: atags,
        summary: 'The business’s accountant, pending invitation, and last change',
        params: AccountIdParams,
        response: { 200: AccountantStatus },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'account.read');
      const { open, last, deactivatedAt } = await accountantStatus(db, scope);
      return {
        current: open
          ? {
              status: open.link.status === 'active' ? ('active' as const) : ('pending' as const),
              practiceName: open.practiceName,
              email: open.link.invitedEmail,
              since: (open.link.connectedAt ?? open.link.createdAt).toISOString(),
            }
          : null,
        lastEnded: last?.link.endedAt
          ? {
              practiceName: last.practiceName,
              reason: last.link.endedReason ?? 'ended',
              at: last.link.endedAt.toISOString(),
            }
          : null,
        deactivated: deactivatedAt
          ? {
              at: deactivatedAt.toISOString(),
              reactivatableFrom: reactivatableFrom(deactivatedAt).toISOString(),
            }
          : null,
      };
    },
  );

  app.post(
    '/api/accounts/:accountId/accountant/lookup',
    {
      schema: {
        tags: atags,
        summary: 'Who an accountant’s email belongs to (only practice emails are accepted)',
        params: AccountIdParams,
        body: InviteAccountantRequest,
        response: { 200: AccountantLookup },
      },
    },
    async (request) =>
      lookupAccountant(cd, await requireScope(deps, request, request.params.accountId), request.body.email),
  );

  for (const [path, replace, summary] of [
    ['invite', false, 'Allow access to a practice on Docket, or invite a firm to join'],
    [
      'reallocate',
      true,
      'Invite someone else: disconnect the current accountant and invite the new one in one step',
    ],
  ] as const) {
    app.post(
      `/api/accounts/:accountId/accountant/${path}`,
      {
        schema: {
          tags: atags,
          summary,
          params: AccountIdParams,
          body: InviteAccountantRequest,
          response: { 200: z.object({ status: z.enum(['active', 'pending']) }) },
        },
      },
      async (request) => ({
        status: await inviteAccountant(
          cd,
          await requireScope(deps, request, request.params.accountId),
          request.body.email,
          { replace },
        ),
      }),
    );
  }

  app.post(
    '/api/accounts/:accountId/accountant/disconnect',
    {
      schema: {
        tags: atags,
        summary: 'Disconnect from accountant',
        params: AccountIdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await disconnectAccountant(cd, await requireScope(deps, request, request.params.accountId));
      return { ok: true as const };
    },
  );
}
