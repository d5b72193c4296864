import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeExtraction, extractDocument } from './index';
import { pageImageBoxes, readPdfText } from './pdf-text';

afterAll(async () => {
  await closeExtraction();
});

/** A picture of some lines of text (as a letterhead pasted into a word processor). */
async function textPicture(lines: string[]): Promise<Buffer> {
  const text = lines
    .map(
      (l, i) =>
        `<text x="20" y="${48 + i * 44}" font-family="DejaVu Sans, sans-serif" font-size="30">${l}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${40 + lines.length * 44}"><rect width="100%" height="100%" fill="#ffffff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** An A4 invoice whose text layer has the customer and totals; `picture` is placed at the foot. */
async function invoicePdf(header: string[], picture: Buffer): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(11);
  for (const line of [
    ...header,
    'Invoice address',
    'Strategic Corp',
    'Fakestreet 46',
    '3500 MJ Utrecht',
    '',
    'Invoice number: VF1005193039',
    'Invoice date: 08-09-2022',
    'Maintenance kit 49.99',
    'Invoice total EUR 49.99',
    'Your VAT number: NL003335996B98',
  ])
    doc.text(line);
  doc.image(picture, 50, 650, { width: 450 });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('text in the images of a text PDF', () => {
  const company = ['Kestrel Retail B.V.', 'Badweg 48, 8401 BL Gorredijk', 'BTW-nr: NL815254295B01'];

  it('when images are painted on a page, then their boxes are found in page points', async () => {
    const bytes = await invoicePdf([], await textPicture(company));
    const pdf = await readPdfText(bytes);
    try {
      const boxes = await pageImageBoxes(pdf.doc, 1);
      expect(boxes).toHaveLength(1);
      const [x0, y0, x1] = boxes[0] ?? [0, 0, 0, 0];
      expect(x0).toBeCloseTo(50, 0);
      expect(y0).toBeCloseTo(650, 0);
      expect(x1).toBeCloseTo(500, 0);
    } finally {
      await pdf.doc.destroy();
    }
  });

  it('when the text layer names no supplier, then the company block in an image is read by OCR', async () => {
    const bytes = await invoicePdf([], await textPicture(company));
    const r = await extractDocument({ bytes, fileName: 'hybrid.pdf' }, {});
    expect(r.source).toBe('pdf-text');
    expect(r.supplier.name).toBe('Kestrel Retail B.V.');
    // The customer's own VAT number in the text layer is not the supplier's.
    expect(r.supplier.taxId).toBe('NL815254295B01');
    expect(r.total).toBe('49.99');
    expect(r.warnings).toContain('Some text on page 1 is inside images and was read by OCR.');
    expect(r.locations.supplierName?.box[1] ?? 0).toBeGreaterThan(640);
  });

  it('when the text layer names the supplier, then images are not read', async () => {
    const bytes = await invoicePdf(
      ['Nordwind Trading Ltd', '1 Harbour Road, Leeds'],
      await textPicture(company),
    );
    const r = await extractDocument({ bytes, fileName: 'text.pdf' }, {});
    expect(r.supplier.name).toBe('Nordwind Trading Ltd');
    expect(r.warnings.some((w) => w.includes('inside images'))).toBe(false);
  });
});
