import { z } from 'zod';
import { AccountIdParams } from '../../../shared/contracts/common';
import { AccountDetails, UserSummary } from '../../../shared/contracts/identity';
import { requireScope } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { assertCan } from '../access';
import { clientAccessOf, getAccount, listUsers } from './accounts.repo';

const tags = ['Accounts'];

export function accountsRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;

  app.get(
    '/api/accounts/:accountId',
    {
      schema: {
        tags,
        summary: 'An account the signed-in login belongs to',
        params: AccountIdParams,
        response: { 200: AccountDetails },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'account.read');
      const a = await getAccount(db, scope);
      return {
        id: a.id,
        kind: a.kind,
        name: a.name,
        country: a.country,
        currency: a.currency,
        ownerUserId: a.ownerUserId,
        require2fa: a.require2fa,
        createdAt: a.createdAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/accounts/:accountId/users',
    {
      schema: {
        tags,
        summary: 'The users of an account',
        params: AccountIdParams,
        response: { 200: z.object({ users: z.array(UserSummary) }) },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'users.read');
      const account = await getAccount(db, scope);
      const rows = await listUsers(db, scope);
      const access = await clientAccessOf(db, scope, rows);
      return {
        users: rows.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          active: u.active,
          isOwner: u.id === account.ownerUserId,
          canSignIn: u.loginId !== null,
          permissions: u.permissions,
          clientAccess: access.get(u.id) ?? null,
        })),
      };
    },
  );
}
