import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isSignedOutError } from './api';

/** The key of the signed-in login (`Me`, or null when signed out). */
export const meQueryKey = ['me'] as const;

function shouldRetry(failureCount: number, error: unknown): boolean {
  // People's mistakes (4xx) do not get better by asking again; network blips and 5xx may.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * One query client for the app. A 401 from any call means the session ended: the cached login
 * becomes null and the session guard sends the person to sign in.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSignedOutError(error)) client.setQueryData(meQueryKey, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSignedOutError(error)) client.setQueryData(meQueryKey, null);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
