/**
 * Evaluation over the shared third-party data: SROIE receipts (from their OCR words and from our own OCR
 * of the 90 scans) and the invoice2data regression invoices. Each field counts as right only when it
 * matches the ground truth exactly (see eval-compare.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ExtractionResult } from '../../src/shared/contracts/extraction';
import { extractDocument } from '../../src/server/modules/extraction';
import { extractFields } from '../../src/server/modules/extraction/extract-fields';
import { readSupplier } from '../../src/server/modules/extraction/fields/supplier';
import type { SupplierModel } from '../../src/server/modules/extraction/model/supplier-model';
import { readSroieBoxes } from '../../src/server/modules/extraction/words';
import { sameAmount, sameDate, sameLetters, sameText } from './eval-compare';
import { emptySide, scoreInvoiceSide, type InvoiceSideField } from './eval-invoice-extras';
import { sroieContext } from './eval-supplier-model';

export interface FieldScore {
  right: number;
  scored: number;
}

export interface DatasetScore<F extends string> {
  n: number;
  fields: Record<F, FieldScore>;
  failed: number;
  seconds: number;
  misses: string[];
  /** Address right when only letters and digits are compared (SROIE; a side figure). */
  addressLetters?: FieldScore;
  /** Invoice side figures (net, currency, line items): human table only, not in --json. */
  side?: Record<InvoiceSideField, FieldScore>;
}

export const SROIE_FIELDS = ['company', 'address', 'date', 'total'] as const;
export type SroieField = (typeof SROIE_FIELDS)[number];
export const I2D_FIELDS = ['supplier', 'date', 'invoiceNumber', 'total', 'tax'] as const;
export type I2dField = (typeof I2D_FIELDS)[number];

const SroieKey = z.object({
  company: z.string().optional(),
  date: z.string().optional(),
  address: z.string().optional(),
  total: z.string().optional(),
});

function emptyScores<F extends string>(fields: readonly F[]): Record<F, FieldScore> {
  const out = {} as Record<F, FieldScore>;
  for (const f of fields) out[f] = { right: 0, scored: 0 };
  return out;
}

function tally<F extends string>(
  scores: Record<F, FieldScore>,
  field: F,
  expected: unknown,
  ok: boolean,
): boolean {
  if (
    expected === undefined ||
    expected === null ||
    (typeof expected === 'string' && expected.trim() === '')
  ) {
    return true;
  }
  scores[field].scored += 1;
  if (ok) scores[field].right += 1;
  return ok;
}

