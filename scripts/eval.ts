/**
 * `npm run eval [-- --json] [-- --only sroie,sroieScans,invoice2data,einvoice] [-- --misses]`
 * Measures extraction against the shared third-party data and prints a table per data set
 * (or exactly one JSON object with --json). Figures are reported, not asserted.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getOcrEngine, setOcrEngine } from '../src/server/integrations/ocr';
import { closeExtraction } from '../src/server/modules/extraction';
import { sharedDataPath } from '../test/support/shared-data';
import {
  evalInvoice2data,
  evalSroieScans,
  evalSroieWords,
  invoice2dataIssuers,
  share,
  type DatasetScore,
  type I2dField,
  type SroieField,
} from './lib/eval-datasets';
import { crossValidationModels, loadSroieTraining } from './lib/eval-supplier-model';
import { withOcrCache } from './lib/ocr-cache';

/** Folds of the SROIE cross-validation, assigned by a fixed hash of the file name. */
const CV_FOLDS = 5;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    json: { type: 'boolean' },
    only: { type: 'string' },
    misses: { type: 'boolean' },
    limit: { type: 'string' },
  },
});
const only = values.only?.split(',').map((s) => s.trim());
const wanted = (name: string): boolean => only === undefined || only.includes(name);
const log = (text: string): void => {
  if (values.json !== true) process.stdout.write(`${text}\n`);
};

type EInvoiceFigures = Record<'valid' | 'exact' | 'negative' | 'rejected', unknown>;

function fieldsOf<F extends string>(score: DatasetScore<F>): Record<F, number> {
  const entries = Object.entries<{ right: number; scored: number }>(score.fields).map(([k, v]) => [
    k,
    share(v),
  ]);
  return Object.fromEntries(entries) as Record<F, number>;
}

function printTable<F extends string>(title: string, score: DatasetScore<F>): void {
  log(`\n${title}: ${score.n} documents, ${score.failed} unreadable, ${score.seconds.toFixed(1)} s`);
  log(`  ${'field'.padEnd(15)} ${'right'.padStart(7)} ${'scored'.padStart(7)} ${'share'.padStart(7)}`);
  for (const [field, s] of Object.entries<{ right: number; scored: number }>(score.fields)) {
    log(
      `  ${field.padEnd(15)} ${String(s.right).padStart(7)} ${String(s.scored).padStart(7)} ${share(s).toFixed(3).padStart(7)}`,
    );
  }
  if (score.addressLetters) {
    log(
      `  (address comparing letters and digits only, punctuation ignored: ${share(score.addressLetters).toFixed(3)})`,
    );
  }
  if (score.side) {
    log('  side figures (human table only, not in --json):');
    for (const [field, s] of Object.entries<{ right: number; scored: number }>(score.side)) {
      log(
        `  ${field.padEnd(15)} ${String(s.right).padStart(7)} ${String(s.scored).padStart(7)} ${share(s).toFixed(3).padStart(7)}`,
      );
    }
  }
  if (values.misses === true) for (const m of score.misses) log(`    miss ${m}`);
}

function sroieFigures(score: DatasetScore<SroieField>): {
  n: number;
  fields: Record<SroieField, number>;
  mean: number;
} {
  const fields = fieldsOf(score);
  const mean = (fields.company + fields.address + fields.date + fields.total) / 4;
  return { n: score.n, fields, mean: Math.round(mean * 1000) / 1000 };
}

/** The e-invoice figures come from the other half of the module; absent until it lands. */
async function loadEInvoiceFigures(): Promise<EInvoiceFigures | null> {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'eval-einvoice.ts');
  if (!existsSync(file)) return null;
  const mod: unknown = await import(pathToFileURL(file).href);
  if (
    typeof mod !== 'object' ||
    mod === null ||
    !('evalEInvoices' in mod) ||
    typeof mod.evalEInvoices !== 'function'
  ) {
    return null;
  }
  const figures: unknown = await (mod.evalEInvoices as () => Promise<unknown>)();
  if (typeof figures !== 'object' || figures === null) return null;
  const f = figures as Record<string, unknown>;
  return { valid: f.valid, exact: f.exact, negative: f.negative, rejected: f.rejected };
}

