import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemDocuments, items } from '../../db/schema';
import { signUpClient } from '../../../../test/support/app';
import {
  buildCaptureTestApp,
  receiptLines,
  receiptPdf,
  upload,
  type CaptureTestApp,
} from '../../../../test/support/capture';
import { blobStoreFor } from '../../integrations/storage';
import type { Submission } from '../../../shared/contracts/capture';
import { splitSubmission } from './split';

let t: CaptureTestApp;
beforeAll(async () => {
  t = await buildCaptureTestApp({ workers: false });
});
afterAll(async () => {
  await t.close();
});

describe('the split step', () => {
  it('when the split step runs again after a crash, then it creates no item twice and hands the same items on', async () => {
    const a = await signUpClient(t.app);
    const pdf = await receiptPdf([
      receiptLines('One', '01/02/2026', '1.00'),
      receiptLines('Two', '02/02/2026', '2.00'),
    ]);
    const res = await upload(t, a.client, a.accountId, [{ name: 'two.pdf', bytes: pdf }], '?mode=multiple');
    const [sub] = res.json<{ submissions: Submission[] }>().submissions;
    const ports = { db: t.database.db, storage: blobStoreFor(t.config.dataDir), clock: t.clock };
    const once = await splitSubmission(ports, sub?.id ?? '');
    const twice = await splitSubmission(ports, sub?.id ?? '');
    expect(once).toHaveLength(2);
    expect(twice).toEqual(once);
    const rows = await t.database.db.select().from(items).where(eq(items.accountId, a.accountId));
    expect(rows).toHaveLength(2);
    const docs = await t.database.db
      .select()
      .from(itemDocuments)
      .where(eq(itemDocuments.accountId, a.accountId));
    expect(docs).toHaveLength(2);
  });
});
