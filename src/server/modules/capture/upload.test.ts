import { zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../shared/contracts/capture';
import { signUpClient } from '../../../../test/support/app';
import {
  buildCaptureTestApp,
  eventually,
  receiptLines,
  receiptPdf,
  upload,
  type CaptureTestApp,
} from '../../../../test/support/capture';

let t: CaptureTestApp;
beforeAll(async () => {
  t = await buildCaptureTestApp();
});
afterAll(async () => {
  await t.close();
});

async function itemsOf(client: Awaited<ReturnType<typeof signUpClient>>, view = 'inbox') {
  const res = await client.client.get(`/api/accounts/${client.accountId}/items?view=${view}`);
  expect(res.statusCode).toBe(200);
  return res.json<{
    items: {
      id: string;
      status: string;
      contact: { name: string } | null;
      total: string | null;
      date: string | null;
    }[];
  }>().items;
}

describe('upload', () => {
  it('when a text PDF receipt is uploaded, then it goes through Processing to the Inbox with its fields read', async () => {
    const a = await signUpClient(t.app);
    const pdf = await receiptPdf([receiptLines('Blue Bottle Cafe', '14/02/2026', '7.80')]);
    const res = await upload(t, a.client, a.accountId, [{ name: 'receipt.pdf', bytes: pdf }]);
    expect(res.statusCode, res.body).toBe(201);
    const [sub] = res.json<{ submissions: Submission[] }>().submissions;
    expect(sub).toMatchObject({ state: 'received', kind: 'pdf', fileName: 'receipt.pdf' });
    const [item] = await eventually(async () => {
      const list = await itemsOf(a);
      return list.length === 1 ? list : null;
    });
    expect(item?.total).toBe('7.80');
    expect(item?.date).toBe('2026-02-14');
    expect(item?.contact?.name).toMatch(/Blue Bottle/);
    const detail = await a.client.get(`/api/accounts/${a.accountId}/items/${item?.id}`);
    expect(detail.json()).toMatchObject({ documents: [{ kind: 'pdf', pageCount: 1 }] });
    expect(Object.keys(detail.json<{ confidence: object }>().confidence).length).toBeGreaterThan(0);
    const file = await a.client.get(detail.json<{ documents: { url: string }[] }>().documents[0]?.url ?? '');
    expect(file.statusCode).toBe(200);
    expect(Buffer.from(file.rawPayload).equals(Buffer.from(pdf))).toBe(true);
  });

  it('when the same file is uploaded twice, then the second is recognised as identical and makes no item', async () => {
    const a = await signUpClient(t.app);
    const pdf = await receiptPdf([receiptLines('Twice Ltd', '01/02/2026', '3.00')]);
    await upload(t, a.client, a.accountId, [{ name: 'one.pdf', bytes: pdf }]);
    const second = await upload(t, a.client, a.accountId, [{ name: 'again.pdf', bytes: pdf }]);
    const [sub] = second.json<{ submissions: Submission[] }>().submissions;
    expect(sub?.state).toBe('identical');
    expect(sub?.reason).toMatch(/Identical to one\.pdf/);
    await eventually(async () => (await itemsOf(a)).length === 1);
    const history = await a.client.get(`/api/accounts/${a.accountId}/submissions`);
    expect(history.json<{ total: number }>().total).toBe(2);
  });

  it('when a ZIP of receipts is uploaded, then each file becomes one item', async () => {
    const a = await signUpClient(t.app);
    const zip = zipSync({
      'a.pdf': await receiptPdf([receiptLines('Alpha Stores', '02/02/2026', '1.10')]),
      'b.pdf': await receiptPdf([receiptLines('Beta Stores', '03/02/2026', '2.20')]),
      'notes.txt': new TextEncoder().encode('hello'),
    });
    const res = await upload(t, a.client, a.accountId, [{ name: 'batch.zip', bytes: zip }]);
    const [sub] = res.json<{ submissions: Submission[] }>().submissions;
    expect(sub?.state).toBe('container');
    expect(sub?.parts.map((p) => p.state).sort()).toEqual(['received', 'received', 'rejected']);
    expect(sub?.parts.find((p) => p.state === 'rejected')?.reason).toMatch(
      /notes\.txt is an unknown type file/,
    );
    await eventually(async () => (await itemsOf(a)).length === 2);
  });

  it('when a PDF is uploaded one document per page, then each page becomes an item', async () => {
    const a = await signUpClient(t.app);
    const pdf = await receiptPdf([
      receiptLines('Page One Shop', '04/02/2026', '4.00'),
      receiptLines('Page Two Shop', '05/02/2026', '5.00'),
      receiptLines('Page Three Shop', '06/02/2026', '6.00'),
    ]);
    await upload(t, a.client, a.accountId, [{ name: 'pages.pdf', bytes: pdf }], '?mode=multiple');
    const list = await eventually(async () => {
      const l = await itemsOf(a);
      return l.length === 3 ? l : null;
    });
    expect(list.map((i) => i.total).sort()).toEqual(['4.00', '5.00', '6.00']);
  });

  it('when files cannot be read, then each is in Submission history with a reason a person understands', async () => {
    const a = await signUpClient(t.app);
    const encrypted = await PDFDocument.create();
    encrypted.addPage();
    const broken = new TextEncoder().encode('%PDF-1.4 this is not really a pdf');
    const tooMany = zipSync(
      Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}.txt`, new Uint8Array([65])])),
    );
    const heic = new Uint8Array([
      0,
      0,
      0,
      24,
      ...new TextEncoder().encode('ftypheic'),
      0,
      0,
      0,
      0,
      ...new TextEncoder().encode('mif1heic'),
    ]);
    const res = await upload(t, a.client, a.accountId, [
      { name: 'empty.pdf', bytes: new Uint8Array(0) },
      { name: 'program.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]) },
      { name: 'broken.pdf', bytes: broken },
      { name: 'bomb.zip', bytes: tooMany },
      { name: 'photo.heic', bytes: heic },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const subs = res.json<{ submissions: Submission[] }>().submissions;
    const reasons = Object.fromEntries(subs.map((s) => [s.fileName, `${s.state}: ${s.reason ?? ''}`]));
    expect(reasons['empty.pdf']).toMatch(/rejected: empty\.pdf is empty/);
    expect(reasons['program.exe']).toMatch(/rejected: .*Docket reads PDF/);
    expect(reasons['broken.pdf']).toMatch(/rejected: .*damaged/);
    expect(reasons['bomb.zip']).toMatch(/rejected: The ZIP holds more than 200 files/);
    const history = await eventually(async () => {
      const h = await a.client.get(`/api/accounts/${a.accountId}/submissions`);
      const heicRow = h
        .json<{ submissions: Submission[] }>()
        .submissions.find((s) => s.fileName === 'photo.heic');
      return heicRow?.state === 'rejected' ? heicRow : null;
    });
    expect(history.reason).toMatch(/HEIC/);
  });

  it('when another account asks for these routes, then it gets 404 and nothing of the first account', async () => {
    const a = await signUpClient(t.app);
    const b = await signUpClient(t.app);
    const pdf = await receiptPdf([receiptLines('Secret Supplier', '07/02/2026', '9.99')]);
    await upload(t, a.client, a.accountId, [{ name: 'secret.pdf', bytes: pdf }]);
    const [item] = await eventually(async () => {
      const l = await itemsOf(a);
      return l.length ? l : null;
    });
    for (const path of [
      `/api/accounts/${a.accountId}/submissions`,
      `/api/accounts/${a.accountId}/processing`,
      `/api/accounts/${a.accountId}/items/${item?.id}`,
    ]) {
      const res = await b.client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('secret.pdf');
    }
    expect((await b.client.get(`/api/accounts/${b.accountId}/items/${item?.id}`)).statusCode).toBe(404);
    const blocked = await upload(t, b.client, a.accountId, [{ name: 'x.pdf', bytes: pdf }]);
    expect(blocked.statusCode).toBe(404);
  });
});
