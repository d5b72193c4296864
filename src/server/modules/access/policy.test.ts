import { describe, expect, it } from 'vitest';
import type { AccountKind, Role } from '../../db/schema';
import { actions, can, rolesFor, type Action, type Scope } from './policy';

const scope = (accountKind: AccountKind, role: Role, extra: Partial<Scope> = {}): Scope => ({
  loginId: 'l',
  userId: 'u',
  accountId: 'a',
  accountKind,
  role,
  permissions: [],
  isOwner: false,
  via: 'member',
  ...extra,
});

/** The expected answer for every role and action: the permission matrix, written out. */
const expected: Record<string, readonly Action[]> = {
  'practice/practice_admin': actions,
  'practice/client_admin': actions.filter(
    (a) => a !== 'practice.admins.manage' && a !== 'practice.subscription.manage',
  ),
  'practice/standard': ['account.read', 'users.read', 'clients.read', 'documents.submit'],
  'business/admin': [
    'account.read',
    'account.update',
    'users.read',
    'users.manage',
    'documents.read.all',
    'documents.submit',
    'documents.publish',
    'settings.manage',
  ],
  'business/standard': ['account.read', 'users.read', 'documents.submit'],
};

describe('access policy matrix', () => {
  for (const kind of ['practice', 'business'] as const) {
    for (const role of rolesFor(kind)) {
      const allowed = new Set(expected[`${kind}/${role}`]);
      for (const action of actions) {
        it(`when a ${kind} ${role} tries ${action}, then it is ${allowed.has(action) ? 'allowed' : 'refused'}`, () => {
          expect(can(scope(kind, role), action)).toBe(allowed.has(action));
        });
      }
    }
  }

  it('when practice staff act inside a client, then they act as the client Admin whatever their practice role', () => {
    for (const action of actions) {
      expect(can(scope('business', 'standard', { via: 'practice' }), action)).toBe(
        can(scope('business', 'admin'), action),
      );
    }
  });

  it('when a Standard user has optional permissions, then exactly those actions open up', () => {
    const s = scope('practice', 'standard', { permissions: ['add_clients', 'practice_insights'] });
    expect(can(s, 'clients.create')).toBe(true);
    expect(can(s, 'practice.insights')).toBe(true);
    expect(can(s, 'clients.remove')).toBe(false);
    const b = scope('business', 'standard', { permissions: ['publish', 'all_documents'] });
    expect(can(b, 'documents.publish')).toBe(true);
    expect(can(b, 'documents.read.all')).toBe(true);
    expect(can(b, 'users.manage')).toBe(false);
  });

  it('when a role does not belong to the account kind, then nothing is allowed', () => {
    for (const action of actions) expect(can(scope('business', 'practice_admin'), action)).toBe(false);
  });
});
