import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { Invalid } from '../../lib/errors';
import { closeExtraction, extractDocument } from './index';

/** CRC-32 as PNG chunks need it. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG whose header claims 100000 x 100000 pixels (a decompression bomb). */
function hugePng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A hand-built PDF encrypted with the standard handler: its empty user password does not open it. */
function encryptedPdf(): Buffer {
  const hex = (n: number): string => Buffer.alloc(32, n).toString('hex');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${hex(7)}> /U <${hex(9)}> >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function invoicePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('ACME SUPPLIES LTD', { x: 50, y: 780, size: 16, font });
  page.drawText('Invoice No: INV-1001   Date: 03/04/2020', { x: 50, y: 740, size: 11, font });
  page.drawText('Total 120.00', { x: 50, y: 700, size: 11, font });
  return doc.save();
}

function random(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

async function reason(bytes: Uint8Array, words = false): Promise<string> {
  const started = Date.now();
  try {
    await extractDocument({ bytes, fileName: 'hostile' }, { words, timeoutMs: 20_000 });
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    expect(Date.now() - started).toBeLessThan(20_000);
    const message = error instanceof Error ? error.message : '';
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('the hostile input was accepted');
}

describe('hostile inputs', () => {
  afterAll(async () => {
    await closeExtraction();
  });

  it('when a PDF is truncated, then it is refused as damaged', async () => {
    const pdf = await invoicePdf();
    expect(await reason(pdf.slice(0, Math.floor(pdf.length * 0.4)))).toMatch(/PDF/);
  });

  it('when a PDF is password-protected, then the reason says so', async () => {
    expect(await reason(encryptedPdf())).toMatch(/password-protected/);
  });

  it('when the bytes are garbage, then they are refused as an unknown type', async () => {
    expect(await reason(random(4096))).toMatch(/not a PDF, image/);
  });

  it('when a PNG header claims a huge picture, then it is refused before decoding', async () => {
    expect(await reason(hugePng())).toMatch(/too large/);
  });

  it('when a file starts like a PDF or JPEG but continues as garbage, then it is refused', async () => {
    expect(await reason(Buffer.concat([Buffer.from('%PDF-1.7\n'), random(2000)]))).toMatch(/PDF/);
    expect(await reason(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), random(2000)]))).toMatch(
      /image/,
    );
  });

  it('when the file is empty, plain text, non-invoice XML or a HEIC without a converter, then each gets its reason', async () => {
    expect(await reason(new Uint8Array())).toMatch(/empty/);
    expect(await reason(Buffer.from('just some notes'))).toMatch(/plain text/);
    expect(await reason(Buffer.from('<?xml version="1.0"?><note><to>x</to></note>'))).toMatch(
      /not a UBL or CII/,
    );
    expect(await reason(Buffer.from('<html><script>alert(1)</script></html>'))).toMatch(/no text/);
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(16)]);
    expect(await reason(heic)).toMatch(/HEIC|image/);
  });

  it('when a words file is given without the words option, then it is refused', async () => {
    expect(await reason(Buffer.from('1,2,3,4,5,6,7,8,TOTAL 9.00'))).toMatch(/--words/);
  });

  it('when a text PDF is intact, then it is read from its text layer', async () => {
    const r = await extractDocument({ bytes: await invoicePdf(), fileName: 'ok.pdf' }, { country: 'GB' });
    expect(r.source).toBe('pdf-text');
    expect([r.supplier.name, r.invoiceNumber, r.date, r.total]).toEqual([
      'ACME SUPPLIES LTD',
      'INV-1001',
      '2020-04-03',
      '120.00',
    ]);
  });
});
