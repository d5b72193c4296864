import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AddClientRequest,
  ClientListQuery,
  ClientRow,
  UpdateClientRequest,
} from '../../../shared/contracts/clients';
import { accounts, clientLinks, items, practiceSettings, users } from '../../db/schema';
import { Invalid } from '../../lib/errors';
import { assertCan, resolveScope, type Scope } from '../access';
import { addUser } from '../accounts';
import { currencyOfCountry, recordAudit } from '../identity';
import { connectionStatuses } from '../publishing';
import { reactivatableFrom } from './clients';
import type { ClientDeps } from './connect-accountant';
import { activeClientOf } from './clients.repo';

function assertPractice(scope: Scope): void {
  if (scope.accountKind !== 'practice') throw new Invalid('Clients belong to practice accounts.');
}

/** A Standard colleague sees only the clients assigned to them; admins see all. */
function visibleTo(scope: Scope): SQL | undefined {
  if (scope.role !== 'standard' || scope.permissions.includes('all_clients')) return undefined;
  return sql`exists (select 1 from client_access ca where ca.user_id = ${scope.userId} and ca.business_account_id = ${clientLinks.businessAccountId})`;
}

/** Clients: the practice's client list, searched, filtered, sorted and paged; counts for the page only. */
export async function listClients(
  deps: ClientDeps,
  scope: Scope,
  q: z.output<typeof ClientListQuery>,
): Promise<{ rows: ClientRow[]; total: number }> {
  assertPractice(scope);
  assertCan(scope, 'clients.read');
  const manager = sql<
    string | null
  >`(select u.name from users u where u.id = ${clientLinks.accountManagerUserId})`;
  const where = and(
    eq(clientLinks.practiceAccountId, scope.accountId),
    eq(clientLinks.status, 'active'),
    visibleTo(scope),
    q.search
      ? or(
          ilike(accounts.name, `%${escapeLike(q.search)}%`),
          ilike(clientLinks.practiceCode, `%${escapeLike(q.search)}%`),
        )
      : undefined,
    q.status === 'active'
      ? isNull(accounts.deactivatedAt)
      : q.status === 'deactivated'
        ? isNotNull(accounts.deactivatedAt)
        : undefined,
    q.payer ? eq(clientLinks.payer, q.payer) : undefined,
    q.accountManagerUserId ? eq(clientLinks.accountManagerUserId, q.accountManagerUserId) : undefined,
  );
  const dir = q.direction === 'desc' ? desc : asc;
  const toReview = sql<number>`(select count(*) from items i where i.account_id = ${clientLinks.businessAccountId} and i.status = 'to_review')`;
  const order =
    q.sort === 'practiceCode'
      ? [dir(sql`coalesce(${clientLinks.practiceCode}, '')`), asc(accounts.name)]
      : q.sort === 'accountManager'
        ? [dir(sql`coalesce(${manager}, '')`), asc(accounts.name)]
        : q.sort === 'connectedAt'
          ? [dir(clientLinks.connectedAt), asc(accounts.name)]
          : q.sort === 'toReview'
            ? [dir(toReview), asc(accounts.name)]
            : [dir(sql`lower(${accounts.name})`), asc(accounts.id)];
  const [countRow] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(clientLinks)
    .innerJoin(accounts, eq(accounts.id, clientLinks.businessAccountId))
    .where(where);
  const page = await deps.db
    .select({
      id: accounts.id,
      name: accounts.name,
      deactivatedAt: accounts.deactivatedAt,
      practiceCode: clientLinks.practiceCode,
      payer: clientLinks.payer,
      connectedAt: clientLinks.connectedAt,
      managerId: clientLinks.accountManagerUserId,
      managerName: manager,
    })
    .from(clientLinks)
    .innerJoin(accounts, eq(accounts.id, clientLinks.businessAccountId))
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const ids = page.map((p) => p.id);
  const counts = ids.length
    ? await deps.db
        .select({
          accountId: items.accountId,
          workspace: items.workspace,
          status: items.status,
          n: sql<number>`count(*)::int`,
          latest: sql<number | null>`(extract(epoch from max(${items.createdAt})) * 1000)::float8`,
          oldest: sql<number | null>`(extract(epoch from min(${items.createdAt})) * 1000)::float8`,
        })
        .from(items)
        .where(
          and(
            inArray(items.accountId, ids),
            inArray(items.status, ['to_review', 'ready', 'archived', 'processing', 'waiting']),
          ),
        )
        .groupBy(items.accountId, items.workspace, items.status)
    : [];
  const userCounts = ids.length
    ? await deps.db
        .select({ accountId: users.accountId, n: sql<number>`count(*)::int` })
        .from(users)
        .where(inArray(users.accountId, ids))
        .groupBy(users.accountId)
    : [];
  const ledgers = await connectionStatuses(deps.db, ids);
  const softwareNames: Record<string, string> = { xero: 'Xero', quickbooks: 'QuickBooks Online' };
  const rows: ClientRow[] = page.map((p) => {
    const ledger = ledgers.find((l) => l.accountId === p.id);
    const mine = counts.filter((c) => c.accountId === p.id);
    const count = (workspace: 'costs' | 'sales', status: 'to_review' | 'ready') =>
      mine.find((c) => c.workspace === workspace && c.status === status)?.n ?? 0;
    const latest = mine
      .map((c) => c.latest)
      .filter((d): d is number => d !== null)
      .map(Number);
    const oldest = mine
      .map((c) => c.oldest)
      .filter((d): d is number => d !== null)
      .map(Number);
    return {
      id: p.id,
      name: p.name,
      practiceCode: p.practiceCode,
      accountManager: p.managerId && p.managerName ? { userId: p.managerId, name: p.managerName } : null,
      payer: p.payer,
      status: p.deactivatedAt ? 'deactivated' : 'active',
      deactivatedAt: p.deactivatedAt?.toISOString() ?? null,
      reactivatableFrom: p.deactivatedAt ? reactivatableFrom(p.deactivatedAt).toISOString() : null,
      connectedAt: p.connectedAt?.toISOString() ?? null,
      ledger: ledger
        ? { software: softwareNames[ledger.software] ?? ledger.software, status: ledger.status }
        : null,
      addOns: [],
      healthScore: null,
      costs: { toReview: count('costs', 'to_review'), ready: count('costs', 'ready') },
      sales: { toReview: count('sales', 'to_review'), ready: count('sales', 'ready') },
      latestItemAt: latest.length ? new Date(Math.max(...latest)).toISOString() : null,
      oldestItemAt: oldest.length ? new Date(Math.min(...oldest)).toISOString() : null,
      userCount: userCounts.find((u) => u.accountId === p.id)?.n ?? 0,
    };
  });
  return { rows, total: countRow?.n ?? 0 };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Add client: the practice creates a business account it pays for (one client slot), applies its
 * New Client Defaults, and adds the client's users: invited, or auto-generated (no invitation).
 */
export async function addClient(
  deps: ClientDeps,
  scope: Scope,
  input: z.output<typeof AddClientRequest>,
): Promise<string> {
  assertPractice(scope);
  assertCan(scope, 'clients.create');
  if (input.accountManagerUserId) await assertColleague(deps, scope, input.accountManagerUserId);
  const now = deps.clock.now();
  const [defaults] = await deps.db
    .select()
    .from(practiceSettings)
    .where(eq(practiceSettings.accountId, scope.accountId));
  const clientId = await deps.db.transaction(async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({
        kind: 'business',
        name: input.name,
        country: input.country,
        currency: currencyOfCountry[input.country] ?? 'USD',
        settings: { ...(defaults?.newClientDefaults ?? {}) },
        createdAt: now,
      })
      .returning({ id: accounts.id });
    if (!account) throw new Error('insert returned no row');
    await tx.insert(clientLinks).values({
      businessAccountId: account.id,
      practiceAccountId: scope.accountId,
      status: 'active',
      payer: 'practice',
      createdByPractice: 'yes',
      practiceCode: input.practiceCode ?? null,
      accountManagerUserId: input.accountManagerUserId ?? null,
      connectedAt: now,
      createdAt: now,
    });
    if (scope.role === 'standard') {
      await tx.execute(
        sql`insert into client_access (user_id, business_account_id) values (${scope.userId}, ${account.id})`,
      );
    }
    await recordAudit(tx, {
      accountId: scope.accountId,
      loginId: scope.loginId,
      action: 'client.added',
      detail: { clientAccountId: account.id },
      at: now,
    });
    return account.id;
  });
  const inClient = await resolveScope(deps.db, scope.loginId, clientId);
  let first = true;
  for (const u of input.users) {
    const { userId } = await addUser(deps, inClient, {
      name: u.name,
      email: u.email,
      role: u.role,
      loginAccess: u.invite,
      permissions: [],
    });
    if (first) await deps.db.update(accounts).set({ ownerUserId: userId }).where(eq(accounts.id, clientId));
    first = false;
  }
  return clientId;
}

