import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common';
import {
  AuditList,
  BackupCodes,
  ChangeEmailRequest,
  ChangePasswordRequest,
  MergeConfirmRequest,
  MergePreview,
  MergePreviewRequest,
  Me,
  PasswordConfirmRequest,
  SecurityOverview,
  SwitchAccountRequest,
  TokenRequest,
  TotpConfirmRequest,
  TotpSetup,
} from '../../../shared/contracts/identity';
import { requireSession, requireSessionAt, sessionCookieOptions } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { Conflict, Invalid } from '../../lib/errors';
import { resolveScope } from '../access';
import {
  changePassword,
  confirmEmailChange,
  requestEmailChange,
  sendVerificationEmail,
} from './account-security';
import { auditRows, describeLogin } from './describe';
import {
  deleteSession,
  endAllSessions,
  endSession,
  findLoginById,
  listLoginAudit,
  listSessions,
  listTrustedDevices,
  recordAudit,
  revokeTrustedDevice,
  setSessionAccount,
} from './identity.repo';
import { confirmMerge, previewMerge } from './merge-logins';
import { verifyPassword } from './passwords';
import { SESSION_COOKIE, startSession } from './sessions';
import {
  backupCodesLeft,
  beginTotpSetup,
  confirmTotpSetup,
  removeTwoFactor,
  replaceBackupCodes,
  twoFactorEnabled,
  twoFactorRequired,
} from './two-factor';

const tags = ['User settings'];

