import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Ok as OkSchema } from '../../../shared/contracts/common';
import type {
  ConnectionsPage,
  ConnectStart,
  LedgerLists,
  PaymentMethodLink,
  PaymentMethodLinks,
  PublicationList,
  PublicationView,
  PublishingSettings,
  PublishResult,
  Software,
} from '../../../shared/contracts/publishing';
import type { CategoryList, ContactList, PaymentMethodList } from '../../../shared/contracts/review';
import { api, ApiError } from '../../app/api';

type Ok = z.infer<typeof OkSchema>;
export type Connections = z.infer<typeof ConnectionsPage>;
export type Connection = NonNullable<Connections['connection']>;
export type SoftwareOption = Connections['software'][number];
export type Lists = z.infer<typeof LedgerLists>;
export type ListEntry = Lists['entries'][number];
export type ListKind = ListEntry['kind'];
export type PaymentLink = z.infer<typeof PaymentMethodLink>;
export type PaymentLinks = z.infer<typeof PaymentMethodLinks>;
export type Publication = PublicationView;
export type PublishOutcome = z.infer<typeof PublishResult>;
export type { PublishingSettings, Software };

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

/** Everything publishing caches for an account; any change refreshes all of it. */
export const publishingKey = (accountId: string) => ['accounts', accountId, 'publishing'] as const;
const itemsKey = (accountId: string) => ['accounts', accountId, 'items'] as const;

export function isSoftware(id: string): id is Software {
  return id === 'xero' || id === 'quickbooks';
}

/** "Xero" or "QuickBooks", for "Open in …" and the error catalogue titles. */
export function vendorName(software: Software): string {
  return software === 'xero' ? 'Xero' : 'QuickBooks';
}

export function useConnections(accountId: string) {
  return useQuery({
    queryKey: [...publishingKey(accountId), 'connections'],
    queryFn: () => api.get<Connections>(`${base(accountId)}/connections`),
  });
}

/** Connect or Reconnect: asks Docket for the software's consent page, then opens it in this tab. */
export function useStartConnect(accountId: string) {
  return useMutation({
    mutationFn: (software: Software) =>
      api.post<z.infer<typeof ConnectStart>>(
        `${base(accountId)}/connections/${encodeURIComponent(software)}/connect`,
      ),
    onSuccess: ({ authorizeUrl }) => {
      window.location.assign(authorizeUrl);
    },
  });
}

function usePublishingChange<T, R>(accountId: string, fn: (value: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: publishingKey(accountId) }),
        queryClient.invalidateQueries({ queryKey: itemsKey(accountId) }),
      ]);
    },
  });
}

export function useRefreshLists(accountId: string) {
  return usePublishingChange(accountId, () => api.post<Ok>(`${base(accountId)}/connections/refresh-lists`));
}

export function useDisconnect(accountId: string) {
  return usePublishingChange(accountId, () => api.post<Ok>(`${base(accountId)}/connections/disconnect`));
}

export function useLedgerLists(accountId: string, enabled = true) {
  return useQuery({
    queryKey: [...publishingKey(accountId), 'lists'],
    queryFn: () => api.get<Lists>(`${base(accountId)}/publishing/lists`),
    enabled,
  });
}

export function usePublishingSettings(accountId: string) {
  return useQuery({
    queryKey: [...publishingKey(accountId), 'settings'],
    queryFn: () => api.get<PublishingSettings>(`${base(accountId)}/publishing/settings`),
  });
}

export function useSavePublishingSettings(accountId: string) {
  return usePublishingChange(accountId, (settings: PublishingSettings) =>
    api.put<PublishingSettings>(`${base(accountId)}/publishing/settings`, settings),
  );
}

export function usePaymentMethodLinks(accountId: string) {
  return useQuery({
    queryKey: [...publishingKey(accountId), 'payment-method-links'],
    queryFn: () => api.get<PaymentLinks>(`${base(accountId)}/publishing/payment-methods`),
  });
}

