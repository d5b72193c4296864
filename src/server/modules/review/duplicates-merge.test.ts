import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpClient } from '../../../../test/support/app';
import { buildCaptureTestApp, receiptLines, type CaptureTestApp } from '../../../../test/support/capture';
import { intoInbox, item } from '../../../../test/support/review';

let t: CaptureTestApp;
beforeAll(async () => {
  t = await buildCaptureTestApp();
});
afterAll(async () => {
  await t.close();
});

const same = (extra: string) => receiptLines('Duplicate Diner', '22/02/2026', '9.40', [extra]);

describe('duplicates', () => {
  it('when a second receipt matches supplier, date, total and owner in Review mode, then it is flagged and can be resolved either way', async () => {
    const a = await signUpClient(t.app);
    const first = await intoInbox(t, a, same('Table 1'));
    const second = await intoInbox(t, a, same('Table 2'));
    const flagged = await item(a, second);
    expect(flagged.duplicateOfItemId).toBe(first);
    expect(flagged.reviewReasons.map((r) => r.code)).toContain('suspected_duplicate');
    const filtered = await a.client.get(`/api/accounts/${a.accountId}/items?duplicates=true`);
    expect(filtered.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([second]);
    const different = await a.client.post(`/api/accounts/${a.accountId}/items/${second}/duplicate`, {
      decision: 'different',
    });
    expect(different.json()).toMatchObject({ duplicateOfItemId: null });
    const third = await intoInbox(t, a, same('Table 3'));
    expect((await item(a, third)).duplicateOfItemId).toBe(first);
    const removed = await a.client.post(`/api/accounts/${a.accountId}/items/${third}/duplicate`, {
      decision: 'same',
    });
    expect(removed.json()).toMatchObject({ status: 'duplicate' });
    const restored = await a.client.post(`/api/accounts/${a.accountId}/items/${third}/restore`);
    expect(restored.json()).toMatchObject({ duplicateOfItemId: null });
  });

  it('when the mode is Automatic, then a duplicate is removed to Submission history, and an archived original still counts', async () => {
    const a = await signUpClient(t.app);
    const mode = await a.client.request('PATCH', `/api/accounts/${a.accountId}/capture-settings`, {
      duplicateMode: 'automatic',
    });
    expect(mode.json()).toMatchObject({ duplicateMode: 'automatic' });
    const first = await intoInbox(t, a, same('A'));
    await a.client.post(`/api/accounts/${a.accountId}/items/${first}/archive`);
    const second = await intoInbox(t, a, same('B'));
    expect((await item(a, second)).status).toBe('duplicate');
    const inbox = await a.client.get(`/api/accounts/${a.accountId}/items`);
    expect(inbox.json<{ total: number }>().total).toBe(0);
    expect((await a.client.post(`/api/accounts/${a.accountId}/items/${second}/restore`)).statusCode).toBe(
      200,
    );
  });

  it('when the supplier says Off, then the account mode is overridden and nothing is flagged', async () => {
    const a = await signUpClient(t.app);
    const first = await intoInbox(t, a, same('X'));
    const contactId = (await item(a, first)).contact?.id;
    await a.client.request('PATCH', `/api/accounts/${a.accountId}/contacts/${contactId}`, {
      duplicateMode: 'off',
    });
    const second = await intoInbox(t, a, same('Y'));
    expect((await item(a, second)).duplicateOfItemId).toBeNull();
  });
});

describe('merge and split', () => {
  it('when items with different totals are merged, then the warnings come first, and after confirming the merged item keeps every page and can be undone', async () => {
    const a = await signUpClient(t.app);
    const one = await intoInbox(t, a, receiptLines('Merge Mart', '23/02/2026', '1.00'));
    const two = await intoInbox(t, a, receiptLines('Merge Mart', '23/02/2026', '2.00'));
    const url = `/api/accounts/${a.accountId}/items/merge`;
    const warned = await a.client.post(url, { ids: [one, two] });
    expect(warned.json()).toEqual({ item: null, warnings: ['The totals differ.'] });
    const merged = await a.client.post(url, { ids: [one, two], confirm: true });
    const mergedId = merged.json<{ item: { id: string } }>().item.id;
    expect((await item(a, mergedId)).documents).toHaveLength(2);
    expect((await item(a, one)).status).toBe('merged');
    const undo = await a.client.post(`/api/accounts/${a.accountId}/items/${mergedId}/unmerge`);
    expect(undo.json<{ items: { status: string }[] }>().items.map((i) => i.status)).toEqual([
      'to_review',
      'to_review',
    ]);
    expect((await a.client.get(`/api/accounts/${a.accountId}/items/${mergedId}`)).statusCode).toBe(404);
  });

  it('when an item is split, then a second item shares its document and links to the original', async () => {
    const a = await signUpClient(t.app);
    const id = await intoInbox(t, a, receiptLines('Split Supplies', '24/02/2026', '10.00'));
    const res = await a.client.post(`/api/accounts/${a.accountId}/items/${id}/split`);
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json<{ created: { id: string; total: string | null } }>().created;
    expect(created.total).toBeNull();
    const detail = await item(a, created.id);
    expect(detail.documents).toEqual((await item(a, id)).documents);
    expect(detail).toMatchObject({ splitFromItemId: id, contact: { name: 'Split Supplies' } });
  });
});
