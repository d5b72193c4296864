import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { RemovalOptions } from '../../../shared/contracts/clients';
import { accounts, clientLinks, logins, users } from '../../db/schema';
import type { JobQueue } from '../../jobs/queue';
import { Conflict, Invalid } from '../../lib/errors';
import { assertCan, type Scope } from '../access';
import { recordAudit } from '../identity';
import { reactivatableFrom } from './clients';
import { accountName, activeClientOf, practiceAdminEmails } from './clients.repo';
import type { ClientDeps } from './connect-accountant';

export interface RemovalDeps extends ClientDeps {
  queue: JobQueue | null;
  /** Restarts the client's documents that waited while it was deactivated. */
  resumeWaiting: (accountId: string) => Promise<number>;
  /** Deletes the client's stored files (those no other account shares). */
  deleteFiles: (accountId: string) => Promise<number>;
}

/** Removing a client is for Practice Admins and Client Admins only. */
function assertRemover(scope: Scope): void {
  if (scope.accountKind !== 'practice') throw new Invalid('Clients belong to practice accounts.');
  assertCan(scope, 'clients.remove');
}

async function clientUsers(deps: ClientDeps, clientId: string) {
  return deps.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      loginId: users.loginId,
      active: users.active,
    })
    .from(users)
    .where(eq(users.accountId, clientId));
}

/** What the Disconnect / Deactivate / Delete screens offer for a client, and why not when they don't. */
export async function removalOptions(
  deps: ClientDeps,
  scope: Scope,
  clientId: string,
): Promise<RemovalOptions> {
  assertRemover(scope);
  const client = await activeClientOf(deps.db, scope, clientId);
  const all = await clientUsers(deps, clientId);
  const invited = all.filter((u) => u.loginId !== null && u.active);
  const from = client.deactivatedAt ? reactivatableFrom(client.deactivatedAt) : null;
  return {
    canDisconnect: invited.length > 0,
    disconnectBlockedReason:
      invited.length > 0
        ? null
        : 'This client only has auto-generated users, who cannot sign in. Invite a user first to disconnect, or deactivate the client instead.',
    canDeactivate: client.deactivatedAt === null,
    canReactivate: from !== null && from.getTime() <= deps.clock.now().getTime(),
    reactivatableFrom: from?.toISOString() ?? null,
    canDelete: all.length === 0,
    deleteBlockedReason:
      all.length === 0
        ? null
        : `This client has ${all.length} user${all.length === 1 ? '' : 's'}. A client can be deleted only when it has no users besides your practice staff: remove them, or disconnect instead.`,
    ownerCandidates: invited.map((u) => ({
      userId: u.id,
      name: u.name,
      email: u.email,
      isOwner: u.id === client.ownerUserId,
    })),
  };
}

async function setOwner(
  deps: ClientDeps,
  clientId: string,
  ownerUserId: string,
  invitedOnly: boolean,
): Promise<void> {
  const candidates = await clientUsers(deps, clientId);
  const owner = candidates.find(
    (u) => u.id === ownerUserId && (!invitedOnly || (u.loginId !== null && u.active)),
  );
  if (!owner) {
    throw new Invalid(
      invitedOnly
        ? 'The account owner must be one of the client’s invited users.'
        : 'The account owner must be one of the client’s users.',
      {
        ownerUserId: 'is not an eligible user of the client',
      },
    );
  }
  await deps.db.update(accounts).set({ ownerUserId }).where(eq(accounts.id, clientId));
}

/**
 * Disconnect: the client keeps its account and data, with the chosen owner; the practice loses
 * access at once and cannot reconnect (only a new invitation from the client can). Both sides are told.
 */
export async function disconnectClient(
  deps: RemovalDeps,
  scope: Scope,
  clientId: string,
  ownerUserId: string | undefined,
): Promise<void> {
  const options = await removalOptions(deps, scope, clientId);
  if (!options.canDisconnect)
    throw new Conflict(options.disconnectBlockedReason ?? 'This client cannot be disconnected.');
  if (!ownerUserId)
    throw new Invalid('Choose the account owner (usually the business owner) before disconnecting.', {
      ownerUserId: 'is required',
    });
  const link = await activeClientOf(deps.db, scope, clientId);
  await setOwner(deps, clientId, ownerUserId, true);
  const now = deps.clock.now();
  await deps.db
    .update(clientLinks)
    .set({ status: 'ended', endedAt: now, endedReason: 'disconnected_by_practice' })
    .where(eq(clientLinks.id, link.id));
  await recordAudit(deps.db, {
    accountId: scope.accountId,
    loginId: scope.loginId,
    action: 'client.disconnected',
    detail: { clientAccountId: clientId },
    at: now,
  });
  await recordAudit(deps.db, {
    accountId: clientId,
    loginId: scope.loginId,
    action: 'accountant.disconnected_you',
    at: now,
  });
  const practice = await accountName(deps.db, scope.accountId);
  const [owner] = await deps.db.select({ email: users.email }).from(users).where(eq(users.id, ownerUserId));
  if (owner) {
    await deps.mailer.send(
      deps.db,
      {
        to: owner.email,
        subject: `${practice} disconnected from your Docket account`,
        text: `${practice} no longer has access to ${link.name} on Docket. Your account and all its data stay as they are. To keep using Docket, start a subscription in Business settings > Subscription, or invite another accountant in Business settings > Accountant.`,
      },
      now,
    );
  }
  for (const to of await practiceAdminEmails(deps.db, scope.accountId)) {
    await deps.mailer.send(
      deps.db,
      {
        to,
        subject: `${link.name} was disconnected`,
        text: `${link.name} was disconnected from ${practice}. Only a new invitation from the client can connect it again.`,
      },
      now,
    );
  }
}

