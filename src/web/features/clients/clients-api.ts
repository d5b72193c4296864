import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddClientRequest,
  AddClientResult,
  ClientList,
  ClientListQuery,
  PracticeCodesCsvResult,
  RemovalOptions,
  UpdateClientRequest,
} from '../../../shared/contracts/clients';
import type { AccountDetails, UserSummary } from '../../../shared/contracts/identity';
import { api } from '../../app/api';

export type ClientSortKey = NonNullable<ClientListQuery['sort']>;
/** The list's search, filters, sort and page, as the server takes them. */
export interface ClientFilters {
  search?: string | undefined;
  status: NonNullable<ClientListQuery['status']>;
  payer?: 'client' | 'practice' | undefined;
  accountManagerUserId?: string | undefined;
  sort: ClientSortKey;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}
export type AddClientInput = z.input<typeof AddClientRequest>;
export type ClientUpdate = z.input<typeof UpdateClientRequest>;
export type PracticeCodesResult = z.infer<typeof PracticeCodesCsvResult>;

const enc = encodeURIComponent;
const practiceBase = (practiceId: string) => `/api/accounts/${enc(practiceId)}`;
const clientBase = (practiceId: string, clientId: string) =>
  `${practiceBase(practiceId)}/clients/${enc(clientId)}`;

/** The list's query string: the same filters serve the page and the CSV export. */
export function clientQueryString(filters: Partial<ClientFilters>, withPaging: boolean): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    if (!withPaging && (key === 'page' || key === 'pageSize')) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

export const clientsKey = (practiceId: string) => ['accounts', practiceId, 'clients'] as const;

/** One page of the practice's clients (the server searches, filters, sorts and pages). */
export function useClientList(practiceId: string, filters: ClientFilters) {
  return useQuery({
    queryKey: [...clientsKey(practiceId), 'list', filters],
    queryFn: () =>
      api.get<ClientList>(`${practiceBase(practiceId)}/clients?${clientQueryString(filters, true)}`),
    placeholderData: keepPreviousData,
  });
}

export function clientsCsvUrl(practiceId: string, filters: Partial<ClientFilters>): string {
  return `${practiceBase(practiceId)}/clients.csv?${clientQueryString(filters, false)}`;
}

/** Any account's users: the practice's colleagues, or a client's users (practice staff act as Admin there). */
export function useUsersOf(accountId: string) {
  return useQuery({
    queryKey: ['accounts', accountId, 'users'],
    queryFn: () => api.get<{ users: UserSummary[] }>(`/api/accounts/${enc(accountId)}/users`),
    select: (data) => data.users,
  });
}

/** The client account itself; a 404 means the practice no longer reaches it. */
export function useClientAccount(clientId: string) {
  return useQuery({
    queryKey: ['accounts', clientId],
    queryFn: () => api.get<AccountDetails>(`/api/accounts/${enc(clientId)}`),
  });
}

function useInvalidateClients(practiceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: clientsKey(practiceId) });
}

export function useAddClient(practiceId: string) {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (input: AddClientInput) =>
      api.post<z.infer<typeof AddClientResult>>(`${practiceBase(practiceId)}/clients`, input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateClient(practiceId: string) {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: ({ clientId, change }: { clientId: string; change: ClientUpdate }) =>
      api.patch<{ ok: true }>(clientBase(practiceId, clientId), change),
    onSuccess: () => invalidate(),
  });
}

export function useUploadPracticeCodes(practiceId: string) {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (csv: string) =>
      api.post<PracticeCodesResult>(`${practiceBase(practiceId)}/clients/practice-codes`, { csv }),
    onSuccess: () => invalidate(),
  });
}

export function useRemovalOptions(practiceId: string, clientId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...clientsKey(practiceId), clientId, 'removal'],
    queryFn: () => api.get<RemovalOptions>(`${clientBase(practiceId, clientId)}/removal`),
    enabled,
    staleTime: 0,
  });
}

export type RemovalAction = 'disconnect' | 'deactivate' | 'reactivate' | 'delete';

export interface RemovalInput {
  clientId: string;
  action: RemovalAction;
  body?: { ownerUserId?: string; confirmName?: string };
}

/** Disconnect, Deactivate, Reactivate or Delete a client. */
export function useRemoveClient(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ clientId, action, body }: RemovalInput) =>
      api.post<unknown>(`${clientBase(practiceId, clientId)}/${action}`, body ?? {}),
    onSuccess: async (_result, { clientId, action }) => {
      if (action === 'disconnect' || action === 'delete') {
        queryClient.removeQueries({ queryKey: ['accounts', clientId] });
      }
      await queryClient.invalidateQueries({ queryKey: clientsKey(practiceId) });
    },
  });
}
