import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AuditList,
  BackupCodes,
  InvitationInfo,
  MergePreview as MergePreviewSchema,
  Me,
  SecurityOverview,
  SignInRequest,
  SignUpRequest,
  TotpSetup as TotpSetupSchema,
} from '../../../shared/contracts/identity';
import { api, isSignedOutError } from '../../app/api';
import { meQueryKey } from '../../app/query-client';

export type TotpSetup = z.infer<typeof TotpSetupSchema>;
export type MergePreview = z.infer<typeof MergePreviewSchema>;
export type AuditEvent = z.infer<typeof AuditList>['events'][number];
export type Invitation = z.infer<typeof InvitationInfo>;
type BackupCodeList = z.infer<typeof BackupCodes>;

/** The answer of requests the server accepts for later (202), e.g. a reset link on its way. */
export interface Accepted {
  ok: true;
  message: string;
}

const securityKey = ['me', 'security'] as const;
const auditKey = ['me', 'audit'] as const;

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
    queryClient.removeQueries({ queryKey: securityKey });
    queryClient.removeQueries({ queryKey: auditKey });
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

export type ChallengeAnswer = { code: string } | { backupCode: string };

/** The sign-in challenge: an authenticator code or a backup code, after the password. */
export function useAnswerChallenge() {
  const replaceLogin = useReplaceLogin();
  return useMutation({
    mutationFn: (body: ChallengeAnswer & { trustDevice: boolean }) => api.post<Me>('/api/auth/2fa', body),
    onSuccess: replaceLogin,
  });
}

/** Starts setting up (or changing) the authenticator app: a new key and its QR code. */
export function useBeginTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/api/me/2fa/setup') });
}

/** Confirms the authenticator with its first code; answers the 12 backup codes, shown once. */
export function useConfirmTotpSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<BackupCodeList>('/api/me/2fa/confirm', { code }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: securityKey });
      void queryClient.invalidateQueries({ queryKey: auditKey });
    },
  });
}

export function useSecurity() {
  return useQuery({
    queryKey: securityKey,
    queryFn: () => api.get<SecurityOverview>('/api/me/security'),
  });
}

export function useSecurityEvents() {
  return useQuery({
    queryKey: auditKey,
    queryFn: () => api.get<z.infer<typeof AuditList>>('/api/me/audit'),
    select: (data) => data.events,
  });
}

/** A change in User settings > Security: afterwards the overview and the events are read again. */
function useSecurityChange<TVariables, TResult>(fn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: securityKey });
      void queryClient.invalidateQueries({ queryKey: auditKey });
    },
  });
}

export function useDisableTwoFactor() {
  return useSecurityChange((password: string) => api.post<{ ok: true }>('/api/me/2fa/disable', { password }));
}

export function useNewBackupCodes() {
  return useSecurityChange((password: string) =>
    api.post<BackupCodeList>('/api/me/2fa/backup-codes', { password }),
  );
}

export function useEndSession() {
  return useSecurityChange((sessionId: string) =>
    api.delete<{ ok: true }>(`/api/me/sessions/${encodeURIComponent(sessionId)}`),
  );
}

export function useSignOutEverywhere() {
  const replaceLogin = useReplaceLogin();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/me/sessions/sign-out-everywhere'),
    onSuccess: () => {
      replaceLogin(null);
    },
  });
}

export function useForgetDevice() {
  return useSecurityChange((deviceId: string) =>
    api.delete<{ ok: true }>(`/api/me/trusted-devices/${encodeURIComponent(deviceId)}`),
  );
}

export function useChangePassword() {
  return useSecurityChange((body: { currentPassword: string; newPassword: string }) =>
    api.put<{ ok: true }>('/api/me/password', body),
  );
}

export function useChangeEmail() {
  return useSecurityChange((body: { newEmail: string; password: string }) =>
    api.post<{ ok: true }>('/api/me/email', body),
  );
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => api.post<{ ok: true }>('/api/me/verify-email/resend') });
}

export function useMergePreview() {
  return useMutation({
    mutationFn: (body: { email: string; password: string; code?: string }) =>
      api.post<MergePreview>('/api/me/merge/preview', body),
  });
}

export function useMergeConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mergeToken: string) => api.post<Me>('/api/me/merge/confirm', { mergeToken }),
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      void queryClient.invalidateQueries({ queryKey: auditKey });
    },
  });
}

/** The pages emailed links open: each sends its token once. */
export function useTokenAction(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<{ ok: true }>(path, { token }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post<Accepted>('/api/auth/password-reset', { email }),
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api.post<{ ok: true }>('/api/auth/password-reset/complete', body),
  });
}

export function useAskSupport() {
  return useMutation({
    mutationFn: (body: { email: string; message?: string }) =>
      api.post<Accepted>('/api/auth/support/2fa-reset', body),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitations', token],
    queryFn: () => api.get<Invitation>(`/api/invitations/${encodeURIComponent(token)}`),
    enabled: token !== '',
    staleTime: Infinity,
  });
}

export function useAcceptInvitation(token: string) {
  const replaceLogin = useReplaceLogin();
  return useMutation({
    mutationFn: (body: { name: string; password: string }) =>
      api.post<Me>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: replaceLogin,
  });
}

/** Reads the login again (after a change the server made to the session, e.g. finishing 2FA setup). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meQueryKey });
}