export function useSavePaymentMethodLink(accountId: string) {
  return usePublishingChange(
    accountId,
    ({ paymentMethodId, ...link }: PaymentLink & { paymentMethodId: string }) =>
      api.put<Ok>(
        `${base(accountId)}/publishing/payment-methods/${encodeURIComponent(paymentMethodId)}`,
        link,
      ),
  );
}

/** Docket's own lists the settings refer to (review owns them; publishing only reads them here). */
export function usePaymentMethods(accountId: string) {
  return useQuery({
    queryKey: [...publishingKey(accountId), 'docket-payment-methods'],
    queryFn: () => api.get<z.infer<typeof PaymentMethodList>>(`${base(accountId)}/payment-methods`),
    select: (data) => data.paymentMethods,
  });
}

export function useCategories(accountId: string) {
  return useQuery({
    queryKey: [...publishingKey(accountId), 'docket-categories'],
    queryFn: () => api.get<z.infer<typeof CategoryList>>(`${base(accountId)}/categories`),
    select: (data) => data.categories,
  });
}

export function useSuppliers(accountId: string) {
  return useQuery({
    queryKey: [...publishingKey(accountId), 'docket-suppliers'],
    queryFn: () => api.get<z.infer<typeof ContactList>>(`${base(accountId)}/contacts?kind=supplier`),
    select: (data) => data.contacts,
  });
}

const ACTIVE_STATES: readonly Publication['state'][] = ['queued', 'publishing'];

/**
 * Publishing state of some items, or of every item of the account when `itemIds` is undefined.
 * Polls every second while one of them is queued or being published.
 */
export function usePublications(accountId: string, itemIds?: readonly string[]) {
  const search =
    itemIds === undefined ? '' : `?${itemIds.map((id) => `itemId=${encodeURIComponent(id)}`).join('&')}`;
  return useQuery({
    queryKey: [...publishingKey(accountId), 'publications', itemIds ?? 'all'],
    queryFn: () => api.get<z.infer<typeof PublicationList>>(`${base(accountId)}/publications${search}`),
    select: (data) => data.publications,
    enabled: itemIds === undefined || itemIds.length > 0,
    refetchInterval: (query) =>
      (query.state.data?.publications ?? []).some((p) => ACTIVE_STATES.includes(p.state)) ? 1000 : false,
  });
}

/** Publish: queues each item at most once; the answer says which were skipped and why. */
export function usePublish(accountId: string) {
  return usePublishingChange(accountId, (itemIds: readonly string[]) =>
    api.post<PublishOutcome>(`${base(accountId)}/publications`, { itemIds }),
  );
}

/** Archive > Unarchive with "Clear publishing data": the item can be published again on purpose. */
export function useClearPublishing(accountId: string) {
  return usePublishingChange(accountId, (itemId: string) =>
    api.post<z.infer<typeof PublicationList>>(
      `${base(accountId)}/publications/${encodeURIComponent(itemId)}/clear`,
    ),
  );
}

/** Export to CSV (clients without accounting software); archives the items unless told not to. */
export function useExportCsv(accountId: string) {
  return usePublishingChange(
    accountId,
    async ({ itemIds, archive }: { itemIds: readonly string[]; archive: boolean }) => {
      const response = await fetch(`${base(accountId)}/publishing/export`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-docket-client': 'web', accept: 'text/csv' },
        body: JSON.stringify({ itemIds, archive }),
      });
      if (!response.ok) throw await exportError(response);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'docket-export.csv';
      link.click();
      URL.revokeObjectURL(url);
      return { exported: itemIds.length };
    },
  );
}

async function exportError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error: unknown = typeof body === 'object' && body !== null && 'error' in body ? body.error : null;
  const message =
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
      ? error.message
      : `The export failed (${response.status}).`;
  return new ApiError(response.status, 'export', message);
}
