import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpClient } from '../../../../test/support/app';
import { buildCaptureTestApp, receiptLines, type CaptureTestApp } from '../../../../test/support/capture';
import { intoInbox, item } from '../../../../test/support/review';
import { resolveScope } from '../access';
import { getItem, listItems } from './items.repo';
import { listCategories, listContacts, updateCategory, updateContact } from './lists';
import { ItemQuery } from '../../../shared/contracts/review';

let t: CaptureTestApp;
beforeAll(async () => {
  t = await buildCaptureTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('cross-account isolation of capture and review', () => {
  it("when one account calls every review and list route with another account's ids, then each answers 404 and leaks nothing", async () => {
    const a = await signUpClient(t.app, 'business', 'Owner Ltd');
    const b = await signUpClient(t.app, 'business', 'Intruder Ltd');
    const id = await intoInbox(t, a, receiptLines('Private Supplier', '07/01/2026', '11.00'));
    const contactId = (await item(a, id)).contact?.id ?? '';
    const cat = (await a.client.post(`/api/accounts/${a.accountId}/categories`, { name: 'Hidden' })).json<{
      id: string;
    }>().id;
    const addr =
      (await a.client.get(`/api/accounts/${a.accountId}/email-addresses`)).json<{
        addresses: { id: string }[];
      }>().addresses[0]?.id ?? '';
    const own = `/api/accounts/${b.accountId}`;
    const theirs = `/api/accounts/${a.accountId}`;
    const calls: [string, string, unknown?][] = [
      ['GET', `${theirs}/items`],
      ['GET', `${theirs}/contacts`],
      ['GET', `${theirs}/categories`],
      ['GET', `${theirs}/email-addresses`],
      ['GET', `${own}/items/${id}`],
      ['PATCH', `${own}/items/${id}`, { description: 'x' }],
      ['POST', `${own}/items/${id}/archive`],
      ['POST', `${own}/items/${id}/delete`],
      ['POST', `${own}/items/${id}/notes`, { text: 'x' }],
      ['POST', `${own}/items/${id}/move`, { workspace: 'sales' }],
      ['POST', `${own}/items/${id}/split`],
      ['POST', `${own}/items/merge`, { ids: [id, crypto.randomUUID()] }],
      ['PATCH', `${own}/contacts/${contactId}`, { categoryId: null }],
      ['PATCH', `${own}/categories/${cat}`, { visible: false }],
      ['PATCH', `${own}/email-addresses/${addr}`, { localPart: 'taken-over' }],
    ];
    for (const [method, url, body] of calls) {
      const res = await b.client.request(method as 'GET', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain('Private Supplier');
      expect(res.body).not.toContain('Hidden');
    }
    const file = (await item(a, id)).documents as { url: string; sha256: string }[];
    expect((await b.client.get(`${own}/files/${file[0]?.sha256}`)).statusCode).toBe(404);
    const after = await item(a, id);
    expect(after).toMatchObject({ status: 'to_review', workspace: 'costs' });
    expect(after.notes).toEqual([]);
  });

  it("when repo functions get another account's scope, then they neither read nor write the first account's rows", async () => {
    const a = await signUpClient(t.app);
    const b = await signUpClient(t.app);
    const id = await intoInbox(t, a, receiptLines('Scoped Supplier', '08/01/2026', '12.00'));
    const contactId = (await item(a, id)).contact?.id ?? '';
    const cat = (await a.client.post(`/api/accounts/${a.accountId}/categories`, { name: 'Only A' })).json<{
      id: string;
    }>().id;
    const scopeB = await resolveScope(t.database.db, b.loginId, b.accountId);
    await expect(getItem(t.database.db, scopeB, id)).rejects.toThrow(/No such item/);
    expect((await listItems(t.database.db, scopeB, ItemQuery.parse({}), 'GBP')).total).toBe(0);
    expect(await listContacts(t.database.db, scopeB, 'supplier')).toEqual([]);
    expect(await listCategories(t.database.db, scopeB)).toEqual([]);
    await expect(
      updateContact(t.database.db, scopeB, contactId, { name: 'Renamed' }, t.clock),
    ).rejects.toThrow(/No such supplier/);
    await expect(updateCategory(t.database.db, scopeB, cat, { visible: false })).rejects.toThrow(
      /No such category/,
    );
    const scopeA = await resolveScope(t.database.db, a.loginId, a.accountId);
    expect((await listContacts(t.database.db, scopeA, 'supplier')).map((c) => c.name)).toEqual([
      'Scoped Supplier',
    ]);
  });
});
