import type { FastifyReply, FastifyRequest } from 'fastify';
import { Ok } from '../../../shared/contracts/common';
import { Me, SignInRequest, SignUpRequest, SwitchAccountRequest } from '../../../shared/contracts/identity';
import { requireSession, sessionCookieOptions } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { resolveScope } from '../access';
import { deleteSession, findLoginById, listMemberships, setSessionAccount } from './identity.repo';
import { SESSION_COOKIE, startSession } from './sessions';
import { checkCredentials } from './sign-in';
import { signUp } from './sign-up';

const tags = ['Sign-in and sessions'];

export function identityRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;

  async function beginSession(
    request: FastifyRequest,
    reply: FastifyReply,
    loginId: string,
    accountId: string | null,
  ) {
    const { token, expiresAt } = await startSession(db, deps.clock, {
      loginId,
      accountId,
      userAgent: request.headers['user-agent'] ?? null,
      ip: request.ip,
    });
    void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
  }

  /** The login, its accounts (the account switcher) and the one this session works in. */
  async function describe(loginId: string, currentAccountId: string | null): Promise<Me> {
    const login = await findLoginById(db, loginId);
    if (!login) throw new Error(`login ${loginId} not found`);
    const memberships = await listMemberships(db, loginId);
    return {
      login: {
        id: login.id,
        email: login.email,
        name: login.name,
        emailVerified: login.emailVerifiedAt !== null,
      },
      accounts: memberships.map((m) => ({
        id: m.id,
        kind: m.kind,
        name: m.name,
        role: m.role,
        via: 'member' as const,
      })),
      currentAccountId: memberships.some((m) => m.id === currentAccountId)
        ? currentAccountId
        : (memberships[0]?.id ?? null),
    };
  }

  app.post(
    '/api/auth/sign-up',
    {
      schema: {
        tags,
        summary: 'Start a trial: a new login with a practice or business account',
        body: SignUpRequest,
        response: { 201: Me },
      },
    },
    async (request, reply) => {
      const { loginId, accountId } = await signUp(db, deps.clock, request.body, request.ip);
      await beginSession(request, reply, loginId, accountId);
      return reply.status(201).send(await describe(loginId, accountId));
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: SignInRequest,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const { loginId, accountId } = await checkCredentials(db, deps.clock, request.body, request.ip);
      await beginSession(request, reply, loginId, accountId);
      return describe(loginId, accountId);
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags, summary: 'Sign out of this session', response: { 200: Ok } } },
    async (request, reply) => {
      if (request.session) await deleteSession(db, request.session.session.id);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in login and its accounts', response: { 200: Me } } },
    async (request) => {
      const s = requireSession(request);
      return describe(s.login.id, s.session.accountId);
    },
  );

  app.put(
    '/api/me/current-account',
    {
      schema: {
        tags,
        summary: 'Switch the account this session works in',
        body: SwitchAccountRequest,
        response: { 200: Me },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await resolveScope(db, s.login.id, request.body.accountId);
      await setSessionAccount(db, s.session.id, request.body.accountId);
      return describe(s.login.id, request.body.accountId);
    },
  );
}
