import type { AccountKind, AccountSummary, Role } from '../../../shared/contracts/identity';

export const kindLabel: Record<AccountKind, string> = {
  practice: 'Practice',
  business: 'Business',
};

export const roleLabel: Record<Role, string> = {
  practice_admin: 'Practice Admin',
  client_admin: 'Client Admin',
  admin: 'Admin',
  standard: 'Standard',
};

/** "Business · Admin", plus how the login reaches it when it is as practice staff. */
export function describeAccount(account: AccountSummary): string {
  const via = account.via === 'practice' ? ' · through your practice' : '';
  return `${kindLabel[account.kind]} · ${roleLabel[account.role]}${via}`;
}
