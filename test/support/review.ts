import type { Submission } from '../../src/shared/contracts/capture';
import type { signUpClient } from './app';
import { eventually, receiptPdf, upload, type CaptureTestApp } from './capture';

export type Signed = Awaited<ReturnType<typeof signUpClient>>;

/** Uploads a text PDF with these lines and waits until its item has left the pipeline; returns the item id. */
export async function intoInbox(t: CaptureTestApp, a: Signed, lines: string[], query = ''): Promise<string> {
  const res = await upload(
    t,
    a.client,
    a.accountId,
    [{ name: `doc-${Math.random().toString(16).slice(2)}.pdf`, bytes: await receiptPdf([lines]) }],
    query,
  );
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  const id = res.json<{ submissions: Submission[] }>().submissions[0]?.id;
  return eventually(async () => {
    const h = await a.client.get(
      `/api/accounts/${a.accountId}/submissions?limit=200${query.includes('sales') ? '&workspace=sales' : ''}`,
    );
    const sub = h.json<{ submissions: Submission[] }>().submissions.find((s) => s.id === id);
    const item = sub?.items[0];
    return item && !['processing', 'waiting'].includes(item.status) ? item.id : null;
  });
}

export interface ItemView {
  id: string;
  status: string;
  reviewReasons: { code: string; text: string }[];
  contact: { id: string | null; name: string } | null;
  categoryId: string | null;
  total: string | null;
  date: string | null;
  duplicateOfItemId: string | null;
  ownerUserId: string | null;
  workspace: string;
}

export async function item(
  a: Signed,
  id: string,
): Promise<
  ItemView & {
    history: { kind: string; field: string | null; userId: string | null }[];
    notes: { text: string }[];
    paymentMethodId: string | null;
    documents: unknown[];
  }
> {
  const res = await a.client.get(`/api/accounts/${a.accountId}/items/${id}`);
  if (res.statusCode !== 200) throw new Error(`item failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
