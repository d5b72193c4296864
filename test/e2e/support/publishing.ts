import { setTimeout as sleep } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import type { APIResponse, Page } from 'playwright-core';

/** Setup and read-back for the publishing journeys, through Docket's API and the simulators' /_sim API. */

const CHANGE = { 'x-docket-client': 'web' };
const WAIT_LIMIT_MS = 60_000;

async function json<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Waits until `check` returns a value (not undefined), polling; fails with `what` after a minute. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** A one-page text PDF receipt, like a supplier's emailed receipt. */
export async function receiptPdf(receipt: {
  supplier: string;
  date: Date;
  number: string;
  total: string;
}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const d = receipt.date;
  const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  for (const line of [
    receipt.supplier,
    '1 Market Street, Leeds',
    `Date: ${date}`,
    `Receipt No: ${receipt.number}`,
    `Printer paper ${receipt.total}`,
    `TOTAL GBP ${receipt.total}`,
    'VAT 20% included',
  ])
    doc.text(line);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export interface ItemState {
  id: string;
  status: string;
  statusReason: string | null;
  reviewReasons: { code: string; text: string }[];
  categoryId: string | null;
  date: string | null;
  total: string | null;
}

/** Uploads one PDF (POST /uploads, multipart) and waits until its item leaves the pipeline. */
export async function uploadReceipt(
  page: Page,
  accountId: string,
  name: string,
  pdf: Buffer,
): Promise<ItemState> {
  const uploaded = await json<{ submissions: { id: string }[] }>(
    await page.request.post(`/api/accounts/${accountId}/uploads`, {
      headers: CHANGE,
      multipart: { file: { name, mimeType: 'application/pdf', buffer: pdf } },
    }),
    'POST /uploads',
  );
  const submissionId = uploaded.submissions[0]?.id;
  if (submissionId === undefined) throw new Error('The upload made no submission');
  const itemId = await eventually(`${name} to leave processing`, async () => {
    const { submissions } = await json<{
      submissions: { id: string; state: string; items: { id: string; status: string }[] }[];
    }>(await page.request.get(`/api/accounts/${accountId}/submissions?limit=50`), 'GET /submissions');
    const mine = submissions.find((s) => s.id === submissionId);
    if (mine?.state === 'rejected') throw new Error(`${name} was rejected`);
    const item = mine?.items[0];
    return item !== undefined && !['processing', 'waiting'].includes(item.status) ? item.id : undefined;
  });
  return itemOf(page, accountId, itemId);
}

export async function itemOf(page: Page, accountId: string, itemId: string): Promise<ItemState> {
  return json<ItemState>(await page.request.get(`/api/accounts/${accountId}/items/${itemId}`), 'GET item');
}

interface ListEntry {
  kind: string;
  name: string;
  active: boolean;
  docketId: string | null;
  data: Record<string, unknown>;
}

/** An active expense category imported from the ledger (its Docket id), by name when given. */
export async function importedExpenseCategory(page: Page, accountId: string, name?: string): Promise<string> {
  const { entries } = await json<{ entries: ListEntry[] }>(
    await page.request.get(`/api/accounts/${accountId}/publishing/lists`),
    'GET lists',
  );
  const found = entries.find(
    (e) =>
      e.kind === 'account' &&
      e.active &&
      e.docketId !== null &&
      e.data['kind'] === 'expense' &&
      (name === undefined || e.name === name),
  );
  if (found?.docketId == null) throw new Error(`No imported expense category${name ? ` named ${name}` : ''}`);
  return found.docketId;
}

/** An active purchase tax rate imported from the ledger (its Docket id); QuickBooks needs one on every line. */
export async function importedPurchaseTaxRate(page: Page, accountId: string): Promise<string> {
  const { entries } = await json<{ entries: ListEntry[] }>(
    await page.request.get(`/api/accounts/${accountId}/publishing/lists`),
    'GET lists',
  );
  const found = entries.find(
    (e) => e.kind === 'tax_rate' && e.active && e.docketId !== null && e.data['purchases'] === true,
  );
  if (found?.docketId == null) throw new Error('No imported purchase tax rate');
  return found.docketId;
}

/** Sets fields on an item as a reviewer would (PATCH, recorded in its history). */
export async function editItem(
  page: Page,
  accountId: string,
  itemId: string,
  patch: Record<string, unknown>,
): Promise<ItemState> {
  return json<ItemState>(
    await page.request.patch(`/api/accounts/${accountId}/items/${itemId}`, { headers: CHANGE, data: patch }),
    'PATCH item',
  );
}

export interface PublicationState {
  itemId: string;
  state: 'held' | 'queued' | 'publishing' | 'published' | 'failed';
  ledgerUrl: string | null;
  ledgerDocumentId: string | null;
  attachmentIds: string[];
  error: { code: string; message: string; fix: string } | null;
  problems: { code: string; message: string; fix: string }[];
}

/** Publish through the API, and wait until the publication settles (published, held or failed). */
export async function publishAndSettle(
  page: Page,
  accountId: string,
  itemId: string,
): Promise<PublicationState> {
  const result = await json<{ queued: string[]; skipped: { reason: string }[] }>(
    await page.request.post(`/api/accounts/${accountId}/publications`, {
      headers: CHANGE,
      data: { itemIds: [itemId] },
    }),
    'POST publications',
  );
  if (
    result.queued.length === 0 &&
    result.skipped.length > 0 &&
    !/review|held/i.test(result.skipped[0]?.reason ?? '')
  ) {
    throw new Error(`Not queued: ${result.skipped.map((s) => s.reason).join('; ')}`);
  }
  return eventually(`item ${itemId} to finish publishing`, async () => {
    const { publications } = await json<{ publications: PublicationState[] }>(
      await page.request.get(`/api/accounts/${accountId}/publications?itemId=${itemId}`),
      'GET publications',
    );
    const found = publications[0];
    return found !== undefined && ['published', 'held', 'failed'].includes(found.state) ? found : undefined;
  });
}

/** GET or PATCH on a simulator's admin API (not part of the vendors' APIs). */
export async function simulator<T>(
  origin: string,
  method: 'GET' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${origin}${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Today in UTC as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
