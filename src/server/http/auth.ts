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
  return resolveScope(deps.database.db, session.login.id, accountId);
}
