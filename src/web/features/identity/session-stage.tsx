import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../../shared/contracts/identity';
import { paths } from '../../app/paths';
import { useMe } from './identity-api';

/** Where a session that is not complete yet must go: the 2FA challenge, or setting 2FA up. */
export function pathForStage(me: Me): string | null {
  if (me.stage === 'mfa') return paths.twoFactorChallenge;
  if (me.stage === 'setup_mfa') return paths.twoFactorSetup;
  return null;
}

/** Adds `?next=` to a path, when there is somewhere to go back to. */
export function withNext(path: string, next: string | null): string {
  return next === null ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/**
 * Account pages need a complete session: a login that still owes its 2FA code (or its 2FA setup)
 * is taken there first, and comes back afterwards.
 */
export function RequireFullSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const stagePath = me.data ? pathForStage(me.data) : null;
  if (stagePath !== null) return <Navigate to={withNext(stagePath, location.pathname)} replace />;
  return children;
}
