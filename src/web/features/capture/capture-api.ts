import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EmailAddress,
  EmailAddresses,
  Processing,
  Submission,
  SubmissionHistory,
  UploadResult,
} from '../../../shared/contracts/capture';
import type { ErrorBody } from '../../../shared/contracts/common';
import { api, ApiError } from '../../app/api';
import type { Workspace } from '../../app/paths';

export type { Submission };
export type ProcessingEntry = z.infer<typeof Processing>['entries'][number];
export type EmailAddressRow = z.infer<typeof EmailAddress>;
export type CaptureMode = 'single' | 'multiple';

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

export function useSubmissions(accountId: string, workspace: Workspace, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['accounts', accountId, 'submissions', workspace, page, pageSize],
    queryFn: () =>
      api.get<z.infer<typeof SubmissionHistory>>(
        `${base(accountId)}/submissions?workspace=${workspace}&limit=${pageSize}&offset=${page * pageSize}`,
      ),
    refetchInterval: 5_000,
  });
}

/** What is being read right now; asked again every 2 seconds while the page is open. */
export function useProcessing(accountId: string, workspace: Workspace) {
  return useQuery({
    queryKey: ['accounts', accountId, 'processing', workspace],
    queryFn: () =>
      api.get<z.infer<typeof Processing>>(`${base(accountId)}/processing?workspace=${workspace}`),
    select: (data) => data.entries,
    refetchInterval: 2_000,
  });
}

export function useEmailAddresses(accountId: string) {
  return useQuery({
    queryKey: ['accounts', accountId, 'email-addresses'],
    queryFn: () => api.get<z.infer<typeof EmailAddresses>>(`${base(accountId)}/email-addresses`),
    select: (data) => data.addresses,
  });
}

export function useUpdateEmailAddress(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, localPart }: { id: string; localPart: string }) =>
      api.patch<EmailAddressRow>(`${base(accountId)}/email-addresses/${encodeURIComponent(id)}`, {
        localPart,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'email-addresses'] }),
  });
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof value.error === 'object' &&
    value.error !== null &&
    'message' in value.error
  );
}

export interface UploadOptions {
  workspace: Workspace;
  mode: CaptureMode;
  ownerUserId: string | null;
  files: File[];
}

/** Sends files as multipart/form-data (the JSON helper cannot), with the header the CSRF guard wants. */
async function upload(accountId: string, options: UploadOptions) {
  const form = new FormData();
  for (const file of options.files) form.append('file', file, file.name);
  const params = new URLSearchParams({ workspace: options.workspace, mode: options.mode });
  if (options.ownerUserId !== null) params.set('ownerUserId', options.ownerUserId);
  let response: Response;
  try {
    response = await fetch(`${base(accountId)}/uploads?${params.toString()}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-docket-client': 'web' },
    });
  } catch {
    throw new ApiError(0, 'network', 'Docket could not be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      const { code, message, fields, requestId } = body.error;
      throw new ApiError(response.status, code, message, fields ?? {}, requestId);
    }
    throw new ApiError(response.status, 'unexpected', `The upload failed (status ${response.status}).`);
  }
  return body as z.infer<typeof UploadResult>;
}

export function useUpload(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (options: UploadOptions) => upload(accountId, options),
    onSuccess: async () => {
      await Promise.all(
        ['submissions', 'processing', 'items'].map((key) =>
          queryClient.invalidateQueries({ queryKey: ['accounts', accountId, key] }),
        ),
      );
    },
  });
}
