import { strToU8, zipSync } from 'fflate';
import nodemailer from 'nodemailer';
import PDFDocument from 'pdfkit';

/** What a small text receipt says. */
export interface Receipt {
  supplier: string;
  /** DD/MM/YYYY as printed. */
  date: string;
  reference: string;
  total: string;
}

/** A one-page text PDF receipt (text PDFs are read fast: no OCR). */
export async function receiptPdf(r: Receipt): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(18).text(r.supplier);
  doc.fontSize(11).text('1 Market Street, Leeds LS1 4AB');
  doc.moveDown();
  doc.text(`Date: ${r.date}`);
  doc.text(`Receipt No: ${r.reference}`);
  doc.moveDown();
  doc.text(`Coffee beans 1kg    ${(Number(r.total) - 1).toFixed(2)}`);
  doc.text(`Paper cups          1.00`);
  doc.moveDown();
  doc.fontSize(13).text(`TOTAL GBP ${r.total}`);
  doc.fontSize(10).text('VAT 20% included');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A ZIP of files (name → bytes). */
export function zipOf(files: Record<string, Uint8Array>): Buffer {
  return Buffer.from(zipSync(files));
}

export const textFile = (text: string) => strToU8(text);

/** Sends an email with a PDF attachment to the running server's SMTP port (Extract by Email). */
export async function emailPdf(
  smtpPort: number,
  to: string,
  attachment: { fileName: string; bytes: Buffer },
): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({
    from: 'Receipts <receipts@e2e.example>',
    to,
    subject: `Receipt ${attachment.fileName}`,
    text: 'Receipt attached.',
    attachments: [
      { filename: attachment.fileName, content: attachment.bytes, contentType: 'application/pdf' },
    ],
  });
  transport.close();
}
