import { createContext, useContext, type ReactNode } from 'react';
import type { AccountSummary, Me } from '../../../shared/contracts/identity';

interface CurrentAccount {
  /** The account in the URL (/a/:accountId), which the session also works in. */
  account: AccountSummary;
  me: Me;
}

const CurrentAccountContext = createContext<CurrentAccount | null>(null);

export function CurrentAccountProvider({ value, children }: { value: CurrentAccount; children: ReactNode }) {
  return <CurrentAccountContext value={value}>{children}</CurrentAccountContext>;
}

/** The account the page works in and the signed-in login. Only for pages under /a/:accountId. */
export function useCurrentAccount(): CurrentAccount {
  const value = useContext(CurrentAccountContext);
  if (value === null) throw new Error('useCurrentAccount is used outside an account page (/a/:accountId)');
  return value;
}
