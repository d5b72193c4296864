import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AddUserResult, InvitationList, Role } from '../../../shared/contracts/identity';
import { api } from '../../app/api';

export type AddUserOutcome = z.infer<typeof AddUserResult>['outcome'];
export type InvitationRow = z.infer<typeof InvitationList>['invitations'][number];

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  loginAccess: boolean;
}

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

function useUsersChange<TVariables, TResult>(accountId: string, fn: (v: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'users'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'invitations'] });
    },
  });
}

/** Adds a user: links an existing login, emails an invitation, or adds one without login access. */
export function useAddUser(accountId: string) {
  return useUsersChange(accountId, (body: NewUser) =>
    api.post<z.infer<typeof AddUserResult>>(`${base(accountId)}/users`, body),
  );
}

/** Gives login access to a user who has none yet (an invitation by email). */
export function useInviteUser(accountId: string) {
  return useUsersChange(accountId, (userId: string) =>
    api.post<{ ok: true }>(`${base(accountId)}/users/${encodeURIComponent(userId)}/invite`),
  );
}

export function useRevokeInvitation(accountId: string) {
  return useUsersChange(accountId, (invitationId: string) =>
    api.delete<{ ok: true }>(`${base(accountId)}/invitations/${encodeURIComponent(invitationId)}`),
  );
}

export function useInvitations(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['accounts', accountId, 'invitations'],
    queryFn: () => api.get<z.infer<typeof InvitationList>>(`${base(accountId)}/invitations`),
    select: (data) => data.invitations,
    enabled,
  });
}
