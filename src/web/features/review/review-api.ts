import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BulkAction,
  BulkResult,
  CaptureSettings,
  Category,
  CategoryList,
  Contact,
  ContactList,
  ContactRules,
  ContactUpdate,
  ImportResult,
  ListSource as ListSourceSchema,
  ItemDetail as ItemDetailSchema,
  ItemList as ItemListSchema,
  ItemPatch,
  ItemQuery,
  ItemSummary,
  MergeResult,
  PaymentMethod,
  PaymentMethodList,
  SplitResult,
  TaxRate,
  TaxRateList,
} from '../../../shared/contracts/review';
import type { Workspace } from '../../app/paths';
import { api } from '../../app/api';

export type ItemDetail = z.infer<typeof ItemDetailSchema>;
export type ItemList = z.infer<typeof ItemListSchema>;
export type ItemEvent = ItemDetail['history'][number];
export type ItemDocument = ItemDetail['documents'][number];
export type ContactRow = z.infer<typeof Contact>;
export type ContactRulesBody = z.input<typeof ContactRules>;
export type CategoryRow = z.infer<typeof Category>;
export type TaxRateRow = z.infer<typeof TaxRate>;
export type PaymentMethodRow = z.infer<typeof PaymentMethod>;
export type BulkBody = z.input<typeof BulkAction>;
export type ListSource = z.infer<typeof ListSourceSchema>;
export type TrackingList = ListSource['tracking'][number];
export type TrackingPick = ItemDetail['tracking'][number];
export type { ItemPatch, ItemSummary };

type Query = z.output<typeof ItemQuery>;
/** The list filters the Inbox, Archive and search send (the server's ItemQuery, all optional). */
export type ItemFilters = { [K in keyof Query]?: Query[K] | undefined };

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

/** Query string of defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export const itemsKey = (accountId: string) => ['accounts', accountId, 'items'] as const;
export const itemKey = (accountId: string, itemId: string) =>
  ['accounts', accountId, 'items', 'one', itemId] as const;

export function useItems(accountId: string, filters: ItemFilters, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: [...itemsKey(accountId), 'list', filters],
    queryFn: () => api.get<ItemList>(`${base(accountId)}/items${queryString(filters)}`),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** The CSV export of a list: same filters, without paging. */
export function itemsCsvUrl(accountId: string, filters: ItemFilters): string {
  const { limit: _limit, offset: _offset, ...rest } = filters;
  return `${base(accountId)}/items.csv${queryString(rest)}`;
}

export function useItem(accountId: string, itemId: string) {
  return useQuery({
    queryKey: itemKey(accountId, itemId),
    queryFn: () => api.get<ItemDetail>(`${base(accountId)}/items/${encodeURIComponent(itemId)}`),
  });
}

/** Any change to items: the lists, the item pages, Processing and Submission history are read again. */
export function useItemsChange<TVariables, TResult>(
  accountId: string,
  fn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: itemsKey(accountId) }),
        queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'submissions'] }),
        queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'processing'] }),
      ]);
    },
  });
}

const itemPath = (accountId: string, itemId: string) =>
  `${base(accountId)}/items/${encodeURIComponent(itemId)}`;

export function useEditItem(accountId: string, itemId: string) {
  return useItemsChange(accountId, (patch: ItemPatch) =>
    api.patch<ItemDetail>(itemPath(accountId, itemId), patch),
  );
}

export function useAddNote(accountId: string, itemId: string) {
  return useItemsChange(accountId, (text: string) =>
    api.post<{ ok: true }>(`${itemPath(accountId, itemId)}/notes`, { text }),
  );
}

export type StatusAction = 'archive' | 'unarchive' | 'delete' | 'restore';

export function useItemStatus(accountId: string) {
  return useItemsChange(accountId, ({ itemId, action }: { itemId: string; action: StatusAction }) =>
    api.post<ItemSummary>(`${itemPath(accountId, itemId)}/${action}`),
  );
}

/** Move to Ready / Move to review by hand (businesses without accounting software). */
export function useManualStatus(accountId: string) {
  return useItemsChange(accountId, ({ itemId, status }: { itemId: string; status: 'ready' | 'to_review' }) =>
    api.post<ItemSummary>(`${itemPath(accountId, itemId)}/${status === 'ready' ? 'ready' : 'to-review'}`),
  );
}

export function useMoveItem(accountId: string, itemId: string) {
  return useItemsChange(accountId, (workspace: Workspace) =>
    api.post<ItemSummary>(`${itemPath(accountId, itemId)}/move`, { workspace }),
  );
}

export function useResolveDuplicate(accountId: string, itemId: string) {
  return useItemsChange(accountId, (decision: 'same' | 'different') =>
    api.post<ItemSummary>(`${itemPath(accountId, itemId)}/duplicate`, { decision }),
  );
}

export function useBulkAction(accountId: string) {
  return useItemsChange(accountId, (body: BulkBody) =>
    api.post<z.infer<typeof BulkResult>>(`${base(accountId)}/items/bulk`, body),
  );
}

export function useMerge(accountId: string) {
  return useItemsChange(accountId, (body: { ids: string[]; confirm: boolean }) =>
    api.post<z.infer<typeof MergeResult>>(`${base(accountId)}/items/merge`, body),
  );
}

export function useUnmerge(accountId: string) {
  return useItemsChange(accountId, (itemId: string) =>
    api.post<{ items: ItemSummary[] }>(`${itemPath(accountId, itemId)}/unmerge`),
  );
}

export function useSplit(accountId: string) {
  return useItemsChange(accountId, (itemId: string) =>
    api.post<z.infer<typeof SplitResult>>(`${itemPath(accountId, itemId)}/split`),
  );
}

/* Suppliers and customers */

