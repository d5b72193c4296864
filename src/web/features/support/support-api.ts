import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Mailbox, SupportRequestList } from '../../../shared/contracts/identity';
import { api } from '../../app/api';

export type SupportRequestRow = z.infer<typeof SupportRequestList>['requests'][number];
export type MailboxMessage = z.infer<typeof Mailbox>['messages'][number];

const requestsKey = ['support', 'requests'] as const;

/** Confirmed 2FA reset requests and recent decisions (support agents only). */
export function useSupportRequests() {
  return useQuery({
    queryKey: requestsKey,
    queryFn: () => api.get<z.infer<typeof SupportRequestList>>('/api/support/requests'),
    select: (data) => data.requests,
    refetchInterval: 30_000,
  });
}

export function useDecideRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      api.post<{ ok: true }>(
        `/api/support/requests/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
}

/** The local mailbox: mail Docket would have sent (demo mode without an SMTP relay). */
export function useMailbox() {
  return useQuery({
    queryKey: ['dev', 'mailbox'],
    queryFn: () => api.get<z.infer<typeof Mailbox>>('/api/dev/mailbox'),
    select: (data) => data.messages,
    staleTime: 0,
  });
}