async function main(): Promise<void> {
  // Opt-in, for iterating on the field rules: OCR readings cached in that directory (off by default).
  const ocrCache = process.env.DOCKET_EVAL_OCR_CACHE;
  if (ocrCache) {
    setOcrEngine(withOcrCache(getOcrEngine(), ocrCache));
    log(`(OCR readings cached in DOCKET_EVAL_OCR_CACHE; figures are for the field rules on cached OCR)`);
  }
  const out: Record<string, unknown> = {};
  const sroieDir = sharedDataPath('sroie-train');
  const i2dDir = sharedDataPath('invoice2data', 'compare');
  const limit = values.limit === undefined ? Infinity : Number(values.limit);

  if (wanted('sroie')) {
    if (sroieDir) {
      // The supplier model learns from these receipts: the headline figures are 5-fold cross-validated.
      const started = performance.now();
      const docs = await loadSroieTraining(sroieDir);
      const models = crossValidationModels(docs, CV_FOLDS);
      const cvSeconds = (performance.now() - started) / 1000;
      const score = await evalSroieWords(sroieDir, (id) => models.get(id) ?? null);
      printTable(
        `SROIE train, from the supplied OCR words, company and address ${CV_FOLDS}-fold cross-validated ` +
          `(training the folds took ${cvSeconds.toFixed(1)} s)`,
        score,
      );
      out.sroie = sroieFigures(score);
      log(`  mean of the four fields: ${(out.sroie as { mean: number }).mean.toFixed(3)}`);
      const rules = sroieFigures(await evalSroieWords(sroieDir, () => null));
      const inSample = sroieFigures(await evalSroieWords(sroieDir));
      log(
        `  side figures, not the headline: rules alone company ${rules.fields.company.toFixed(3)} address ` +
          `${rules.fields.address.toFixed(3)} mean ${rules.mean.toFixed(3)}; committed weights (trained on all ` +
          `of these, in-sample) company ${inSample.fields.company.toFixed(3)} address ` +
          `${inSample.fields.address.toFixed(3)} mean ${inSample.mean.toFixed(3)}`,
      );
    } else log('\nSROIE: not available (shared data missing)');
  }
  if (wanted('sroieScans')) {
    if (sroieDir) {
      const score = await evalSroieScans(sroieDir, limit);
      printTable('SROIE train, end to end from the scans (our OCR)', score);
      out.sroieScans = sroieFigures(score);
      log(`  mean of the four fields: ${(out.sroieScans as { mean: number }).mean.toFixed(3)}`);
    } else log('\nSROIE scans: not available (shared data missing)');
  }
  if (wanted('invoice2data')) {
    if (i2dDir) {
      const score: DatasetScore<I2dField> = await evalInvoice2data(i2dDir);
      printTable('invoice2data, PDFs and PNGs', score);
      out.invoice2data = { n: score.n, fields: fieldsOf(score) };
      const known = await evalInvoice2data(i2dDir, await invoice2dataIssuers(i2dDir));
      log(
        `  supplier with the issuers given as the account's known suppliers: ${share(known.fields.supplier).toFixed(3)}`,
      );
    } else log('\ninvoice2data: not available (shared data missing)');
  }
  if (wanted('einvoice')) {
    const figures = await loadEInvoiceFigures();
    if (figures) {
      out.einvoice = figures;
      log(`\nE-invoices: ${JSON.stringify(figures)}`);
    } else {
      out.einvoice = { valid: null, exact: null, negative: null, rejected: null };
      log('\nE-invoices: not available (scripts/eval-einvoice.ts not present)');
    }
  }
  await closeExtraction();
  if (values.json === true) process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch(async (error: unknown) => {
  await closeExtraction();
  process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
