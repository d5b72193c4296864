import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingDataMessage, sharedDataPath } from '../../../../test/support/shared-data';
import { closeExtraction, extractDocument } from './index';
import { runExtractCommand } from './extract-command';

const sroie = sharedDataPath('sroie-train');
const i2d = sharedDataPath('invoice2data', 'compare');

afterAll(async () => {
  await closeExtraction();
});

describe.skipIf(!sroie)(sroie ? 'SROIE receipts' : missingDataMessage('sroie-train'), () => {
  const dir = sroie ?? '';

  it('when a SROIE words file is read, then company, address, date and total match the key', async () => {
    const bytes = await readFile(join(dir, 'box', 'X00016469622.txt'));
    const r = await extractDocument({ bytes, fileName: 'X00016469622.txt' }, { words: true, country: 'MY' });
    expect(r.source).toBe('words');
    expect(r.supplier.name).toBe('YONGFATT ENTERPRISE');
    expect(r.date).toBe('2018-12-25');
    expect(r.total).toBe('80.90');
    expect(r.currency).toBe('MYR');
  });

  it('when a SROIE scan is OCRed, then the date and supplier are read from the photo', async () => {
    const bytes = await readFile(join(dir, 'img', 'X00016469612.jpg'));
    const r = await extractDocument({ bytes, fileName: 'X00016469612.jpg' }, { country: 'MY' });
    expect(r.source).toBe('ocr');
    expect(r.date).toBe('2018-12-25');
    expect(r.supplier.name ?? '').toMatch(/TAMAN DAYA/);
    expect(r.locations.date?.page).toBe(1);
  });
});

describe.skipIf(!i2d)(i2d ? 'invoice2data invoices' : missingDataMessage('invoice2data'), () => {
  const dir = i2d ?? '';

  it('when the AWS PDF is read, then its number, date and total come from the text layer', async () => {
    const bytes = await readFile(join(dir, 'AmazonWebServices.pdf'));
    const r = await extractDocument({ bytes, fileName: 'AmazonWebServices.pdf' }, {});
    expect(r.source).toBe('pdf-text');
    expect([r.invoiceNumber, r.date, r.total, r.currency]).toEqual(['42183017', '2014-08-03', '4.11', 'USD']);
  });

  it('when the extract command reads two invoices as JSON, then it prints an array with the contract fields', async () => {
    let out = '';
    let err = '';
    const code = await runExtractCommand(
      [join(dir, 'free_fiber.pdf'), join(dir, 'missing.pdf'), join(dir, 'NetpresseInvoice.pdf'), '--json'],
      { out: (t) => (out += t), err: (t) => (err += t) },
    );
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/missing\.pdf: file not found$/)]);
    const parsed = JSON.parse(out) as { total: string; date: string; supplier: { name: string } }[];
    expect(parsed.map((p) => [p.date, p.total])).toEqual([
      ['2015-07-02', '29.99'],
      ['2022-11-28', '56.02'],
    ]);
  });

  it('when the issuer is named only by a marketplace, a department header or a pictured footer, then it is found', async () => {
    const read = async (name: string) =>
      (await extractDocument({ bytes: await readFile(join(dir, name)), fileName: name }, {})).supplier;
    // "Ordered Through : Flipkart.com" beside the third-party seller.
    expect((await read('FlipkartInvoice.pdf')).name).toBe('Flipkart');
    // "Free Service Abonné" in the header, free.fr on the page: the brand, not the department.
    expect((await read('free_fiber.pdf')).name).toBe('Free');
    // The company block is a picture at the foot of a text PDF: read by OCR.
    const saeco = await read('saeco.pdf');
    expect(saeco.name).toBe('e-Luscious Nederland B.V.');
    expect(saeco.taxId).toBe('NL8152.54.295.B01');
  });
});
