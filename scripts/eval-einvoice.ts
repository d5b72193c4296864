/**
 * E-invoice evaluation over the shared conformance material (einvoice/): how many valid examples
 * read exactly as their manifest says, how many broken-on-purpose ones are rejected, and the parse
 * latency per XML. Run alone: node --import tsx scripts/eval-einvoice.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { missingDataMessage } from '../test/support/shared-data';
import { Invalid } from '../src/server/lib/errors';
import { extractFacturX, parseEInvoiceXml } from '../src/server/modules/extraction/einvoice/index';
import {
  compareWithManifest,
  einvoiceRoot,
  loadCorpus,
  type CorpusCase,
} from '../src/server/modules/extraction/einvoice/testing/corpus';
import type { ExtractionResult } from '../src/shared/contracts/extraction';

export interface EInvoiceEval {
  valid: number;
  exact: number;
  negative: number;
  rejected: number;
  failures: string[];
  /** Not invoices at all (other root element, PDF without XML): handled when rejected or null. */
  other: number;
  otherHandled: number;
  /** Parse latency per valid XML file, milliseconds. */
  latencyMs: { p50: number; p95: number; max: number; files: number };
  skipped: string | null;
}

async function run(c: CorpusCase, bytes: Uint8Array): Promise<ExtractionResult | null> {
  return c.format === 'pdf' ? extractFacturX(bytes, c.label) : parseEInvoiceXml(bytes, c.label);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function evalEInvoices(): Promise<EInvoiceEval> {
  const out: EInvoiceEval = {
    valid: 0,
    exact: 0,
    negative: 0,
    rejected: 0,
    failures: [],
    other: 0,
    otherHandled: 0,
    latencyMs: { p50: 0, p95: 0, max: 0, files: 0 },
    skipped: null,
  };
  const root = einvoiceRoot();
  if (root === null) {
    out.skipped = missingDataMessage('einvoice/');
    return out;
  }
  const timings: number[] = [];
  for (const c of loadCorpus(root)) {
    const bytes = new Uint8Array(readFileSync(c.path));
    const started = performance.now();
    let result: ExtractionResult | null = null;
    let error: unknown = null;
    try {
      result = await run(c, bytes);
    } catch (e) {
      error = e;
    }
    const elapsed = performance.now() - started;
    const reason = error instanceof Error ? error.message : String(error);

    if (c.kind === 'valid') {
      out.valid++;
      if (c.format === 'xml') timings.push(elapsed);
      if (error !== null || result === null) {
        out.failures.push(
          `${c.label}: rejected a valid example: ${error === null ? 'no e-invoice found' : reason}`,
        );
        continue;
      }
      const diffs =
        c.expected === null ? ['no manifest row to compare with'] : compareWithManifest(result, c.expected);
      if (diffs.length === 0) out.exact++;
      else out.failures.push(`${c.label}: ${diffs.join('; ')}`);
    } else if (c.kind === 'negative') {
      out.negative++;
      if (error instanceof Invalid || (error === null && result === null)) out.rejected++;
      else
        out.failures.push(
          `${c.label}: broken on purpose but accepted${error === null ? '' : ` (${reason})`}`,
        );
    } else {
      out.other++;
      if (error instanceof Invalid || (error === null && result === null)) out.otherHandled++;
      else out.failures.push(`${c.label}: not an invoice but ${error === null ? 'accepted' : reason}`);
    }
  }
  const sorted = [...timings].sort((a, b) => a - b);
  out.latencyMs = {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? 0),
    files: sorted.length,
  };
  return out;
}

const round = (n: number): number => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  // Warm up module loading and the XML parser so the latency reflects steady-state parsing.
  const e = await evalEInvoices();
  if (e.skipped !== null) {
    console.log(e.skipped);
    return;
  }
  const again = await evalEInvoices();
  console.table({
    'valid examples': { count: again.valid, ok: again.exact, target: again.valid },
    'broken on purpose': { count: again.negative, ok: again.rejected, target: again.negative },
    'not invoices': { count: again.other, ok: again.otherHandled, target: again.other },
  });
  console.log(
    `parse latency per XML (${String(again.latencyMs.files)} files): p50 ${String(again.latencyMs.p50)} ms, p95 ${String(again.latencyMs.p95)} ms, max ${String(again.latencyMs.max)} ms (target p95 <= 20 ms)`,
  );
  for (const f of again.failures) console.log(`  FAIL ${f}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
