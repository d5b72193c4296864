/**
 * `npm run bench:extract`: per-document latency (p50, p95) and throughput of extraction for three
 * kinds of input: an e-invoice XML, a one-page text PDF and an OCR'd receipt photo; first in one
 * process (with CPU seconds per document, OCR child processes included), then split over 2 worker
 * processes (each with its own warm OCR engine). Prints figures;
 * asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { closeExtraction, extractDocument } from '../src/server/modules/extraction';
import { detectEInvoiceXml } from '../src/server/modules/extraction/einvoice';
import { sharedDataPath } from '../test/support/shared-data';

type Kind = 'einvoice-xml' | 'text-pdf' | 'ocr-photo';
interface Sample {
  kind: Kind;
  name: string;
  bytes: Uint8Array;
  count: number;
}
interface RunResult {
  latencies: number[];
  wallMs: number;
  /** CPU seconds per document, this process and its children (one-process runs on Linux only). */
  cpuPerDoc?: number;
}

async function findXml(dir: string): Promise<string | null> {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = await findXml(p);
      if (found) return found;
    } else if (entry.name.endsWith('.xml')) {
      const bytes = await readFile(p);
      if (detectEInvoiceXml(bytes) !== null) {
        try {
          await extractDocument({ bytes, fileName: entry.name });
          return p;
        } catch {
          // Not a valid one: keep looking.
        }
      }
    }
  }
  return null;
}

async function textPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const rows = [
    'Northwind Office Supplies Ltd',
    '12 Market Street, Leeds LS1 4AB',
    'VAT Reg No: GB 123 4567 89',
    'Invoice No: INV-2024-0042      Invoice Date: 14/03/2024',
    'Description            Qty    Price    Amount',
    'A4 paper, 5 reams        2    19.99     39.98',
    'Toner cartridge          1    64.50     64.50',
    'Subtotal                                104.48',
    'VAT 20%                                  20.90',
    'Total                                   125.38',
  ];
  rows.forEach((text, i) => page.drawText(text, { x: 50, y: 790 - i * 22, size: 11, font }));
  return doc.save();
}

async function photo(): Promise<{ name: string; bytes: Uint8Array }> {
  const dir = sharedDataPath('sroie-train', 'img');
  if (dir) {
    const name = (await readdir(dir)).filter((f) => f.endsWith('.jpg')).sort()[0];
    if (name) return { name, bytes: await readFile(join(dir, name)) };
  }
  const lines = ['CORNER CAFE LTD', '1 HIGH STREET', 'DATE 14/03/2024', 'LATTE 3.20', 'TOTAL 3.20'];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="${80 + lines.length * 60}">
    <rect width="100%" height="100%" fill="white"/>${lines
      .map((l, i) => `<text x="30" y="${70 + i * 60}" font-family="monospace" font-size="36">${l}</text>`)
      .join('')}</svg>`;
  return {
    name: 'synthetic-receipt.jpg',
    bytes: await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer(),
  };
}

/**
 * CPU seconds used so far by this process (every thread, sharp's included) and by its finished child
 * processes (the tesseract CLI), from /proc on Linux; null elsewhere.
 */
function cpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ": state is field 0, then utime 11, stime 12, cutime 13, cstime 14 (clock ticks).
    const ticks = [11, 12, 13, 14].map((i) => Number(fields[i]));
    if (ticks.some((t) => !Number.isFinite(t))) return null;
    return ticks.reduce((a, b) => a + b, 0) / 100;
  } catch {
    return null;
  }
}

async function runSample(sample: Pick<Sample, 'bytes' | 'name' | 'count'>): Promise<RunResult> {
  const latencies: number[] = [];
  const cpuStart = cpuSeconds();
  const started = performance.now();
  for (let i = 0; i < sample.count; i++) {
    const t = performance.now();
    await extractDocument({ bytes: sample.bytes, fileName: sample.name }, { country: 'GB' });
    latencies.push(performance.now() - t);
  }
  const cpuEnd = cpuSeconds();
  const cpuPerDoc = cpuStart === null || cpuEnd === null ? undefined : (cpuEnd - cpuStart) / sample.count;
  return {
    latencies,
    wallMs: performance.now() - started,
    ...(cpuPerDoc === undefined ? {} : { cpuPerDoc }),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function report(label: string, r: RunResult, docs: number): void {
  const p50 = percentile(r.latencies, 50).toFixed(1);
  const p95 = percentile(r.latencies, 95).toFixed(1);
  const rate = (docs / (r.wallMs / 1000)).toFixed(2);
  const cpu = r.cpuPerDoc === undefined ? '' : `  ${r.cpuPerDoc.toFixed(2).padStart(6)} CPU-s/doc`;
  process.stdout.write(
    `  ${label.padEnd(28)} n=${String(docs).padStart(4)}  p50 ${p50.padStart(8)} ms  p95 ${p95.padStart(8)} ms  ${rate.padStart(8)} docs/s${cpu}\n`,
  );
}

/** Starts the workers, lets each warm up on one document, then times them running together. */
async function inWorkers(sample: Sample, workers: number): Promise<RunResult> {
  const file = fileURLToPath(import.meta.url);
  const per = Math.ceil(sample.count / workers);
  const children = Array.from({ length: workers }, () =>
    fork(file, ['--worker'], { execArgv: ['--import', 'tsx'], serialization: 'advanced' }),
  );
  const next = (child: (typeof children)[number]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('error', reject);
    });
  const ready = children.map(next);
  for (const child of children) child.send({ name: sample.name, bytes: sample.bytes, count: per });
  await Promise.all(ready);
  const done = children.map(next);
  const started = performance.now();
  for (const child of children) child.send('go');
  const results = (await Promise.all(done)) as number[][];
  const wallMs = performance.now() - started;
  for (const child of children) child.disconnect();
  return { latencies: results.flat(), wallMs };
}

async function main(): Promise<void> {
  const samples: Sample[] = [];
  const einvoiceDir = sharedDataPath('einvoice');
  const xml = einvoiceDir ? await findXml(einvoiceDir) : null;
  if (xml)
    samples.push({ kind: 'einvoice-xml', name: 'invoice.xml', bytes: await readFile(xml), count: 200 });
  else process.stdout.write('e-invoice XML: not available (shared data missing)\n');
  samples.push({ kind: 'text-pdf', name: 'invoice.pdf', bytes: await textPdf(), count: 60 });
  const p = await photo();
  samples.push({ kind: 'ocr-photo', name: p.name, bytes: p.bytes, count: 8 });

  process.stdout.write('One process (warm: one untimed run first)\n');
  for (const s of samples) {
    await runSample({ ...s, count: 1 });
    report(s.kind, await runSample(s), s.count);
  }
  await closeExtraction();
  process.stdout.write('Two worker processes (each warmed up on one document, then timed together)\n');
  for (const s of samples) report(s.kind, await inWorkers(s, 2), s.count + (s.count % 2));
}

if (!process.argv.includes('--worker')) {
  main().catch(async (error: unknown) => {
    await closeExtraction();
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
} else {
  process.once('message', (data: { name: string; bytes: Uint8Array; count: number }) => {
    const work = async (): Promise<void> => {
      await runSample({ ...data, count: 1 });
      process.send?.('ready');
      await new Promise((resolve) => process.once('message', resolve));
      const r = await runSample(data);
      await closeExtraction();
      process.send?.(r.latencies);
    };
    work().catch(async (error: unknown) => {
      await closeExtraction();
      process.stderr.write(
        `bench worker failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    });
  });
}
