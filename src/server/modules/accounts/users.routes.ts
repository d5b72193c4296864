import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AccountIdParams, Ok } from '../../../shared/contracts/common';
import {
  AcceptInvitationRequest,
  AccountSecuritySettings,
  AddUserRequest,
  AddUserResult,
  AuditList,
  InvitationInfo,
  InvitationList,
  Me,
} from '../../../shared/contracts/identity';
import { accounts } from '../../db/schema';
import { requireScope, sessionCookieOptions } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { assertCan } from '../access';
import {
  auditRows,
  describeLogin,
  listAccountAudit,
  recordAudit,
  SESSION_COOKIE,
  startSession,
} from '../identity';
import {
  acceptInvitation,
  addUser,
  describeInvitation,
  inviteExistingUser,
  listInvitations,
  revokeInvitation,
} from './add-user';

const tags = ['Users and invitations'];

export function usersRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;
  const userDeps = { db, clock: deps.clock, mailer: deps.mailer, baseUrl: deps.config.baseUrl };

  app.post(
    '/api/accounts/:accountId/users',
    {
      schema: {
        tags,
        summary:
          'Add a user: links an existing login, invites a new one, or adds an auto-generated user without login access',
        params: AccountIdParams,
        body: AddUserRequest,
        response: { 201: AddUserResult },
      },
    },
    async (request, reply) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      return reply.status(201).send(await addUser(userDeps, scope, request.body));
    },
  );

  app.post(
    '/api/accounts/:accountId/users/:userId/invite',
    {
      schema: {
        tags,
        summary: 'Give login access to an auto-generated user (invitation by email)',
        params: z.strictObject({ accountId: z.uuid(), userId: z.uuid() }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      await inviteExistingUser(userDeps, scope, request.params.userId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/accounts/:accountId/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations of an account',
        params: AccountIdParams,
        response: { 200: InvitationList },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      const rows = await listInvitations(db, scope);
      return {
        invitations: rows.map((r) => ({
          id: r.id,
          userId: r.userId,
          email: r.email,
          expiresAt: r.expiresAt.toISOString(),
          acceptedAt: r.acceptedAt?.toISOString() ?? null,
          revokedAt: r.revokedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.delete(
    '/api/accounts/:accountId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Revoke an open invitation',
        params: z.strictObject({ accountId: z.uuid(), invitationId: z.string().min(10).max(100) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      await revokeInvitation(userDeps, scope, request.params.invitationId);
      return { ok: true as const };
    },
  );

  const TokenParams = z.strictObject({ token: z.string().min(10).max(200) });
  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for',
        params: TokenParams,
        response: { 200: InvitationInfo },
      },
    },
    async (request) => describeInvitation(db, deps.clock, request.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: choose a name and password; signs in',
        params: TokenParams,
        body: AcceptInvitationRequest,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const { loginId, accountId } = await acceptInvitation(userDeps, request.params.token, request.body);
      const { token, expiresAt } = await startSession(db, deps.clock, {
        loginId,
        accountId,
        stage: 'full',
        userAgent: request.headers['user-agent'] ?? null,
        ip: request.ip,
      });
      void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
      return describeLogin(db, loginId, accountId, 'full');
    },
  );

  app.put(
    '/api/accounts/:accountId/security',
    {
      schema: {
        tags: ['Accounts'],
        summary: 'Require two-factor authentication of every user (Admins)',
        params: AccountIdParams,
        body: AccountSecuritySettings,
        response: { 200: AccountSecuritySettings },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'settings.manage');
      await db
        .update(accounts)
        .set({ require2fa: request.body.require2fa })
        .where(eq(accounts.id, scope.accountId));
      await recordAudit(db, {
        accountId: scope.accountId,
        loginId: scope.loginId,
        action: request.body.require2fa ? 'account.2fa_required' : 'account.2fa_not_required',
        ip: request.ip,
        at: deps.clock.now(),
      });
      return { require2fa: request.body.require2fa };
    },
  );

  app.get(
    '/api/accounts/:accountId/audit',
    {
      schema: {
        tags: ['Accounts'],
        summary: 'Security events of the account and its users (Admins)',
        params: AccountIdParams,
        response: { 200: AuditList },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'users.manage');
      return auditRows(await listAccountAudit(db, scope.accountId));
    },
  );
}
