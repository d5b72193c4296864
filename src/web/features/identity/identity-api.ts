import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SignInRequest, SignUpRequest } from '../../../shared/contracts/identity';
import { api, isSignedOutError } from '../../app/api';
import { meQueryKey } from '../../app/query-client';

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (isSignedOutError(error)) return null;
    throw error;
  }
}

/** The signed-in login and its accounts; `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** Starts afresh with the login the server answered: nothing cached from another login survives. */
function useReplaceLogin() {
  const queryClient = useQueryClient();
  return (me: Me | null) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, me);
  };
}

export function useSignIn() {
  const replaceLogin = useReplaceLogin();
  return useMutation({
    mutationFn: (body: SignInRequest) => api.post<Me>('/api/auth/sign-in', body),
    onSuccess: replaceLogin,
  });
}

export function useSignUp() {
  const replaceLogin = useReplaceLogin();
  return useMutation({
    mutationFn: (body: SignUpRequest) => api.post<Me>('/api/auth/sign-up', body),
    onSuccess: replaceLogin,
  });
}

export function useSignOut() {
  const replaceLogin = useReplaceLogin();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/sign-out'),
    onSuccess: () => {
      replaceLogin(null);
    },
  });
}
