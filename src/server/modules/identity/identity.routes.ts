import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common';
import {
  EmailRequest,
  Me,
  PasswordResetComplete,
  SignInRequest,
  SignUpRequest,
  SupportRequestBody,
  TokenRequest,
  TwoFactorChallengeRequest,
} from '../../../shared/contracts/identity';
import { requireSessionAt, sessionCookieOptions } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { Invalid } from '../../lib/errors';
import {
  completePasswordReset,
  requestPasswordReset,
  sendVerificationEmail,
  verifyEmail,
} from './account-security';
import { describeLogin } from './describe';
import { deleteSession, recordAudit } from './identity.repo';
import { meRoutes } from './me.routes';
import { SESSION_COOKIE, startSession } from './sessions';
import { checkCredentials, type SessionStage } from './sign-in';
import { signUp } from './sign-up';
import { confirmTwoFactorReset, requestTwoFactorReset } from './support';
import { supportRoutes } from './support.routes';
import { connectPendingInvitations } from '../clients';
import { assertNotThrottled, clearFailures, recordFailure, twoFactorKey } from './throttle';
import { consumeBackupCode, TRUSTED_DEVICE_COOKIE, trustDevice, verifyTotp } from './two-factor';

const tags = ['Sign-in and sessions'];
const Accepted = z.object({ ok: z.literal(true), message: z.string() });

export function identityRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;
  const security = { db, clock: deps.clock, mailer: deps.mailer, baseUrl: deps.config.baseUrl };

  async function beginSession(
    request: FastifyRequest,
    reply: FastifyReply,
    loginId: string,
    accountId: string | null,
    stage: SessionStage,
  ) {
    const { token, expiresAt } = await startSession(db, deps.clock, {
      loginId,
      accountId,
      stage,
      userAgent: request.headers['user-agent'] ?? null,
      ip: request.ip,
    });
    void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
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
      await sendVerificationEmail(security, { id: loginId, email: request.body.email });
      // A firm invited by businesses before it was on Docket is connected to them now.
      if (request.body.kind === 'practice')
        await connectPendingInvitations(security, accountId, request.body.email);
      await beginSession(request, reply, loginId, accountId, 'full');
      return reply.status(201).send(await describeLogin(db, loginId, accountId, 'full'));
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary:
          'Sign in with email and password; stage tells whether a 2FA code (or setting 2FA up) is still needed',
        body: SignInRequest,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const trusted = request.cookies[TRUSTED_DEVICE_COOKIE];
      const { loginId, accountId, stage } = await checkCredentials(
        db,
        deps.clock,
        { ...request.body, trustedDeviceToken: trusted },
        request.ip,
      );
      if (request.session) await deleteSession(db, request.session.session.id);
      await beginSession(request, reply, loginId, accountId, stage);
      return describeLogin(db, loginId, accountId, stage);
    },
  );

  app.post(
    '/api/auth/2fa',
    {
      schema: {
        tags,
        summary: 'Answer the 2FA challenge with an authenticator code or a backup code',
        body: TwoFactorChallengeRequest,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const s = requireSessionAt(request, ['mfa']);
      const now = deps.clock.now();
      const key = twoFactorKey(s.login.id);
      await assertNotThrottled(db, deps.clock, key, request.ip);
      const { code, backupCode, trustDevice: remember } = request.body;
      const ok = code
        ? await verifyTotp(db, deps.secrets, s.login, code, now)
        : await consumeBackupCode(db, s.login.id, backupCode ?? '', now);
      if (!ok) {
        await recordFailure(db, deps.clock, key, request.ip);
        await recordAudit(db, { loginId: s.login.id, action: 'login.2fa_failed', ip: request.ip, at: now });
        throw new Invalid(
          code
            ? 'That code is not right or was already used. Check the time on your phone and enter the newest code.'
            : 'That backup code is not right or was already used.',
          code ? { code: 'not accepted' } : { backupCode: 'not accepted' },
        );
      }
      await clearFailures(db, key);
      await recordAudit(db, {
        loginId: s.login.id,
        action: backupCode ? 'login.backup_code_used' : 'login.signed_in',
        detail: { with: backupCode ? 'backup code' : 'authenticator' },
        ip: request.ip,
        at: now,
      });
      // A fresh session id once the second factor is proven.
      await deleteSession(db, s.session.id);
      await beginSession(request, reply, s.login.id, s.session.accountId, 'full');
      if (remember) {
        const device = await trustDevice(db, s.login.id, request.headers['user-agent'] ?? null, now);
        void reply.setCookie(
          TRUSTED_DEVICE_COOKIE,
          device.token,
          sessionCookieOptions(deps, device.expiresAt),
        );
      }
      return describeLogin(db, s.login.id, s.session.accountId, 'full');
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
    { schema: { tags, summary: 'The signed-in login, its stage and its accounts', response: { 200: Me } } },
    async (request) => {
      const s = requireSessionAt(request, ['full', 'mfa', 'setup_mfa']);
      return describeLogin(db, s.login.id, s.session.accountId, s.session.stage);
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirm an email address from the emailed link',
        body: TokenRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await verifyEmail(security, request.body.token);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Email a password reset link (same answer whether or not the email has a login)',
        body: EmailRequest,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(security, request.body.email, request.ip);
      return reply.status(202).send({
        ok: true as const,
        message: 'If this email has a Docket login, a reset link is on its way.',
      });
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset link; signs out everywhere',
        body: PasswordResetComplete,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await completePasswordReset(security, request.body.token, request.body.password, request.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/support/2fa-reset',
    {
      schema: {
        tags,
        summary:
          'Locked out of 2FA with no backup codes: ask support (a confirmation link goes to the login email)',
        body: SupportRequestBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await requestTwoFactorReset(security, {
        email: request.body.email,
        channel: 'web',
        message: request.body.message ?? null,
        ip: request.ip,
      });
      return reply.status(202).send({
        ok: true as const,
        message:
          'If this email has a Docket login with two-factor authentication, we sent it a link to confirm the request.',
      });
    },
  );

  app.post(
    '/api/auth/support/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a support request from the emailed link',
        body: TokenRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await confirmTwoFactorReset(security, request.body.token, request.ip);
      return { ok: true as const };
    },
  );

  meRoutes(app, deps);
  supportRoutes(app, deps);
}
