import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../shared/contracts/capture';
import { signUpClient } from '../../../../test/support/app';
import {
  buildCaptureTestApp,
  eventually,
  receiptLines,
  receiptPdf,
  type CaptureTestApp,
} from '../../../../test/support/capture';
import { blobStoreFor } from '../../integrations/storage';
import { createLogger } from '../../lib/logger';
import { startSmtp, type SmtpHandle } from '../../smtp';

let t: CaptureTestApp;
let smtp: SmtpHandle;
let small: SmtpHandle;
beforeAll(async () => {
  t = await buildCaptureTestApp();
  const common = {
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('silent'),
    mailDomain: 'in.docket.test',
    db: t.database.db,
    queue: t.queue,
    storage: blobStoreFor(t.config.dataDir),
  };
  smtp = await startSmtp(common);
  small = await startSmtp({ ...common, maxBytes: 40 * 1024 });
});
afterAll(async () => {
  await smtp.close();
  await small.close();
  await t.close();
});

const send = (port: number, message: SendMailOptions) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
    .sendMail({ from: 'Sam <sam@example.com>', ...message });

interface Address {
  id: string;
  userId: string | null;
  workspace: string;
  mode: string;
  address: string;
  localPart: string;
}

async function addresses(a: Awaited<ReturnType<typeof signUpClient>>) {
  const res = await a.client.get(`/api/accounts/${a.accountId}/email-addresses`);
  expect(res.statusCode).toBe(200);
  return res.json<{ addresses: Address[] }>().addresses;
}

const find = (list: Address[], user: boolean, workspace: string, mode: string) => {
  const found = list.find(
    (x) => (x.userId !== null) === user && x.workspace === workspace && x.mode === mode,
  );
  if (!found) throw new Error('address missing');
  return found;
};

async function me(a: Awaited<ReturnType<typeof signUpClient>>) {
  const res = await a.client.get(`/api/accounts/${a.accountId}/users`);
  return res.json<{ users: { id: string }[] }>().users[0]?.id;
}

describe('Extract by Email', () => {
  it("when a PDF is emailed to a user's Costs address, then it becomes an Inbox item owned by that user and the email shows in Submission history", async () => {
    const a = await signUpClient(t.app);
    const list = await addresses(a);
    expect(list).toHaveLength(8);
    const mine = find(list, true, 'costs', 'single');
    expect(mine.address).toMatch(/@in\.docket\.test$/);
    const pdf = await receiptPdf([receiptLines('Mailed Supplies Ltd', '10/02/2026', '12.00')]);
    await send(smtp.port, {
      to: mine.address,
      subject: 'My receipt',
      text: 'see attached',
      attachments: [{ filename: 'r.pdf', content: Buffer.from(pdf) }],
    });
    const items = await eventually(async () => {
      const res = await a.client.get(`/api/accounts/${a.accountId}/items`);
      const l = res.json<{ items: { ownerUserId: string | null; total: string }[] }>().items;
      return l.length === 1 ? l : null;
    });
    expect(items[0]).toMatchObject({ ownerUserId: await me(a), total: '12.00' });
    const history = await a.client.get(`/api/accounts/${a.accountId}/submissions`);
    const [email] = history.json<{ submissions: Submission[] }>().submissions;
    expect(email).toMatchObject({
      channel: 'email',
      kind: 'email',
      state: 'container',
      emailSubject: 'My receipt',
    });
    expect(email?.parts[0]).toMatchObject({ fileName: 'r.pdf', state: 'split' });
  });

  it('when an email has no attachment, then its HTML body becomes the document and its links are not followed', async () => {
    const a = await signUpClient(t.app);
    const address = find(await addresses(a), false, 'costs', 'single');
    const html =
      '<html><body><p>Online Shop Ltd</p><p>Order date 11/02/2026</p><p>Total GBP 19.99</p><a href="http://127.0.0.1:1/never">invoice</a></body></html>';
    await send(smtp.port, { to: address.address, subject: 'Your order', html });
    const history = await eventually(async () => {
      const res = await a.client.get(`/api/accounts/${a.accountId}/submissions`);
      const [email] = res.json<{ submissions: Submission[] }>().submissions;
      return email?.parts[0]?.items[0] ? email : null;
    });
    expect(history.parts[0]).toMatchObject({ fileName: 'email-body.html', kind: 'html' });
  });

  it('when mail is sent to an unknown address, then the server refuses the recipient with 550', async () => {
    await expect(
      send(smtp.port, { to: 'nobody-here@in.docket.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      send(smtp.port, { to: 'someone@elsewhere.example', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('when a message is larger than the limit, then it is refused with 552 and a clear reply', async () => {
    const a = await signUpClient(t.app);
    const address = find(await addresses(a), false, 'costs', 'single');
    const big = Buffer.alloc(80 * 1024, 7);
    const error = await send(small.port, {
      to: address.address,
      subject: 'big',
      attachments: [{ filename: 'big.pdf', content: big }],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ responseCode: 552 });
    expect((error as { response?: string }).response).toMatch(/Docket accepts emails up to/);
  });

  it("when a local part is changed to one already used, then the answer is exactly 'Email already in use. Please choose another one.'", async () => {
    const a = await signUpClient(t.app);
    const b = await signUpClient(t.app);
    const aAddr = find(await addresses(a), true, 'costs', 'single');
    const bAddr = find(await addresses(b), true, 'costs', 'single');
    const taken = await b.client.request(
      'PATCH',
      `/api/accounts/${b.accountId}/email-addresses/${bAddr.id}`,
      { localPart: aAddr.localPart.toUpperCase() },
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { message: string } }>().error.message).toBe(
      'Email already in use. Please choose another one.',
    );
    const fine = await b.client.request('PATCH', `/api/accounts/${b.accountId}/email-addresses/${bAddr.id}`, {
      localPart: `bob-receipts-${Date.now()}`,
    });
    expect(fine.statusCode).toBe(200);
    const other = await a.client.request(
      'PATCH',
      `/api/accounts/${b.accountId}/email-addresses/${bAddr.id}`,
      { localPart: 'stolen-one' },
    );
    expect(other.statusCode).toBe(404);
  });

  it('when a two-page PDF is sent to a multiple-mode Sales address, then each page becomes a Sales item', async () => {
    const a = await signUpClient(t.app);
    const address = find(await addresses(a), false, 'sales', 'multiple');
    const pdf = await receiptPdf([
      receiptLines('Customer One', '12/02/2026', '100.00'),
      receiptLines('Customer Two', '13/02/2026', '200.00'),
    ]);
    await send(smtp.port, {
      to: address.address,
      subject: 'Invoices',
      attachments: [{ filename: 'inv.pdf', content: Buffer.from(pdf) }],
    });
    await eventually(async () => {
      const res = await a.client.get(`/api/accounts/${a.accountId}/items?workspace=sales`);
      return res.json<{ items: unknown[] }>().items.length === 2;
    });
  });
});
