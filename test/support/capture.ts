import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/connect';
import { buildApp } from '../../src/server/http/app';
import { startJobQueue, type JobQueue } from '../../src/server/jobs/queue';
import { createMailer } from '../../src/server/integrations/mail/mailer';
import { ManualClock } from '../../src/server/lib/clock';
import { SecretBox } from '../../src/server/lib/secret-box';
import { createLogger } from '../../src/server/lib/logger';
import { buildJobRegistry } from '../../src/server/main';
import { blobStoreFor } from '../../src/server/integrations/storage';
import { capturePipeline, type CapturePipeline, type ExtractFn } from '../../src/server/modules/capture';
import { extractDocument } from '../../src/server/modules/extraction';
import type { Client, TestApp } from './app';
import { createTestDatabase } from './db';
import { testDataDir } from './paths';

export interface CaptureTestApp extends TestApp {
  queue: JobQueue;
  pipeline: CapturePipeline;
}

/** The real app with a real job queue and workers running the capture pipeline on the real extraction engine. */
export async function buildCaptureTestApp(
  options: { extract?: ExtractFn; workers?: boolean; database?: Database } = {},
): Promise<CaptureTestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    DOCKET_DATA_DIR: testDataDir,
    DOCKET_SECRET: 'test-secret-test-secret-test-secret-00',
    DOCKET_MAIL_DOMAIN: 'in.docket.test',
    LOG_LEVEL: 'silent',
  });
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const logger = createLogger('silent');
  const pipeline = capturePipeline({
    db: database.db,
    clock,
    storage: blobStoreFor(config.dataDir),
    extract: options.extract ?? extractDocument,
    logger,
    extractConcurrency: 1,
    staleSeconds: 600,
  });
  const queue = await startJobQueue(database, buildJobRegistry(database, clock, pipeline), {
    logger,
    pollingIntervalSeconds: 0.5,
  });
  pipeline.attach(queue);
  if (options.workers ?? true) await queue.work();
  const mailer = createMailer({ smtpUrl: undefined, from: 'Docket <no-reply@docket.test>' });
  const app = await buildApp(
    { config, database, queue, clock, mailer, secrets: new SecretBox(config.secret) },
    { logger: false, serveWeb: false },
  );
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    queue,
    pipeline,
    close: async () => {
      await app.close();
      await queue.stop();
      await database.close();
    },
  };
}

/** A multipart/form-data body with the given files (and text fields first). */
export function multipart(files: { name: string; bytes: Uint8Array; type?: string }[]): {
  payload: Buffer;
  contentType: string;
} {
  const boundary = `----docket${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads files through the real route as a signed-in client. */
export async function upload(
  t: TestApp,
  client: Client,
  accountId: string,
  files: { name: string; bytes: Uint8Array }[],
  query = '',
) {
  const { payload, contentType } = multipart(files);
  return t.app.inject({
    method: 'POST',
    url: `/api/accounts/${accountId}/uploads${query}`,
    headers: {
      'x-docket-client': 'test',
      'content-type': contentType,
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    payload,
  });
}

/** A text PDF receipt (one page per entry of `pages`), built with pdfkit. */
export async function receiptPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A5', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  pages.forEach((lines, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(12);
    for (const line of lines) doc.text(line);
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

export const receiptLines = (
  supplier: string,
  date: string,
  total: string,
  extra: string[] = [],
): string[] => [
  supplier,
  '12 High Street, London',
  `Date: ${date}`,
  'Receipt No: R-1001',
  ...extra,
  'Coffee 2.50',
  'Sandwich ' + total,
  `TOTAL GBP ${total}`,
  'VAT 20% included',
  'Paid by card ending 4242',
];

/** Polls until `check` returns a value (the pipeline runs in the background); gives up after `tries`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  tries = 240,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the expected state was not reached');
}

/** A photo-like receipt: the lines drawn as an image (JPEG), for the OCR path. */
export async function receiptPhoto(lines: string[]): Promise<Uint8Array> {
  const escape = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const text = lines
    .map(
      (l, i) =>
        `<text x="40" y="${70 + i * 44}" font-family="DejaVu Sans, sans-serif" font-size="30">${escape(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${120 + lines.length * 44}"><rect width="100%" height="100%" fill="#fbfaf4"/>${text}</svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
}
