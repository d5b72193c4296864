import { AFRelationship, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../../../lib/errors';
import { readXmpDeclaration } from './facturx';
import { extractFacturX } from './index';
import { bytesOf, ciiInvoice, ublInvoice } from './testing/fixtures';

async function pdfWith(attachments: { name: string; xml: string }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  for (const a of attachments) {
    await doc.attach(bytesOf(a.xml), a.name, {
      mimeType: 'text/xml',
      afRelationship: AFRelationship.Alternative,
    });
  }
  return doc.save();
}

async function rejectionOf(promise: Promise<unknown>): Promise<Invalid> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Invalid)) throw new Error('expected an Invalid rejection');
  return error;
}

describe('extractFacturX', () => {
  it('when a PDF embeds factur-x.xml, then the invoice is read from it with source facturx', async () => {
    const result = await extractFacturX(
      await pdfWith([{ name: 'factur-x.xml', xml: ciiInvoice() }]),
      'hybrid.pdf',
    );
    expect(result).toMatchObject({
      source: 'facturx',
      file: 'hybrid.pdf',
      pageCount: 1,
      invoiceNumber: 'INV-1',
    });
    expect(result?.total).toBe('120.00');
  });

  it('when the attachment has an unusual name but is UBL, then it is still found', async () => {
    const result = await extractFacturX(
      await pdfWith([{ name: 'Invoice-Data.XML', xml: ublInvoice() }]),
      'u.pdf',
    );
    expect(result?.source).toBe('facturx');
    expect(result?.payable).toBe('120.00');
  });

  it('when the PDF has no attachment, then it returns null', async () => {
    expect(await extractFacturX(await pdfWith([]), 'plain.pdf')).toBeNull();
  });

  it('when the only XML attachment is not an invoice, then it returns null', async () => {
    expect(await extractFacturX(await pdfWith([{ name: 'notes.xml', xml: '<notes/>' }]), 'n.pdf')).toBeNull();
  });

  it('when the embedded invoice breaks BR-CO-15, then it is rejected with the rule', async () => {
    const pdf = await pdfWith([
      { name: 'factur-x.xml', xml: ciiInvoice({ total: '130.00', payable: '130.00' }) },
    ]);
    expect((await rejectionOf(extractFacturX(pdf, 'bad.pdf'))).message).toMatch(/BR-CO-15/);
  });

  it('when the embedded factur-x.xml carries a DOCTYPE, then it is rejected', async () => {
    const xml = ciiInvoice().replace(
      '<rsm:CrossIndustryInvoice',
      '<!DOCTYPE x [<!ENTITY e "e">]><rsm:CrossIndustryInvoice',
    );
    const pdf = await pdfWith([{ name: 'factur-x.xml', xml }]);
    expect((await rejectionOf(extractFacturX(pdf, 'dtd.pdf'))).message).toMatch(/DOCTYPE/);
  });

  it('when the bytes are not a PDF, then it is rejected as unreadable', async () => {
    expect((await rejectionOf(extractFacturX(bytesOf('not a pdf at all'), 'x.pdf'))).message).toMatch(
      /could not be opened/,
    );
  });
});

describe('readXmpDeclaration', () => {
  it('when the Factur-X properties are elements, then level and file name are read', () => {
    const xmp =
      '<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>';
    expect(readXmpDeclaration(xmp)).toEqual({
      conformanceLevel: 'EN 16931',
      documentFileName: 'factur-x.xml',
    });
  });

  it('when they are attributes, then they are read too', () => {
    const xmp = '<rdf:Description fx:ConformanceLevel="EXTENDED" fx:DocumentFileName="factur-x.xml"/>';
    expect(readXmpDeclaration(xmp)).toEqual({
      conformanceLevel: 'EXTENDED',
      documentFileName: 'factur-x.xml',
    });
  });

  it('when there is no Factur-X extension, then both are null', () => {
    expect(readXmpDeclaration('<dc:title>x</dc:title>')).toEqual({
      conformanceLevel: null,
      documentFileName: null,
    });
  });
});
