import type { Me } from '../../../shared/contracts/identity';
import type { Db } from '../../db/connect';
import { findLoginById, listMemberships } from './identity.repo';
import type { SessionStage } from './sign-in';
import { isSupportAgent } from './support';

/** The login, its accounts (the account switcher) and the account this session works in. */
export async function describeLogin(
  db: Db,
  loginId: string,
  currentAccountId: string | null,
  stage: SessionStage,
): Promise<Me> {
  const login = await findLoginById(db, loginId);
  if (!login) throw new Error(`login ${loginId} not found`);
  const full = stage === 'full';
  const memberships = full ? await listMemberships(db, loginId) : [];
  return {
    login: {
      id: login.id,
      email: login.email,
      name: login.name,
      emailVerified: login.emailVerifiedAt !== null,
    },
    stage,
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
    isSupportAgent: full && (await isSupportAgent(db, loginId)),
  };
}

/** Audit rows as the API shows them. */
export function auditRows(
  rows: {
    id: string;
    action: string;
    at: Date;
    ip: string | null;
    accountId: string | null;
    loginId: string | null;
    detail: Record<string, unknown>;
  }[],
) {
  return { events: rows.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
