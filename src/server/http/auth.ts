import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveScope, type Scope } from '../modules/access';
import { readSession, SESSION_COOKIE, type SessionInfo } from '../modules/identity';
import { Forbidden, Unauthenticated } from '../lib/errors';
import type { AppDeps } from './deps';

/** Header every cookie-authenticated change must carry; browsers cannot add it cross-site without CORS. */
export const CSRF_HEADER = 'x-docket-client';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, when the cookie is valid (set by the auth hook). */
    session: SessionInfo | null;
    /** The scope resolved for the route's :accountId before validation (so strangers get 404 first). */
    accountScope: Scope | null;
  }
}

export function sessionCookieOptions(deps: AppDeps, expires: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
    expires,
  };
}

/** Reads the session cookie once per request. Unknown or expired cookies are treated as none. */
export function authHook(deps: AppDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.session = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.session = (await readSession(deps.database.db, deps.clock, token)) ?? null;
      if (!request.session) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    const method = request.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && request.url.startsWith('/api/')) {
      if (!request.headers[CSRF_HEADER]) {
        throw new Forbidden(
          `Changes must be sent by the Docket app or API client (missing the ${CSRF_HEADER} header).`,
        );
      }
    }
  };
}

/** A fully signed-in session (password and, where needed, second factor). */
export function requireSession(request: FastifyRequest): SessionInfo {
  if (request.session?.session.stage !== 'full') throw new Unauthenticated();
  return request.session;
}

/** A session at one of the given stages (the 2FA challenge and setup accept half-signed-in sessions). */
export function requireSessionAt(
  request: FastifyRequest,
  stages: readonly ('full' | 'mfa' | 'setup_mfa')[],
): SessionInfo {
  const s = request.session;
  if (!s || !stages.includes(s.session.stage)) throw new Unauthenticated();
  return s;
}

/** The scope of the signed-in login in `accountId`: NotFound when it does not belong there. */
export async function requireScope(
  deps: AppDeps,
  request: FastifyRequest,
  accountId: string,
): Promise<Scope> {
  const session = requireSession(request);
  const cached = request.accountScope;
  if (cached?.accountId === accountId && cached.loginId === session.login.id) return cached;
  request.accountScope = await resolveScope(deps.database.db, session.login.id, accountId);
  return request.accountScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Before a route under /api/accounts/:accountId validates its input, the caller must be signed in
 * and reach that account: otherwise 401 / 404, whatever the body, so nothing about an account that
 * is not yours leaks through validation messages.
 */
export function accountScopeHook(deps: AppDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    request.accountScope = null;
    if (!request.routeOptions.url?.startsWith('/api/accounts/:accountId')) return;
    const accountId = (request.params as Record<string, unknown>).accountId;
    if (typeof accountId !== 'string' || !UUID.test(accountId)) return;
    await requireScope(deps, request, accountId);
  };
}