function scoreSroie(
  scores: Record<SroieField, FieldScore>,
  letters: FieldScore,
  key: z.infer<typeof SroieKey>,
  r: ExtractionResult,
): string[] {
  const wrong: string[] = [];
  const check = (f: SroieField, expected: string | undefined, ok: boolean, got: string | null): void => {
    if (!tally(scores, f, expected, ok))
      wrong.push(`${f}: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  };
  check('company', key.company, sameText(r.supplier.name, key.company ?? ''), r.supplier.name);
  check('address', key.address, sameText(r.supplier.address, key.address ?? ''), r.supplier.address);
  if (key.address !== undefined && key.address.trim() !== '') {
    letters.scored += 1;
    if (sameLetters(r.supplier.address, key.address)) letters.right += 1;
  }
  check('date', key.date, sameDate(r.date, key.date ?? '', 'MY'), r.date);
  check('total', key.total, sameAmount(r.total, key.total ?? ''), r.total);
  return wrong;
}

/**
 * Which supplier model reads a receipt: `undefined` keeps the pipeline's own (the bundled weights), `null`
 * means the hand-written rules alone, and cross-validation passes the model of the fold that never saw it.
 */
export type SupplierModelFor = (id: string) => SupplierModel | null | undefined;

/** SROIE task 3 from the dataset's own OCR lines (box/*.txt). */
export async function evalSroieWords(
  dir: string,
  supplierModelFor: SupplierModelFor = () => undefined,
): Promise<DatasetScore<SroieField>> {
  const started = performance.now();
  const ids = (await readdir(join(dir, 'key')))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  const fields = emptyScores(SROIE_FIELDS);
  const addressLetters: FieldScore = { right: 0, scored: 0 };
  const misses: string[] = [];
  let failed = 0;
  for (const id of ids) {
    const key = SroieKey.parse(JSON.parse(await readFile(join(dir, 'key', `${id}.json`), 'utf8')));
    try {
      const boxText = await readFile(join(dir, 'box', `${id}.txt`), 'utf8');
      const words = readSroieBoxes(boxText);
      const r = extractFields({ file: id, source: 'words', pageCount: 1, words }, { country: 'MY' });
      const model = supplierModelFor(id);
      if (model !== undefined) {
        const s = readSupplier(sroieContext(boxText), model);
        r.supplier.name = s.name?.value ?? null;
        r.supplier.address = s.address?.value ?? null;
      }
      for (const w of scoreSroie(fields, addressLetters, key, r)) misses.push(`${id} ${w}`);
    } catch (error) {
      failed += 1;
      misses.push(`${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      for (const f of SROIE_FIELDS) tally(fields, f, key[f], false);
    }
  }
  return {
    n: ids.length,
    fields,
    failed,
    seconds: (performance.now() - started) / 1000,
    misses,
    addressLetters,
  };
}

/** SROIE end to end: our OCR of the scans in img/, scored against key/. */
export async function evalSroieScans(dir: string, limit = Infinity): Promise<DatasetScore<SroieField>> {
  const started = performance.now();
  const images = (await readdir(join(dir, 'img')))
    .filter((f) => /\.jpe?g$/i.test(f))
    .sort()
    .slice(0, limit);
  const fields = emptyScores(SROIE_FIELDS);
  const addressLetters: FieldScore = { right: 0, scored: 0 };
  const misses: string[] = [];
  let failed = 0;
  for (const image of images) {
    const id = image.replace(/\.jpe?g$/i, '');
    const key = SroieKey.parse(JSON.parse(await readFile(join(dir, 'key', `${id}.json`), 'utf8')));
    try {
      const bytes = await readFile(join(dir, 'img', image));
      const r = await extractDocument({ bytes, fileName: image }, { country: 'MY' });
      for (const w of scoreSroie(fields, addressLetters, key, r)) misses.push(`${id} ${w}`);
    } catch (error) {
      failed += 1;
      misses.push(`${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      for (const f of SROIE_FIELDS) tally(fields, f, key[f], false);
    }
  }
  return {
    n: images.length,
    fields,
    failed,
    seconds: (performance.now() - started) / 1000,
    misses,
    addressLetters,
  };
}

const I2dExpected = z
  .array(
    z
      .object({
        issuer: z.string().optional(),
        date: z.string().optional(),
        invoice_number: z.union([z.string(), z.number()]).optional(),
        amount: z.number().optional(),
        amount_tax: z.number().optional(),
      })
      .loose(),
  )
  .min(1);

/** invoice2data: every PDF and PNG input with a ground-truth JSON beside it. */
export async function evalInvoice2data(
  dir: string,
  knownSuppliers?: string[],
): Promise<DatasetScore<I2dField>> {
  const started = performance.now();
  const files = (await readdir(dir)).sort();
  const inputs = files.filter((f) => /\.(pdf|png)$/i.test(f) && files.includes(f.replace(/\.\w+$/, '.json')));
  const fields = emptyScores(I2D_FIELDS);
  const side = emptySide();
  const misses: string[] = [];
  let failed = 0;
  for (const file of inputs) {
    const parsed = I2dExpected.parse(
      JSON.parse(await readFile(join(dir, file.replace(/\.\w+$/, '.json')), 'utf8')),
    );
    const e = parsed[0];
    if (!e) continue;
    const expectedNumber = e.invoice_number === undefined ? undefined : String(e.invoice_number);
    try {
      const bytes = await readFile(join(dir, file));
      const options = knownSuppliers ? { knownSuppliers } : {};
      const r = await extractDocument({ bytes, fileName: file }, options);
      const check = (f: I2dField, expected: unknown, ok: boolean, got: string | null): void => {
        if (!tally(fields, f, expected, ok))
          misses.push(`${file} ${f}: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
      };
      check('supplier', e.issuer, sameText(r.supplier.name, e.issuer ?? ''), r.supplier.name);
      check('date', e.date, sameDate(r.date, e.date ?? ''), r.date);
      check(
        'invoiceNumber',
        expectedNumber,
        sameText(r.invoiceNumber, expectedNumber ?? ''),
        r.invoiceNumber,
      );
      check('total', e.amount, e.amount !== undefined && sameAmount(r.total, e.amount), r.total);
      check('tax', e.amount_tax, e.amount_tax !== undefined && sameAmount(r.tax, e.amount_tax), r.tax);
      for (const m of scoreInvoiceSide(e, r, side)) misses.push(`${file} ${m}`);
    } catch (error) {
      failed += 1;
      misses.push(`${file} failed: ${error instanceof Error ? error.message : String(error)}`);
      tally(fields, 'supplier', e.issuer, false);
      tally(fields, 'date', e.date, false);
      tally(fields, 'invoiceNumber', expectedNumber, false);
      tally(fields, 'total', e.amount, false);
      tally(fields, 'tax', e.amount_tax, false);
    }
  }
  return { n: inputs.length, fields, failed, seconds: (performance.now() - started) / 1000, misses, side };
}

/** The issuers named in the ground truth: stands in for an account's list of known suppliers. */
export async function invoice2dataIssuers(dir: string): Promise<string[]> {
  const out = new Set<string>();
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.json'))) {
    const parsed = I2dExpected.safeParse(JSON.parse(await readFile(join(dir, f), 'utf8')));
    const issuer = parsed.success ? parsed.data[0]?.issuer : undefined;
    if (issuer !== undefined) out.add(issuer);
  }
  return [...out];
}

export function share(s: FieldScore): number {
  return s.scored === 0 ? 0 : Math.round((s.right / s.scored) * 1000) / 1000;
}
