import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, captureSettings } from '../../db/schema';
import { signUpClient } from '../../../../test/support/app';
import {
  buildCaptureTestApp,
  eventually,
  receiptLines,
  receiptPdf,
  upload,
  type CaptureTestApp,
} from '../../../../test/support/capture';
import { intoInbox, item, type Signed } from '../../../../test/support/review';
import { LIMIT_REASON } from '../capture';

let t: CaptureTestApp;
beforeAll(async () => {
  t = await buildCaptureTestApp();
});
afterAll(async () => {
  await t.close();
});

const list = async (a: Signed, query: string) => {
  const res = await a.client.get(`/api/accounts/${a.accountId}/items?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string; total: string; contact: { name: string } }[]; total: number }>();
};

describe('Inbox search, bulk actions and export', () => {
  it('when the Inbox is searched by supplier, dates, amounts and free text, then only matching items come back, sorted and paged', async () => {
    const a = await signUpClient(t.app);
    const cheap = await intoInbox(
      t,
      a,
      receiptLines('Harbour Fish Bar', '01/01/2026', '5.00', ['Haddock and chips']),
    );
    const dear = await intoInbox(
      t,
      a,
      receiptLines('Mountain Outfitters', '15/01/2026', '250.00', ['Waterproof jacket']),
    );
    const mid = await intoInbox(t, a, receiptLines('Harbour Chandlery', '31/01/2026', '40.00', ['Rope']));
    expect((await list(a, 'supplier=harbour')).items.map((i) => i.id).sort()).toEqual([cheap, mid].sort());
    expect((await list(a, 'dateFrom=2026-01-10&dateTo=2026-01-20')).items.map((i) => i.id)).toEqual([dear]);
    expect((await list(a, 'amountMin=10&amountMax=100')).items.map((i) => i.id)).toEqual([mid]);
    expect((await list(a, 'q=waterproof')).items.map((i) => i.id)).toEqual([dear]);
    expect((await list(a, 'q=hadd')).items.map((i) => i.id)).toEqual([cheap]);
    expect((await list(a, 'sort=total&order=asc')).items.map((i) => i.total)).toEqual([
      '5.00',
      '40.00',
      '250.00',
    ]);
    const page = await list(a, 'sort=total&order=desc&limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, items: [{ id: mid }] });
    const csv = await a.client.get(
      `/api/accounts/${a.accountId}/items.csv?supplier=harbour&sort=total&order=asc`,
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Harbour Fish Bar');
  });

  it('when bulk actions run, then every selected item changes, and an item of another account makes the whole request 404', async () => {
    const a = await signUpClient(t.app);
    const b = await signUpClient(t.app);
    const one = await intoInbox(t, a, receiptLines('Bulk One', '02/01/2026', '1.00'));
    const two = await intoInbox(t, a, receiptLines('Bulk Two', '03/01/2026', '2.00'));
    const foreign = await intoInbox(t, b, receiptLines('Foreign', '04/01/2026', '3.00'));
    const cat = (await a.client.post(`/api/accounts/${a.accountId}/categories`, { name: 'Sundries' })).json<{
      id: string;
    }>().id;
    const url = `/api/accounts/${a.accountId}/items/bulk`;
    expect((await a.client.post(url, { ids: [one, foreign], action: 'archive' })).statusCode).toBe(404);
    expect(
      (await a.client.post(url, { ids: [one, two], action: 'set_category', categoryId: cat })).json(),
    ).toEqual({ updated: 2 });
    expect((await item(a, two)).status).toBe('ready');
    expect((await a.client.post(url, { ids: [one, two], action: 'archive' })).json()).toEqual({ updated: 2 });
    expect((await list(a, 'view=archive')).total).toBe(2);
    expect((await item(b, foreign)).status).toBe('to_review');
  });
});

describe('waiting items', () => {
  it('when the account is deactivated or over its monthly limit, then items wait unextracted with the reason, and go on when it clears', async () => {
    const a = await signUpClient(t.app);
    const db = t.database.db;
    await db.update(accounts).set({ deactivatedAt: t.clock.now() }).where(eq(accounts.id, a.accountId));
    await upload(t, a.client, a.accountId, [
      { name: 'w.pdf', bytes: await receiptPdf([receiptLines('Waiting Co', '05/01/2026', '1.50')]) },
    ]);
    const processing = async () => {
      const res = await a.client.get(`/api/accounts/${a.accountId}/processing`);
      return res.json<{ entries: { status: string; reason: string | null; stepLabel: string }[] }>().entries;
    };
    const waiting = await eventually(async () =>
      (await processing())[0]?.status === 'waiting' ? processing() : null,
    );
    expect(waiting[0]?.reason).toMatch(/deactivated/);
    await db.update(accounts).set({ deactivatedAt: null }).where(eq(accounts.id, a.accountId));
    await t.pipeline.recover();
    await eventually(async () => (await list(a, '')).total === 1);
    expect(await processing()).toEqual([]);

    // Over the monthly extraction limit (one document extracted this month, limit 1).
    await db.insert(captureSettings).values({ accountId: a.accountId, extractionLimit: 1 });
    await upload(t, a.client, a.accountId, [
      { name: 'w2.pdf', bytes: await receiptPdf([receiptLines('Waiting Co', '06/01/2026', '2.50')]) },
    ]);
    const limited = await eventually(async () =>
      (await processing())[0]?.status === 'waiting' ? processing() : null,
    );
    expect(limited[0]?.reason).toBe(LIMIT_REASON);
    await db
      .update(captureSettings)
      .set({ extractionLimit: 100 })
      .where(eq(captureSettings.accountId, a.accountId));
    await t.pipeline.recover();
    await eventually(async () => (await list(a, '')).total === 2);
    expect(await processing()).toEqual([]);
  });
});
