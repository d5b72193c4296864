/**
 * `npm run train`: trains the supplier model (which run of lines is the supplier's name, which is its
 * address) on the SROIE train receipts in the shared data folder and writes the weights, as data, to
 * src/server/modules/extraction/model/supplier-weights.json. Deterministic: no randomness, candidates
 * in file-name order, so the same data gives byte-identical weights (the printed SHA-256 shows it).
 * Cross-validated figures come from `npm run eval` (see docs/evaluation.md).
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { rankCandidates } from '../src/server/modules/extraction/model/ranker';
import type { Group, RankerWeights } from '../src/server/modules/extraction/model/ranker';
import { missingDataMessage, sharedDataPath } from '../test/support/shared-data';
import { loadSroieTraining, reachable, trainSupplierModel } from './lib/eval-supplier-model';

const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src/server/modules/extraction/model/supplier-weights.json',
);

/** Share of documents whose most probable candidate is a right one (on the training data itself). */
function topOneRight(weights: RankerWeights, groups: readonly Group[]): number {
  let right = 0;
  for (const g of groups) {
    const p = rankCandidates(weights, g.x);
    let best = -1;
    p.forEach((v, i) => {
      if (best < 0 || v > (p[best] ?? 0)) best = i;
    });
    if (g.right[best] === true) right += 1;
  }
  return right;
}

async function main(): Promise<void> {
  const dir = sharedDataPath('sroie-train');
  if (!dir) {
    process.stderr.write(`${missingDataMessage('sroie-train')}\n`);
    process.exit(1);
  }
  const started = performance.now();
  const docs = await loadSroieTraining(dir);
  const loaded = performance.now();
  const model = trainSupplierModel(docs);
  const trained = performance.now();
  // Written as Prettier formats it, so `prettier --check .` and a retrain agree byte for byte.
  const raw = JSON.stringify({
    about:
      'Supplier name/address rankers trained by `npm run train` on SROIE train (shared data). Data, not code.',
    documents: docs.length,
    name: model.name,
    address: model.address,
  });
  const json = await format(raw, { ...((await resolveConfig(target)) ?? {}), parser: 'json' });
  await writeFile(target, json);
  const r = reachable(docs);
  const n = docs.length;
  const out = [
    `SROIE train: ${n} receipts (features in ${((loaded - started) / 1000).toFixed(1)} s, training ${((trained - loaded) / 1000).toFixed(1)} s)`,
    `  name:    ${model.name.names.length} features; a right candidate exists for ${r.name}/${n}; ` +
      `top candidate right on the training data ${topOneRight(
        model.name,
        docs.map((d) => d.name),
      )}/${n}`,
    `  address: ${model.address.names.length} features; a right candidate exists for ${r.address}/${n}; ` +
      `top candidate right on the training data ${topOneRight(
        model.address,
        docs.map((d) => d.address),
      )}/${n}`,
    `  (in-sample; the cross-validated figures are printed by \`npm run eval\`)`,
    `wrote src/server/modules/extraction/model/supplier-weights.json, sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 16)}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`train failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