export function meRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;
  const security = { db, clock: deps.clock, mailer: deps.mailer, baseUrl: deps.config.baseUrl };

  async function assertPassword(loginId: string, password: string): Promise<void> {
    const login = await findLoginById(db, loginId);
    if (!login?.passwordHash || !(await verifyPassword(login.passwordHash, password))) {
      throw new Invalid('The password is not right.', { password: 'is not right' });
    }
  }

  app.put(
    '/api/me/current-account',
    {
      schema: {
        tags: ['Sign-in and sessions'],
        summary: 'Switch the account this session works in',
        body: SwitchAccountRequest,
        response: { 200: Me },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await resolveScope(db, s.login.id, request.body.accountId);
      await setSessionAccount(db, s.session.id, request.body.accountId);
      return describeLogin(db, s.login.id, request.body.accountId, 'full');
    },
  );

  app.get(
    '/api/me/security',
    {
      schema: {
        tags,
        summary: 'User settings > Security: 2FA, sessions, trusted devices',
        response: { 200: SecurityOverview },
      },
    },
    async (request) => {
      const s = requireSession(request);
      const now = deps.clock.now();
      return {
        twoFactor: {
          enabled: await twoFactorEnabled(db, s.login.id),
          required: await twoFactorRequired(db, s.login.id),
          backupCodesLeft: await backupCodesLeft(db, s.login.id),
        },
        sessions: (await listSessions(db, s.login.id, now)).map((x) => ({
          id: x.id,
          current: x.id === s.session.id,
          createdAt: x.createdAt.toISOString(),
          lastSeenAt: x.lastSeenAt.toISOString(),
          userAgent: x.userAgent,
          ip: x.ip,
        })),
        trustedDevices: (await listTrustedDevices(db, s.login.id, now)).map((d) => ({
          id: d.id,
          label: d.label,
          createdAt: d.createdAt.toISOString(),
          expiresAt: d.expiresAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/me/2fa/setup',
    {
      schema: {
        tags,
        summary: 'Start setting up (or changing) the authenticator app',
        response: { 200: TotpSetup },
      },
    },
    async (request) => {
      const s = requireSessionAt(request, ['full', 'setup_mfa']);
      return beginTotpSetup(db, deps.secrets, s.login);
    },
  );

  app.post(
    '/api/me/2fa/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the authenticator with a code; returns 12 backup codes, shown once',
        body: TotpConfirmRequest,
        response: { 200: BackupCodes },
      },
    },
    async (request, reply) => {
      const s = requireSessionAt(request, ['full', 'setup_mfa']);
      const now = deps.clock.now();
      const wasEnabled = await twoFactorEnabled(db, s.login.id);
      const codes = await confirmTotpSetup(db, deps.secrets, s.login, request.body.code, now);
      await recordAudit(db, {
        loginId: s.login.id,
        action: wasEnabled ? 'login.2fa_changed' : 'login.2fa_enabled',
        ip: request.ip,
        at: now,
      });
      if (s.session.stage === 'setup_mfa') {
        await deleteSession(db, s.session.id);
        const { token, expiresAt } = await startSession(db, deps.clock, {
          loginId: s.login.id,
          accountId: s.session.accountId,
          stage: 'full',
          userAgent: request.headers['user-agent'] ?? null,
          ip: request.ip,
        });
        void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
      }
      return { backupCodes: codes };
    },
  );

  app.post(
    '/api/me/2fa/disable',
    {
      schema: {
        tags,
        summary: 'Turn 2FA off (not allowed where an account requires it)',
        body: PasswordConfirmRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await assertPassword(s.login.id, request.body.password);
      if (await twoFactorRequired(db, s.login.id)) {
        throw new Conflict(
          'An account you work in requires two-factor authentication: you can change the authenticator, but not turn it off.',
        );
      }
      await removeTwoFactor(db, s.login.id);
      await recordAudit(db, {
        loginId: s.login.id,
        action: 'login.2fa_disabled',
        ip: request.ip,
        at: deps.clock.now(),
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/2fa/backup-codes',
    {
      schema: {
        tags,
        summary: 'Replace all backup codes with 12 new ones',
        body: PasswordConfirmRequest,
        response: { 200: BackupCodes },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await assertPassword(s.login.id, request.body.password);
      if (!(await twoFactorEnabled(db, s.login.id)))
        throw new Conflict('Set up two-factor authentication first.');
      const now = deps.clock.now();
      const codes = await replaceBackupCodes(db, s.login.id, now);
      await recordAudit(db, {
        loginId: s.login.id,
        action: 'login.backup_codes_regenerated',
        ip: request.ip,
        at: now,
      });
      return { backupCodes: codes };
    },
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Sign out one session',
        params: z.strictObject({ sessionId: z.string().min(10).max(100) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await endSession(db, s.login.id, request.params.sessionId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/sessions/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'Sign out every session of this login, this one included',
        response: { 200: Ok },
      },
    },
    async (request, reply) => {
      const s = requireSession(request);
      await endAllSessions(db, s.login.id);
      await recordAudit(db, {
        loginId: s.login.id,
        action: 'login.signed_out_everywhere',
        ip: request.ip,
        at: deps.clock.now(),
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/me/trusted-devices/:deviceId',
    {
      schema: {
        tags,
        summary: 'Forget a trusted device (it will ask for a code again)',
        params: z.strictObject({ deviceId: z.string().min(10).max(100) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await revokeTrustedDevice(db, s.login.id, request.params.deviceId);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change password (other sessions end)',
        body: ChangePasswordRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await changePassword(security, {
        loginId: s.login.id,
        sessionId: s.session.id,
        ...request.body,
        ip: request.ip,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/email',
    {
      schema: {
        tags,
        summary: 'Change the login email: takes effect once the new address is verified',
        body: ChangeEmailRequest,
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      const s = requireSession(request);
      await requestEmailChange(security, { loginId: s.login.id, ...request.body, ip: request.ip });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/confirm-email-change',
    {
      schema: {
        tags,
        summary: 'Confirm a new login email from the emailed link',
        body: TokenRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await confirmEmailChange(security, request.body.token, request.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/verify-email/resend',
    { schema: { tags, summary: 'Resend the confirmation email', response: { 200: Ok } } },
    async (request) => {
      const s = requireSession(request);
      if (s.login.emailVerifiedAt) throw new Conflict('This email address is already confirmed.');
      await sendVerificationEmail(security, s.login);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/merge/preview',
    {
      schema: {
        tags,
        summary: 'Merge logins, step 1: prove the other login is yours',
        body: MergePreviewRequest,
        response: { 200: MergePreview },
      },
    },
    async (request) => {
      const s = requireSession(request);
      return previewMerge(
        { db, clock: deps.clock, mailer: deps.mailer, secrets: deps.secrets },
        { keepLoginId: s.login.id, ...request.body, ip: request.ip },
      );
    },
  );

  app.post(
    '/api/me/merge/confirm',
    {
      schema: {
        tags,
        summary: 'Merge logins, step 2: confirm (permanent)',
        body: MergeConfirmRequest,
        response: { 200: Me },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await confirmMerge(
        { db, clock: deps.clock, mailer: deps.mailer, secrets: deps.secrets },
        { keepLoginId: s.login.id, mergeToken: request.body.mergeToken, ip: request.ip },
      );
      return describeLogin(db, s.login.id, s.session.accountId, 'full');
    },
  );

  app.get(
    '/api/me/audit',
    { schema: { tags, summary: 'Security events of this login', response: { 200: AuditList } } },
    async (request) => {
      const s = requireSession(request);
      return auditRows(await listLoginAudit(db, s.login.id));
    },
  );
}
