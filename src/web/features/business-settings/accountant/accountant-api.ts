import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountantLookup, AccountantStatus } from '../../../../shared/contracts/clients';
import { api } from '../../../app/api';

export type Lookup = z.infer<typeof AccountantLookup>;
const base = (businessId: string) => `/api/accounts/${encodeURIComponent(businessId)}/accountant`;
export const accountantKey = (businessId: string) => ['accounts', businessId, 'accountant'] as const;

export function useAccountant(businessId: string, enabled = true) {
  return useQuery({
    queryKey: accountantKey(businessId),
    queryFn: () => api.get<AccountantStatus>(base(businessId)),
    enabled,
  });
}

export function useLookupAccountant(businessId: string) {
  return useMutation({
    mutationFn: (email: string) => api.post<Lookup>(`${base(businessId)}/lookup`, { email }),
  });
}

function useAccountantChange<T, R>(businessId: string, fn: (v: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountantKey(businessId) }),
  });
}

/** "Allow access" / "Invite to Docket"; with `replace`, "Invite someone else" (reallocate in one step). */
export function useInviteAccountant(businessId: string) {
  return useAccountantChange(businessId, ({ email, replace }: { email: string; replace: boolean }) =>
    api.post<{ status: 'active' | 'pending' }>(`${base(businessId)}/${replace ? 'reallocate' : 'invite'}`, {
      email,
    }),
  );
}

export function useDisconnectAccountant(businessId: string) {
  return useAccountantChange(businessId, () => api.post<{ ok: true }>(`${base(businessId)}/disconnect`));
}
