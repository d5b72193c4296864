/**
 * npm run bench:capture — the capture pipeline end to end, in one process as `npm start` runs it
 * (PGlite, pg-boss workers with the default worker count, the real extraction engine): time from
 * upload to leaving the pipeline (Ready or To review) for a text PDF and for a photo receipt
 * (p50, p95), then documents per minute sustained over a batch. BENCH_DATABASE_URL runs it on
 * PostgreSQL instead. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { loadConfig } from '../src/server/config';
import { startDocket } from '../src/server/main';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 30);

function lines(n: number): string[] {
  return [
    `Bench Supplier ${n % 7}`,
    '1 Market Street, Leeds',
    `Date: ${String(1 + (n % 27)).padStart(2, '0')}/02/2026`,
    `Receipt No: B-${n}`,
    `Item ${n} 3.50`,
    `TOTAL GBP ${(3.5 + n / 100).toFixed(2)}`,
    'VAT 20% included',
  ];
}

async function pdf(n: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  for (const l of lines(n)) doc.text(l);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function photo(n: number): Promise<Buffer> {
  const text = lines(n)
    .map((l, i) => `<text x="40" y="${70 + i * 44}" font-family="DejaVu Sans" font-size="30">${l}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="420"><rect width="100%" height="100%" fill="#fbfaf4"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).rotate(1.5, { background: '#fbfaf4' }).jpeg({ quality: 80 }).toBuffer();
}

function form(files: { name: string; bytes: Buffer }[]): { body: Buffer; type: string } {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    f.bytes,
    Buffer.from('\r\n'),
  ]);
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docket-bench-capture-'));
  const config = loadConfig({
    ...process.env,
    DOCKET_DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    PORT: '0',
    SMTP_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DOCKET_DEMO: 'off',
  });
  const docket = await startDocket(config, { http: true, worker: true, smtp: false });
  const app = docket.app;
  if (!app) throw new Error('no http');
  try {
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { 'x-docket-client': 'bench' },
      payload: {
        kind: 'business',
        accountName: 'Bench Ltd',
        name: 'Bench',
        email: `bench${Date.now()}@example.com`,
        password: 'correct horse battery staple',
        country: 'GB',
      },
    });
    const cookie = `docket_session=${signUp.cookies.find((c) => c.name === 'docket_session')?.value ?? ''}`;
    const accountId = signUp.json<{ currentAccountId: string }>().currentAccountId;
    const headers = { cookie, 'x-docket-client': 'bench' };

    const send = async (files: { name: string; bytes: Buffer }[]): Promise<string[]> => {
      const { body, type } = form(files);
      const res = await app.inject({
        method: 'POST',
        url: `/api/accounts/${accountId}/uploads`,
        headers: { ...headers, 'content-type': type },
        payload: body,
      });
      if (res.statusCode !== 201) throw new Error(`upload: ${res.body}`);
      return res.json<{ submissions: { id: string }[] }>().submissions.map((s) => s.id);
    };
    const settled = async (ids: string[]): Promise<void> => {
      for (;;) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/accounts/${accountId}/submissions?limit=200`,
          headers,
        });
        const subs = res
          .json<{ submissions: { id: string; state: string; items: { status: string }[] }[] }>()
          .submissions.filter((s) => ids.includes(s.id));
        const done = subs.filter(
          (s) =>
            s.state === 'rejected' ||
            (s.items.length > 0 && s.items.every((i) => !['processing', 'waiting'].includes(i.status))),
        );
        if (done.length === ids.length) return;
        await new Promise((r) => setTimeout(r, 25));
      }
    };

    process.stdout.write(
      `bench:capture — ${docket.database.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${config.workers} extraction workers (DOCKET_WORKERS), pg-boss polling every 1 s\n`,
    );
    let n = 1000;
    for (const [label, make] of [
      ['Text PDF', pdf],
      ['Photo receipt (JPEG, OCR)', photo],
    ] as const) {
      await settled(await send([{ name: 'warm', bytes: await make(n++) }]));
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const bytes = await make(n++);
        const t0 = performance.now();
        await settled(await send([{ name: `${label}-${i}`, bytes }]));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      process.stdout.write(
        `  ${label.padEnd(28)} upload -> Ready/To review  p50 ${(pct(times, 50) / 1000).toFixed(2)} s   p95 ${(pct(times, 95) / 1000).toFixed(2)} s   (${SAMPLES} documents, one at a time)\n`,
      );
    }
    const files = await Promise.all(
      Array.from({ length: BATCH }, async (_, i) => ({
        name: `batch-${i}`,
        bytes: i % 2 === 0 ? await pdf(n + i) : await photo(n + i),
      })),
    );
    const t0 = performance.now();
    await settled(await send(files));
    const minutes = (performance.now() - t0) / 60_000;
    process.stdout.write(
      `  Sustained: ${BATCH} documents (half PDFs, half photos) in ${(minutes * 60).toFixed(1)} s = ${(BATCH / minutes).toFixed(0)} documents/minute\n`,
    );
  } finally {
    await docket.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
