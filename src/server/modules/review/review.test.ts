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

describe('review of an item', () => {
  it('when a person sets the missing category, then the item moves to Ready and the edit is in its history with who did it', async () => {
    const a = await signUpClient(t.app);
    const id = await intoInbox(t, a, receiptLines('Corner Shop', '15/02/2026', '4.50'));
    const before = await item(a, id);
    expect(before.status).toBe('to_review');
    expect(before.reviewReasons.map((r) => r.code)).toContain('missing_category');
    const cat = await a.client.post(`/api/accounts/${a.accountId}/categories`, {
      name: 'Meals',
      code: '420',
    });
    expect(cat.statusCode).toBe(201);
    const res = await a.client.request('PATCH', `/api/accounts/${a.accountId}/items/${id}`, {
      categoryId: cat.json<{ id: string }>().id,
      description: 'Team lunch',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await item(a, id);
    expect(after.status).toBe('ready');
    expect(
      after.history
        .filter((h) => h.kind === 'edit')
        .map((h) => h.field)
        .sort(),
    ).toEqual(['categoryId', 'description']);
    expect(after.history.every((h) => h.userId !== null)).toBe(true);
    await a.client.post(`/api/accounts/${a.accountId}/items/${id}/notes`, { text: 'Paid by Sam' });
    expect((await item(a, id)).notes.map((n) => n.text)).toEqual(['Paid by Sam']);
  });

  it('when an item is archived, deleted and restored, then it goes to Archive, to Submission history and back', async () => {
    const a = await signUpClient(t.app);
    const id = await intoInbox(t, a, receiptLines('Archive Stores', '16/02/2026', '8.00'));
    const base = `/api/accounts/${a.accountId}/items/${id}`;
    expect((await a.client.post(`${base}/archive`)).json()).toMatchObject({ status: 'archived' });
    const archive = await a.client.get(`/api/accounts/${a.accountId}/items?view=archive`);
    expect(archive.json<{ total: number }>().total).toBe(1);
    expect((await a.client.post(`${base}/unarchive`)).json()).toMatchObject({ status: 'to_review' });
    expect((await a.client.post(`${base}/delete`)).json()).toMatchObject({ status: 'deleted' });
    const history = await a.client.get(`/api/accounts/${a.accountId}/submissions`);
    expect(history.body).toContain('"status":"deleted"');
    expect((await a.client.post(`${base}/restore`)).json()).toMatchObject({ status: 'to_review' });
    expect((await a.client.post(`${base}/restore`)).statusCode).toBe(409);
  });

  it('when an item is moved from Costs to Sales, then it shows in the Sales Inbox', async () => {
    const a = await signUpClient(t.app);
    const id = await intoInbox(t, a, receiptLines('Moving Co', '17/02/2026', '3.30'));
    const res = await a.client.post(`/api/accounts/${a.accountId}/items/${id}/move`, { workspace: 'sales' });
    expect(res.json()).toMatchObject({ workspace: 'sales' });
    const sales = await a.client.get(`/api/accounts/${a.accountId}/items?workspace=sales`);
    expect(sales.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([id]);
  });
});

describe('suppliers, rules and lists', () => {
  it('when two spellings of one supplier arrive, then they match one supplier, and a rule change re-applies to its Inbox items', async () => {
    const a = await signUpClient(t.app);
    const one = await intoInbox(t, a, receiptLines('Greenleaf Grocers Ltd', '18/02/2026', '5.10'));
    const two = await intoInbox(t, a, receiptLines('Greenleaf Grocers', '19/02/2026', '6.20'));
    const [x, y] = [await item(a, one), await item(a, two)];
    expect(x.contact?.id).toBeTruthy();
    expect(y.contact?.id).toBe(x.contact?.id);
    const cat = await a.client.post(`/api/accounts/${a.accountId}/categories`, { name: 'Groceries' });
    const categoryId = cat.json<{ id: string }>().id;
    const res = await a.client.request('PATCH', `/api/accounts/${a.accountId}/contacts/${x.contact?.id}`, {
      categoryId,
      autoPublish: true,
    });
    expect(res.json()).toMatchObject({ reappliedToItems: 2, contact: { autoPublish: true } });
    expect((await item(a, one)).status).toBe('ready');
    expect((await item(a, two)).categoryId).toBe(categoryId);
    const three = await intoInbox(t, a, receiptLines('GREENLEAF GROCERS LTD.', '20/02/2026', '7.30'));
    expect((await item(a, three)).categoryId).toBe(categoryId);
  });

  it('when a payment method has card last 4 digits, then receipts paid with that card get it', async () => {
    const a = await signUpClient(t.app);
    const pm = await a.client.post(`/api/accounts/${a.accountId}/payment-methods`, {
      name: 'Company Visa',
      cardLast4: '4242',
    });
    expect(pm.statusCode).toBe(201);
    const id = await intoInbox(t, a, receiptLines('Card Cafe', '21/02/2026', '2.75'));
    expect((await item(a, id)).paymentMethodId).toBe(pm.json<{ id: string }>().id);
  });

  it('when categories are imported from CSV, then names and codes are created or updated and bad lines reported', async () => {
    const a = await signUpClient(t.app);
    await a.client.post(`/api/accounts/${a.accountId}/categories`, { name: 'Travel' });
    const res = await a.client.post(`/api/accounts/${a.accountId}/categories/import`, {
      csv: 'name,code\nTravel,493\n"Office, supplies",429\n,999\n',
    });
    expect(res.json()).toEqual({ created: 1, updated: 1, errors: ['Line 4: the name is empty.'] });
    const list = await a.client.get(`/api/accounts/${a.accountId}/categories`);
    const cats = list.json<{ categories: { id: string; name: string; code: string }[] }>().categories;
    expect(cats.map((c) => `${c.name}:${c.code}`)).toEqual(['Office, supplies:429', 'Travel:493']);
    const hidden = await a.client.request('PATCH', `/api/accounts/${a.accountId}/categories/${cats[0]?.id}`, {
      visible: false,
    });
    expect(hidden.json()).toMatchObject({ visible: false });
    const rate = await a.client.post(`/api/accounts/${a.accountId}/tax-rates`, {
      workspace: 'costs',
      name: 'Standard',
      rate: '20',
    });
    expect(rate.statusCode).toBe(201);
  });
});