/** Deactivate: services stop (uploads wait unextracted, publishing off) while the practice keeps access. */
export async function deactivateClient(
  deps: RemovalDeps,
  scope: Scope,
  clientId: string,
  ownerUserId: string | undefined,
): Promise<{ reactivatableFrom: string }> {
  const options = await removalOptions(deps, scope, clientId);
  if (!options.canDeactivate) throw new Conflict('This client is already deactivated.');
  if (options.ownerCandidates.length > 0 && !ownerUserId && !options.ownerCandidates.some((c) => c.isOwner)) {
    throw new Invalid('Choose the account owner (usually the business owner) before deactivating.', {
      ownerUserId: 'is required',
    });
  }
  if (ownerUserId) await setOwner(deps, clientId, ownerUserId, options.ownerCandidates.length > 0);
  const now = deps.clock.now();
  await deps.db.update(accounts).set({ deactivatedAt: now }).where(eq(accounts.id, clientId));
  await recordAudit(deps.db, {
    accountId: scope.accountId,
    loginId: scope.loginId,
    action: 'client.deactivated',
    detail: { clientAccountId: clientId },
    at: now,
  });
  await recordAudit(deps.db, {
    accountId: clientId,
    loginId: scope.loginId,
    action: 'account.deactivated_by_accountant',
    at: now,
  });
  return { reactivatableFrom: reactivatableFrom(now).toISOString() };
}

/** Reactivate: only 4 months after deactivation (the server enforces it); waiting uploads are processed. */
export async function reactivateClient(
  deps: RemovalDeps,
  scope: Scope,
  clientId: string,
): Promise<{ resumed: number }> {
  assertRemover(scope);
  const client = await activeClientOf(deps.db, scope, clientId);
  if (!client.deactivatedAt) throw new Conflict('This client is not deactivated.');
  const from = reactivatableFrom(client.deactivatedAt);
  if (deps.clock.now().getTime() < from.getTime()) {
    throw new Conflict(
      `This client can be reactivated from ${from.toISOString().slice(0, 10)} (4 months after it was deactivated).`,
    );
  }
  const now = deps.clock.now();
  await deps.db.update(accounts).set({ deactivatedAt: null }).where(eq(accounts.id, clientId));
  await recordAudit(deps.db, {
    accountId: scope.accountId,
    loginId: scope.loginId,
    action: 'client.reactivated',
    detail: { clientAccountId: clientId },
    at: now,
  });
  return { resumed: await deps.resumeWaiting(clientId) };
}

/**
 * Delete: permanent. Only when the client has no users besides the practice's staff, after the
 * client's name is typed. Every row of the client and its stored files go; a deletion record
 * without personal data stays in the practice's audit log.
 */
export async function deleteClient(
  deps: RemovalDeps,
  scope: Scope,
  clientId: string,
  confirmName: string,
): Promise<void> {
  const options = await removalOptions(deps, scope, clientId);
  if (!options.canDelete) throw new Conflict(options.deleteBlockedReason ?? 'This client cannot be deleted.');
  const client = await activeClientOf(deps.db, scope, clientId);
  if (confirmName.trim() !== client.name.trim()) {
    throw new Invalid('Type the client’s name exactly to confirm. Deleting cannot be undone.', {
      confirmName: 'does not match the client’s name',
    });
  }
  const now = deps.clock.now();
  const files = await deps.deleteFiles(clientId);
  await deps.db.transaction(async (tx) => {
    // Logins that belonged only to this client (none, as it has no users; kept for safety).
    const members = await tx
      .select({ loginId: users.loginId })
      .from(users)
      .where(and(eq(users.accountId, clientId), isNotNull(users.loginId)));
    await tx.execute(sql`delete from audit_events where account_id = ${clientId}`);
    await tx.delete(accounts).where(eq(accounts.id, clientId));
    const ids = members.map((m) => m.loginId).filter((x): x is string => x !== null);
    if (ids.length) {
      await tx
        .delete(logins)
        .where(
          and(
            inArray(logins.id, ids),
            sql`not exists (select 1 from users u where u.login_id = ${logins.id})`,
          ),
        );
    }
    await tx.execute(
      sql`update audit_events set detail = '{}'::jsonb where account_id = ${scope.accountId} and detail->>'clientAccountId' = ${clientId}`,
    );
    await recordAudit(tx, {
      accountId: scope.accountId,
      loginId: scope.loginId,
      action: 'client.deleted',
      detail: { files },
      at: now,
    });
  });
}
