import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, clientLinks } from '../../db/schema';
import type { Mailer } from '../../integrations/mail/mailer';
import type { Clock } from '../../lib/clock';
import { Conflict, Invalid } from '../../lib/errors';
import { assertCan, type Scope } from '../access';
import { recordAudit } from '../identity';
import {
  accountName,
  isBusinessEmail,
  openLinkOf,
  practiceAdminEmails,
  practiceByEmail,
} from './clients.repo';

export interface ClientDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

function assertBusinessAdmin(scope: Scope): void {
  if (scope.accountKind !== 'business')
    throw new Invalid('Only a business account can invite an accountant.');
  assertCan(scope, 'settings.manage');
}

/** Business settings > Accountant: who an email belongs to, before "Allow access". */
export async function lookupAccountant(
  deps: ClientDeps,
  scope: Scope,
  email: string,
): Promise<{ onDocket: boolean; practiceName: string | null }> {
  assertBusinessAdmin(scope);
  const practice = await practiceByEmail(deps.db, email);
  if (practice) return { onDocket: true, practiceName: practice.name };
  if (await isBusinessEmail(deps.db, email)) {
    throw new Invalid(
      'This email belongs to a business account, not an accountant or bookkeeper. Ask your accountant for the email they use for their practice on Docket.',
      {
        email: 'is not a practice email',
      },
    );
  }
  return { onDocket: false, practiceName: null };
}

/**
 * Gives a practice access ("Allow access"), or, when the firm is not on Docket, invites it to join:
 * it is connected once it signs up as a practice with that email. A business has one accountant at a
 * time: with `replace`, the current one is disconnected in the same transaction (Invite someone else).
 */
export async function inviteAccountant(
  deps: ClientDeps,
  scope: Scope,
  email: string,
  options: { replace: boolean },
): Promise<'active' | 'pending'> {
  assertBusinessAdmin(scope);
  const { onDocket, practiceName } = await lookupAccountant(deps, scope, email);
  const practice = onDocket ? await practiceByEmail(deps.db, email) : undefined;
  const now = deps.clock.now();
  const business = await accountName(deps.db, scope.accountId);
  let ended: { practiceAccountId: string | null } | undefined;
  const status = await deps.db.transaction(async (tx) => {
    const current = await openLinkOf(tx, scope.accountId);
    if (current) {
      if (current.status === 'active' && current.practiceAccountId === practice?.id)
        throw new Conflict(`${practiceName ?? email} already has access to this account.`);
      if (current.status === 'active' && !options.replace) {
        throw new Conflict(
          'This account already has an accountant. Use "Invite someone else" to move to another firm, or disconnect the current one first.',
        );
      }
      await tx
        .update(clientLinks)
        .set({
          status: 'ended',
          endedAt: now,
          endedReason: current.status === 'active' ? 'reallocated' : 'invitation_replaced',
        })
        .where(eq(clientLinks.id, current.id));
      if (current.status === 'active') ended = { practiceAccountId: current.practiceAccountId };
    }
    const linkStatus = practice ? ('active' as const) : ('pending' as const);
    await tx.insert(clientLinks).values({
      businessAccountId: scope.accountId,
      practiceAccountId: practice?.id ?? null,
      invitedEmail: email,
      status: linkStatus,
      connectedAt: practice ? now : null,
      createdAt: now,
    });
    await recordAudit(tx, {
      accountId: scope.accountId,
      loginId: scope.loginId,
      action: practice ? 'accountant.access_allowed' : 'accountant.invited',
      detail: { email, practice: practiceName, replaced: Boolean(ended) },
      at: now,
    });
    if (practice) {
      await recordAudit(tx, {
        accountId: practice.id,
        action: 'client.connected',
        detail: { clientAccountId: scope.accountId },
        at: now,
      });
    }
    return linkStatus;
  });
  if (ended?.practiceAccountId)
    await notifyEnded(deps, ended.practiceAccountId, business, 'moved to another accountant');
  if (status === 'active' && practice) {
    for (const to of await practiceAdminEmails(deps.db, practice.id)) {
      await deps.mailer.send(
        deps.db,
        {
          to,
          subject: `${business} gave your practice access on Docket`,
          text: `${business} connected to your practice. It is now in your client list.`,
        },
        now,
      );
    }
  } else {
    await deps.mailer.send(
      deps.db,
      {
        to: email,
        subject: `${business} invites you to Docket`,
        text: `${business} would like you to manage their bookkeeping paperwork on Docket. Sign up as a practice with this email address to be connected:\n\n${deps.baseUrl}/sign-up?kind=practice&email=${encodeURIComponent(email)}`,
      },
      now,
    );
  }
  return status;
}

