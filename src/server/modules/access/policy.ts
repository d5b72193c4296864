import type { AccountKind, Role } from '../../db/schema';

/**
 * Who acts, in which account. Every use case and repo function takes one; it is built only by
 * resolveScope (access.repo.ts), so holding a Scope proves the login may act in that account.
 */
export interface Scope {
  readonly loginId: string;
  readonly userId: string;
  readonly accountId: string;
  readonly accountKind: AccountKind;
  readonly role: Role;
  readonly permissions: readonly string[];
  readonly isOwner: boolean;
  /** 'member': the login's own user in the account; 'practice': practice staff inside a client. */
  readonly via: 'member' | 'practice';
}

/** Everything a user can try to do. One list, so the permission matrix test can walk all of it. */
export const actions = [
  'account.read',
  'account.update',
  'users.read',
  'users.manage',
  'practice.admins.manage',
  'practice.subscription.manage',
  'clients.read',
  'clients.create',
  'clients.remove',
  'practice.insights',
  'documents.read.all',
  'documents.submit',
  'documents.publish',
  'settings.manage',
] as const;
export type Action = (typeof actions)[number];

const practiceAdmin: ReadonlySet<Action> = new Set(actions);

const clientAdmin: ReadonlySet<Action> = new Set(
  actions.filter((a) => a !== 'practice.admins.manage' && a !== 'practice.subscription.manage'),
);

const practiceStandard: ReadonlySet<Action> = new Set<Action>([
  'account.read',
  'users.read',
  'clients.read',
  'documents.submit',
]);

const businessAdmin: ReadonlySet<Action> = new Set(
  actions.filter((a) => !a.startsWith('practice.') && !a.startsWith('clients.')),
);

const businessStandard: ReadonlySet<Action> = new Set<Action>([
  'account.read',
  'users.read',
  'documents.submit',
]);

/** Optional permissions a Standard user can be given, and the action each unlocks. */
const optionalPermissions: Readonly<Record<string, Action>> = {
  add_clients: 'clients.create',
  practice_insights: 'practice.insights',
  all_documents: 'documents.read.all',
  publish: 'documents.publish',
};

/** Decides every permission. Pure: no I/O, tested as a matrix of role x action x account kind. */
export function can(scope: Scope, action: Action): boolean {
  // Practice staff with access to a client act as Admin inside that client.
  if (scope.via === 'practice') return businessAdmin.has(action);
  const base = baseActions(scope.accountKind, scope.role);
  if (base.has(action)) return true;
  if (scope.role === 'standard') {
    return scope.permissions.some((p) => optionalPermissions[p] === action);
  }
  return false;
}

function baseActions(kind: AccountKind, role: Role): ReadonlySet<Action> {
  if (kind === 'practice') {
    if (role === 'practice_admin') return practiceAdmin;
    if (role === 'client_admin') return clientAdmin;
    if (role === 'standard') return practiceStandard;
    return new Set();
  }
  if (role === 'admin') return businessAdmin;
  if (role === 'standard') return businessStandard;
  return new Set();
}

/** The roles that exist in each kind of account. */
export function rolesFor(kind: AccountKind): readonly Role[] {
  return kind === 'practice' ? ['practice_admin', 'client_admin', 'standard'] : ['admin', 'standard'];
}
