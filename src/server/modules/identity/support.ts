import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { logins, supportAgents, supportRequests } from '../../db/schema';
import type { Mailer } from '../../integrations/mail/mailer';
import type { Clock } from '../../lib/clock';
import { Conflict, Forbidden, NotFound } from '../../lib/errors';
import { consumeLinkToken, createLinkToken } from './email-links';
import { findLoginByEmail, findLoginById, recordAudit } from './identity.repo';
import { hashPassword } from './passwords';
import { newToken } from './tokens';
import { removeTwoFactor, twoFactorEnabled } from './two-factor';

export interface SupportDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

/**
 * "I'm locked out of 2FA": a request from the sign-in page or an email to support. It only sends a
 * confirmation link to the login's own email address; nothing reaches a support agent until that
 * link is opened. The answer is the same whether or not the email has a login.
 */
export async function requestTwoFactorReset(
  deps: SupportDeps,
  input: { email: string; channel: 'web' | 'email'; message?: string | null; ip: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const login = await findLoginByEmail(deps.db, input.email);
  if (!login || !(await twoFactorEnabled(deps.db, login.id))) return;
  const [request] = await deps.db
    .insert(supportRequests)
    .values({
      loginId: login.id,
      kind: 'disable_2fa',
      status: 'awaiting_confirmation',
      channel: input.channel,
      message: input.message ?? null,
      createdAt: now,
    })
    .returning({ id: supportRequests.id });
  if (!request) return;
  const token = await createLinkToken(deps.db, {
    purpose: 'support_request',
    loginId: login.id,
    email: login.email,
    data: { requestId: request.id },
    now,
  });
  await recordAudit(deps.db, {
    loginId: login.id,
    action: 'support.2fa_reset_requested',
    detail: { channel: input.channel, requestId: request.id },
    ip: input.ip,
    at: now,
  });
  await deps.mailer.send(
    deps.db,
    {
      to: login.email,
      subject: 'Confirm your request to turn off two-factor authentication',
      text:
        `We received a request to temporarily turn off two-factor authentication for the Docket login ${login.email}.\n\n` +
        `If it was you, confirm it here:\n\n${deps.baseUrl}/support/confirm?token=${token}\n\n` +
        'A Docket support agent will then review it. If it was not you, ignore this email: nothing changes.',
    },
    now,
  );
}

export async function confirmTwoFactorReset(
  deps: SupportDeps,
  token: string,
  ip: string | null,
): Promise<void> {
  const now = deps.clock.now();
  const row = await consumeLinkToken(deps.db, 'support_request', token, now);
  const requestId = row.data.requestId;
  if (!requestId) return;
  await deps.db
    .update(supportRequests)
    .set({ status: 'confirmed', confirmedAt: now })
    .where(and(eq(supportRequests.id, requestId), eq(supportRequests.status, 'awaiting_confirmation')));
  await recordAudit(deps.db, {
    loginId: row.loginId,
    action: 'support.2fa_reset_confirmed',
    detail: { requestId },
    ip,
    at: now,
  });
}

export async function isSupportAgent(db: Db, loginId: string): Promise<boolean> {
  const [row] = await db.select().from(supportAgents).where(eq(supportAgents.loginId, loginId));
  return row !== undefined;
}

export async function assertSupportAgent(db: Db, loginId: string): Promise<void> {
  if (!(await isSupportAgent(db, loginId)))
    throw new Forbidden('The support console is only for Docket support agents.');
}

/** Confirmed requests waiting for an agent, and recent decisions. Unconfirmed requests never show. */
export async function listSupportRequests(db: Db) {
  return db
    .select({
      id: supportRequests.id,
      email: logins.email,
      name: logins.name,
      kind: supportRequests.kind,
      status: supportRequests.status,
      channel: supportRequests.channel,
      message: supportRequests.message,
      createdAt: supportRequests.createdAt,
      confirmedAt: supportRequests.confirmedAt,
      decidedAt: supportRequests.decidedAt,
    })
    .from(supportRequests)
    .innerJoin(logins, eq(logins.id, supportRequests.loginId))
    .where(inArray(supportRequests.status, ['confirmed', 'approved', 'rejected']))
    .orderBy(asc(supportRequests.status), desc(supportRequests.confirmedAt))
    .limit(200);
}

/** An agent approves or rejects; approval turns 2FA off until the next sign-in, which must set it up again. */
export async function decideSupportRequest(
  deps: SupportDeps,
  input: { agentLoginId: string; requestId: string; approve: boolean; ip: string | null },
): Promise<void> {
  await assertSupportAgent(deps.db, input.agentLoginId);
  const now = deps.clock.now();
  const [request] = await deps.db
    .select()
    .from(supportRequests)
    .where(eq(supportRequests.id, input.requestId));
  if (!request) throw new NotFound('No such support request.');
  if (request.status !== 'confirmed') throw new Conflict('Only confirmed requests can be decided.');
  const login = await findLoginById(deps.db, request.loginId);
  if (!login) throw new NotFound('The login of this request no longer exists.');
  await deps.db.transaction(async (tx) => {
    await tx
      .update(supportRequests)
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decidedAt: now,
        decidedByLoginId: input.agentLoginId,
      })
      .where(eq(supportRequests.id, request.id));
    if (input.approve) {
      await removeTwoFactor(tx, login.id);
      await tx.update(logins).set({ mustSetUp2fa: true }).where(eq(logins.id, login.id));
    }
    await recordAudit(tx, {
      loginId: login.id,
      action: input.approve ? 'support.2fa_disabled' : 'support.2fa_reset_rejected',
      detail: { requestId: request.id, agentLoginId: input.agentLoginId },
      ip: input.ip,
      at: now,
    });
  });
  await deps.mailer.send(
    deps.db,
    {
      to: login.email,
      subject: input.approve
        ? 'Two-factor authentication was turned off'
        : 'Your support request was declined',
      text: input.approve
        ? 'A Docket support agent turned off two-factor authentication for your login. Sign in now: you will be asked to set it up again straight away.'
        : 'A Docket support agent declined the request to turn off two-factor authentication. Reply to support if you need help.',
    },
    now,
  );
}

/** `docket support add-agent EMAIL`: makes a login a support agent, creating it (with a reset link) when new. */
export async function addSupportAgent(
  deps: SupportDeps,
  email: string,
): Promise<{ created: boolean; resetLink: string | null }> {
  const now = deps.clock.now();
  let login = await findLoginByEmail(deps.db, email);
  let created = false;
  if (!login) {
    const [row] = await deps.db
      .insert(logins)
      .values({
        email,
        name: 'Docket support',
        passwordHash: await hashPassword(newToken()),
        createdAt: now,
        emailVerifiedAt: now,
      })
      .returning();
    login = row;
    created = true;
  }
  if (!login) throw new Error('could not create the login');
  await deps.db.insert(supportAgents).values({ loginId: login.id, createdAt: now }).onConflictDoNothing();
  await recordAudit(deps.db, { loginId: login.id, action: 'support.agent_added', at: now });
  if (!created) return { created, resetLink: null };
  const token = await createLinkToken(deps.db, { purpose: 'reset_password', loginId: login.id, email, now });
  return { created, resetLink: `${deps.baseUrl}/reset-password?token=${token}` };
}