/** "Disconnect from accountant": the practice's access ends at once; no data changes. */
export async function disconnectAccountant(deps: ClientDeps, scope: Scope): Promise<void> {
  assertBusinessAdmin(scope);
  const now = deps.clock.now();
  const current = await openLinkOf(deps.db, scope.accountId);
  if (!current) throw new Conflict('This account has no accountant.');
  await deps.db
    .update(clientLinks)
    .set({ status: 'ended', endedAt: now, endedReason: 'disconnected_by_client' })
    .where(eq(clientLinks.id, current.id));
  await recordAudit(deps.db, {
    accountId: scope.accountId,
    loginId: scope.loginId,
    action: 'accountant.disconnected',
    at: now,
  });
  if (current.practiceAccountId) {
    await recordAudit(deps.db, {
      accountId: current.practiceAccountId,
      action: 'client.disconnected_by_client',
      detail: { clientAccountId: scope.accountId },
      at: now,
    });
    await notifyEnded(
      deps,
      current.practiceAccountId,
      await accountName(deps.db, scope.accountId),
      'removed your access',
    );
  }
}

async function notifyEnded(
  deps: ClientDeps,
  practiceAccountId: string,
  business: string,
  what: string,
): Promise<void> {
  const now = deps.clock.now();
  for (const to of await practiceAdminEmails(deps.db, practiceAccountId)) {
    await deps.mailer.send(
      deps.db,
      {
        to,
        subject: `${business} ${what}`,
        text: `${business} ${what} on Docket. Your practice no longer has access to its account.`,
      },
      now,
    );
  }
}

/**
 * A firm that was invited before it was on Docket signs up as a practice: every pending invitation
 * to that email connects now.
 */
export async function connectPendingInvitations(
  deps: ClientDeps,
  practiceAccountId: string,
  email: string,
): Promise<number> {
  const now = deps.clock.now();
  const [practice] = await deps.db
    .select({ kind: accounts.kind })
    .from(accounts)
    .where(eq(accounts.id, practiceAccountId));
  if (practice?.kind !== 'practice') return 0;
  const done = await deps.db
    .update(clientLinks)
    .set({ status: 'active', practiceAccountId, connectedAt: now })
    .where(
      and(
        eq(clientLinks.status, 'pending'),
        sql`lower(${clientLinks.invitedEmail}) = ${email.toLowerCase()}`,
      ),
    )
    .returning({ businessAccountId: clientLinks.businessAccountId });
  for (const d of done) {
    await recordAudit(deps.db, {
      accountId: practiceAccountId,
      action: 'client.connected',
      detail: { clientAccountId: d.businessAccountId },
      at: now,
    });
  }
  return done.length;
}

export async function accountantStatus(db: Db, scope: Scope) {
  const [open] = await db
    .select({ link: clientLinks, practiceName: accounts.name })
    .from(clientLinks)
    .leftJoin(accounts, eq(accounts.id, clientLinks.practiceAccountId))
    .where(
      and(
        eq(clientLinks.businessAccountId, scope.accountId),
        inArray(clientLinks.status, ['pending', 'active']),
      ),
    );
  const [last] = await db
    .select({ link: clientLinks, practiceName: accounts.name })
    .from(clientLinks)
    .leftJoin(accounts, eq(accounts.id, clientLinks.practiceAccountId))
    .where(and(eq(clientLinks.businessAccountId, scope.accountId), eq(clientLinks.status, 'ended')))
    .orderBy(sql`${clientLinks.endedAt} desc`)
    .limit(1);
  const [account] = await db
    .select({ deactivatedAt: accounts.deactivatedAt })
    .from(accounts)
    .where(eq(accounts.id, scope.accountId));
  return { open, last, deactivatedAt: account?.deactivatedAt ?? null };
}
