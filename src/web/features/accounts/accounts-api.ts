import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountDetails, Me, UserSummary } from '../../../shared/contracts/identity';
import { api } from '../../app/api';
import { meQueryKey } from '../../app/query-client';

export function useAccount(accountId: string) {
  return useQuery({
    queryKey: ['accounts', accountId],
    queryFn: () => api.get<AccountDetails>(`/api/accounts/${encodeURIComponent(accountId)}`),
  });
}

export function useAccountUsers(accountId: string) {
  return useQuery({
    queryKey: ['accounts', accountId, 'users'],
    queryFn: () => api.get<{ users: UserSummary[] }>(`/api/accounts/${encodeURIComponent(accountId)}/users`),
    select: (data) => data.users,
  });
}

/** Makes `accountId` the account this session works in (the account switcher). */
export function useSwitchAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.put<Me>('/api/me/current-account', { accountId }),
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