async function assertColleague(deps: ClientDeps, scope: Scope, userId: string): Promise<void> {
  const [u] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, scope.accountId), eq(users.active, true)));
  if (!u)
    throw new Invalid('The account manager must be an active colleague of your practice.', {
      accountManagerUserId: 'is not a colleague',
    });
}

export async function updateClient(
  deps: ClientDeps,
  scope: Scope,
  clientId: string,
  input: z.output<typeof UpdateClientRequest>,
): Promise<void> {
  assertPractice(scope);
  assertCan(scope, 'clients.read');
  const link = await activeClientOf(deps.db, scope, clientId);
  if (input.accountManagerUserId) await assertColleague(deps, scope, input.accountManagerUserId);
  await deps.db
    .update(clientLinks)
    .set({
      ...(input.practiceCode !== undefined ? { practiceCode: input.practiceCode } : {}),
      ...(input.accountManagerUserId !== undefined
        ? { accountManagerUserId: input.accountManagerUserId }
        : {}),
    })
    .where(eq(clientLinks.id, link.id));
}

/** Bulk update of practice codes from CSV lines "client name,practice code" (header optional); errors per line. */
export async function updatePracticeCodes(
  deps: ClientDeps,
  scope: Scope,
  csv: string,
  parse: (line: string) => string[],
) {
  assertPractice(scope);
  assertCan(scope, 'clients.read');
  const errors: { line: number; message: string }[] = [];
  let updated = 0;
  const lines = csv.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (!raw.trim()) continue;
    const [name = '', code = ''] = parse(raw);
    if (i === 0 && /^(client|name)/i.test(name) && /code/i.test(code)) continue;
    if (!name) {
      errors.push({ line: i + 1, message: 'The client name is empty.' });
      continue;
    }
    const matches = await deps.db
      .select({ id: clientLinks.id })
      .from(clientLinks)
      .innerJoin(accounts, eq(accounts.id, clientLinks.businessAccountId))
      .where(
        and(
          eq(clientLinks.practiceAccountId, scope.accountId),
          eq(clientLinks.status, 'active'),
          sql`lower(${accounts.name}) = ${name.toLowerCase()}`,
          visibleTo(scope),
        ),
      );
    if (matches.length !== 1) {
      errors.push({
        line: i + 1,
        message:
          matches.length === 0
            ? `No client called "${name}".`
            : `${matches.length} clients are called "${name}"; set their codes one by one.`,
      });
      continue;
    }
    await deps.db
      .update(clientLinks)
      .set({ practiceCode: code || null })
      .where(eq(clientLinks.id, matches[0]?.id ?? ''));
    updated++;
  }
  return { updated, errors };
}

/** Clients > Manage > Practice access: which colleagues reach this client, and why. */
export async function practiceAccess(deps: ClientDeps, scope: Scope, clientId: string) {
  assertPractice(scope);
  assertCan(scope, 'clients.read');
  await activeClientOf(deps.db, scope, clientId);
  const rows = await deps.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      permissions: users.permissions,
    })
    .from(users)
    .where(and(eq(users.accountId, scope.accountId), eq(users.active, true), isNull(users.removedAt)))
    .orderBy(asc(users.name));
  const assigned = await deps.db.execute<{ user_id: string }>(
    sql`select user_id from client_access where business_account_id = ${clientId}`,
  );
  const assignedIds = new Set(
    (assigned as { rows: { user_id: string }[] }).rows.map((r) => r.user_id),
  );
  return rows
    .map((u) => ({
      userId: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      reason:
        u.role !== 'standard'
          ? ('role' as const)
          : u.permissions.includes('all_clients')
            ? ('all_clients' as const)
            : assignedIds.has(u.id)
              ? ('assigned' as const)
              : null,
    }))
    .filter((u): u is typeof u & { reason: 'role' | 'all_clients' | 'assigned' } => u.reason !== null);
}
