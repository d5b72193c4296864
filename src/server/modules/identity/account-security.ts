import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { logins, sessions, users } from '../../db/schema';
import type { Mailer } from '../../integrations/mail/mailer';
import type { Clock } from '../../lib/clock';
import { Conflict, Invalid } from '../../lib/errors';
import { consumeLinkToken, createLinkToken } from './email-links';
import { findLoginByEmail, findLoginById, recordAudit } from './identity.repo';
import { hashPassword, verifyPassword } from './passwords';
import { assertPasswordAcceptable } from './password-policy';

export interface SecurityDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

export async function sendVerificationEmail(
  deps: SecurityDeps,
  login: { id: string; email: string },
): Promise<void> {
  const token = await createLinkToken(deps.db, {
    purpose: 'verify_email',
    loginId: login.id,
    email: login.email,
    now: deps.clock.now(),
  });
  await deps.mailer.send(
    deps.db,
    {
      to: login.email,
      subject: 'Confirm your email address for Docket',
      text: `Please confirm that this is your email address by opening this link:\n\n${deps.baseUrl}/verify-email?token=${token}\n\nThe link works for 7 days. If you did not sign up for Docket, ignore this email.`,
    },
    deps.clock.now(),
  );
}

export async function verifyEmail(deps: SecurityDeps, token: string): Promise<void> {
  const now = deps.clock.now();
  const row = await consumeLinkToken(deps.db, 'verify_email', token, now);
  if (!row.loginId) return;
  const login = await findLoginById(deps.db, row.loginId);
  if (login?.email.toLowerCase() !== row.email.toLowerCase()) {
    throw new Invalid('This link is for an email address the login no longer uses.');
  }
  await deps.db.update(logins).set({ emailVerifiedAt: now }).where(eq(logins.id, row.loginId));
  await recordAudit(deps.db, { loginId: row.loginId, action: 'login.email_verified', at: now });
}

/** Always answers the same, whether or not the email has a login. */
export async function requestPasswordReset(
  deps: SecurityDeps,
  email: string,
  ip: string | null,
): Promise<void> {
  const login = await findLoginByEmail(deps.db, email);
  const now = deps.clock.now();
  if (!login) return;
  const token = await createLinkToken(deps.db, {
    purpose: 'reset_password',
    loginId: login.id,
    email: login.email,
    now,
  });
  await recordAudit(deps.db, { loginId: login.id, action: 'login.password_reset_requested', ip, at: now });
  await deps.mailer.send(
    deps.db,
    {
      to: login.email,
      subject: 'Reset your Docket password',
      text: `Someone asked to reset the password of your Docket login. To choose a new password, open:\n\n${deps.baseUrl}/reset-password?token=${token}\n\nThe link works for one hour. If it was not you, ignore this email: your password stays as it is.`,
    },
    now,
  );
}

/** Sets a new password from a reset link and signs the login out everywhere. */
export async function completePasswordReset(
  deps: SecurityDeps,
  token: string,
  password: string,
  ip: string | null,
): Promise<void> {
  assertPasswordAcceptable(password, 'password');
  const now = deps.clock.now();
  const row = await consumeLinkToken(deps.db, 'reset_password', token, now);
  if (!row.loginId) return;
  await deps.db
    .update(logins)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(logins.id, row.loginId));
  await deps.db.delete(sessions).where(eq(sessions.loginId, row.loginId));
  await recordAudit(deps.db, { loginId: row.loginId, action: 'login.password_reset', ip, at: now });
}

/** Changes the password after checking the current one; other sessions of the login end. */
export async function changePassword(
  deps: SecurityDeps,
  input: {
    loginId: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    ip: string | null;
  },
): Promise<void> {
  const login = await findLoginById(deps.db, input.loginId);
  if (!login?.passwordHash || !(await verifyPassword(login.passwordHash, input.currentPassword))) {
    throw new Invalid('The current password is not right.', { currentPassword: 'is not right' });
  }
  assertPasswordAcceptable(input.newPassword, 'newPassword', login.email);
  const now = deps.clock.now();
  await deps.db
    .update(logins)
    .set({ passwordHash: await hashPassword(input.newPassword) })
    .where(eq(logins.id, login.id));
  await deps.db.delete(sessions).where(and(eq(sessions.loginId, login.id), ne(sessions.id, input.sessionId)));
  await recordAudit(deps.db, { loginId: login.id, action: 'login.password_changed', ip: input.ip, at: now });
  await deps.mailer.send(
    deps.db,
    {
      to: login.email,
      subject: 'Your Docket password was changed',
      text: 'The password of your Docket login was just changed. If it was not you, reset it now and contact support.',
    },
    now,
  );
}

/** Starts changing the login email: it changes only once the new address is verified. */
export async function requestEmailChange(
  deps: SecurityDeps,
  input: { loginId: string; newEmail: string; password: string; ip: string | null },
): Promise<void> {
  const login = await findLoginById(deps.db, input.loginId);
  if (!login?.passwordHash || !(await verifyPassword(login.passwordHash, input.password))) {
    throw new Invalid('The password is not right.', { password: 'is not right' });
  }
  if (await findLoginByEmail(deps.db, input.newEmail)) {
    throw new Conflict(
      'This email is already taken by another login. To use both, merge the logins in User settings > Login details > Merge logins.',
    );
  }
  const now = deps.clock.now();
  const token = await createLinkToken(deps.db, {
    purpose: 'change_email',
    loginId: login.id,
    email: input.newEmail,
    now,
  });
  await recordAudit(deps.db, {
    loginId: login.id,
    action: 'login.email_change_requested',
    detail: { to: input.newEmail },
    ip: input.ip,
    at: now,
  });
  await deps.mailer.send(
    deps.db,
    {
      to: input.newEmail,
      subject: 'Confirm your new Docket login email',
      text: `To make this your Docket login email, open:\n\n${deps.baseUrl}/confirm-email-change?token=${token}\n\nUntil then you keep signing in with ${login.email}.`,
    },
    now,
  );
}

export async function confirmEmailChange(
  deps: SecurityDeps,
  token: string,
  ip: string | null,
): Promise<void> {
  const now = deps.clock.now();
  const row = await consumeLinkToken(deps.db, 'change_email', token, now);
  if (!row.loginId) return;
  const login = await findLoginById(deps.db, row.loginId);
  if (!login) return;
  if (await findLoginByEmail(deps.db, row.email))
    throw new Conflict('This email is already taken by another login.');
  await deps.db.update(logins).set({ email: row.email, emailVerifiedAt: now }).where(eq(logins.id, login.id));
  await deps.db.update(users).set({ email: row.email }).where(eq(users.loginId, login.id));
  await recordAudit(deps.db, {
    loginId: login.id,
    action: 'login.email_changed',
    detail: { from: login.email, to: row.email },
    ip,
    at: now,
  });
  await deps.mailer.send(
    deps.db,
    {
      to: login.email,
      subject: 'Your Docket login email was changed',
      text: `Your Docket login email is now ${row.email}. If it was not you, contact support.`,
    },
    now,
  );
}