export type ContactKind = 'supplier' | 'customer';
const contactsKey = (accountId: string, kind: ContactKind) => ['accounts', accountId, 'contacts', kind];

export function useContacts(accountId: string, kind: ContactKind) {
  return useQuery({
    queryKey: contactsKey(accountId, kind),
    queryFn: () => api.get<z.infer<typeof ContactList>>(`${base(accountId)}/contacts?kind=${kind}`),
    select: (data) => data.contacts,
  });
}

export function useSaveContact(accountId: string, kind: ContactKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, rules }: { id: string | null; rules: ContactRulesBody }) =>
      id === null
        ? api
            .post<ContactRow>(`${base(accountId)}/contacts`, { ...rules, kind })
            .then((contact) => ({ contact, reappliedToItems: 0 }))
        : api.patch<z.infer<typeof ContactUpdate>>(
            `${base(accountId)}/contacts/${encodeURIComponent(id)}`,
            rules,
          ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contactsKey(accountId, kind) }),
        queryClient.invalidateQueries({ queryKey: itemsKey(accountId) }),
      ]);
    },
  });
}

/* Lists */

const listKey = (accountId: string, list: string) => ['accounts', accountId, 'lists', list];

export function useCategories(accountId: string) {
  return useQuery({
    queryKey: listKey(accountId, 'categories'),
    queryFn: () => api.get<z.infer<typeof CategoryList>>(`${base(accountId)}/categories`),
    select: (data) => data.categories,
  });
}

export function useTaxRates(accountId: string) {
  return useQuery({
    queryKey: listKey(accountId, 'tax-rates'),
    queryFn: () => api.get<z.infer<typeof TaxRateList>>(`${base(accountId)}/tax-rates`),
    select: (data) => data.taxRates,
  });
}

export function usePaymentMethods(accountId: string) {
  return useQuery({
    queryKey: listKey(accountId, 'payment-methods'),
    queryFn: () => api.get<z.infer<typeof PaymentMethodList>>(`${base(accountId)}/payment-methods`),
    select: (data) => data.paymentMethods,
  });
}

function useListChange<TVariables, TResult>(
  accountId: string,
  list: string,
  fn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(accountId, list) }),
  });
}

export function useAddCategory(accountId: string) {
  return useListChange(accountId, 'categories', (body: { name: string; code: string | null }) =>
    api.post<CategoryRow>(`${base(accountId)}/categories`, body),
  );
}

export function useUpdateCategory(accountId: string) {
  return useListChange(
    accountId,
    'categories',
    ({ id, ...patch }: { id: string; visible?: boolean; name?: string; code?: string | null }) =>
      api.patch<CategoryRow>(`${base(accountId)}/categories/${encodeURIComponent(id)}`, patch),
  );
}

export function useDeleteCategory(accountId: string) {
  return useListChange(accountId, 'categories', (id: string) =>
    api.delete<{ ok: true }>(`${base(accountId)}/categories/${encodeURIComponent(id)}`),
  );
}

/** Where the lists come from: the connected accounting software (read-only lists) and its tracking lists. */
export function useListSource(accountId: string) {
  return useQuery({
    queryKey: listKey(accountId, 'source'),
    queryFn: () => api.get<ListSource>(`${base(accountId)}/list-source`),
  });
}

export function useImportCategories(accountId: string) {
  return useListChange(accountId, 'categories', (csv: string) =>
    api.post<z.infer<typeof ImportResult>>(`${base(accountId)}/categories/import`, { csv }),
  );
}

export function useAddTaxRate(accountId: string) {
  return useListChange(
    accountId,
    'tax-rates',
    (body: { workspace: Workspace; name: string; code: string | null; rate: string }) =>
      api.post<TaxRateRow>(`${base(accountId)}/tax-rates`, body),
  );
}

export function useUpdateTaxRate(accountId: string) {
  return useListChange(
    accountId,
    'tax-rates',
    ({ id, ...patch }: { id: string; name?: string; code?: string | null; rate?: string }) =>
      api.patch<TaxRateRow>(`${base(accountId)}/tax-rates/${encodeURIComponent(id)}`, patch),
  );
}

export function useDeleteTaxRate(accountId: string) {
  return useListChange(accountId, 'tax-rates', (id: string) =>
    api.delete<{ ok: true }>(`${base(accountId)}/tax-rates/${encodeURIComponent(id)}`),
  );
}

export function useUpdatePaymentMethod(accountId: string) {
  return useListChange(
    accountId,
    'payment-methods',
    ({ id, ...patch }: { id: string; name?: string; cardLast4?: string | null }) =>
      api.patch<PaymentMethodRow>(`${base(accountId)}/payment-methods/${encodeURIComponent(id)}`, patch),
  );
}

export function useDeletePaymentMethod(accountId: string) {
  return useListChange(accountId, 'payment-methods', (id: string) =>
    api.delete<{ ok: true }>(`${base(accountId)}/payment-methods/${encodeURIComponent(id)}`),
  );
}

export function useAddPaymentMethod(accountId: string) {
  return useListChange(accountId, 'payment-methods', (body: { name: string; cardLast4: string | null }) =>
    api.post<PaymentMethodRow>(`${base(accountId)}/payment-methods`, body),
  );
}

export function useCaptureSettings(accountId: string) {
  return useQuery({
    queryKey: listKey(accountId, 'capture-settings'),
    queryFn: () => api.get<z.infer<typeof CaptureSettings>>(`${base(accountId)}/capture-settings`),
  });
}

export function useUpdateCaptureSettings(accountId: string) {
  return useListChange(
    accountId,
    'capture-settings',
    (body: { duplicateMode: 'automatic' | 'review' | 'off' }) =>
      api.patch<z.infer<typeof CaptureSettings>>(`${base(accountId)}/capture-settings`, body),
  );
}
