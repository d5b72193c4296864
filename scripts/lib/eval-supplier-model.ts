/**
 * Training data and cross-validation for the supplier model (src/server/modules/extraction/model/).
 * A candidate is right when its text equals the ground truth under the evaluation's own comparison
 * (eval-compare.ts), so the model learns exactly what the evaluation scores.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FieldContext } from '../../src/server/modules/extraction/fields/context';
import { cleanAddress, cleanName, ruleSupplier } from '../../src/server/modules/extraction/fields/supplier';
import { groupLines, medianWordHeight, type Line } from '../../src/server/modules/extraction/lines';
import type { RuleHint } from '../../src/server/modules/extraction/model/candidates';
import {
  trainRanker,
  type Group,
  type TrainOptions,
  DEFAULT_TRAIN,
} from '../../src/server/modules/extraction/model/ranker';
import {
  spanLines,
  supplierCandidates,
  type SupplierModel,
} from '../../src/server/modules/extraction/model/supplier-model';
import { readSroieBoxes } from '../../src/server/modules/extraction/words';
import { sameText } from './eval-compare';

const Key = z.object({ company: z.string().optional(), address: z.string().optional() });

export interface TrainingDoc {
  id: string;
  /** The reader's context, as extractFields builds it for SROIE (country MY). */
  ctx: FieldContext;
  name: Group;
  address: Group;
}

/** The SROIE field context of a receipt's supplied OCR lines. */
export function sroieContext(boxText: string): FieldContext {
  const lines = groupLines(readSroieBoxes(boxText));
  return {
    lines,
    country: 'MY',
    currency: undefined,
    knownSuppliers: [],
    unit: medianWordHeight(lines),
    maxYear: new Date().getUTCFullYear() + 1,
  };
}

function hintOf(ctx: FieldContext): RuleHint {
  const page1 = ctx.lines.filter((l) => l.page === 1);
  const rule = ruleSupplier(ctx);
  const at = (l: Line | undefined): number => (l ? page1.indexOf(l) : -1);
  return {
    name: rule ? { start: at(rule.first), end: at(rule.last) } : null,
    address:
      rule && rule.address.length > 0
        ? { start: at(rule.address[0]), end: at(rule.address[rule.address.length - 1]) }
        : null,
  };
}

const joinText = (lines: readonly Line[]): string =>
  lines
    .map((l) => l.text.trim())
    .join(' ')
    .replace(/\s+/g, ' ');

/** Every SROIE train receipt with its candidates labelled against the key, in file-name order. */
export async function loadSroieTraining(dir: string): Promise<TrainingDoc[]> {
  const ids = (await readdir(join(dir, 'key')))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  const docs: TrainingDoc[] = [];
  for (const id of ids) {
    const key = Key.parse(JSON.parse(await readFile(join(dir, 'key', `${id}.json`), 'utf8')));
    const ctx = sroieContext(await readFile(join(dir, 'box', `${id}.txt`), 'utf8'));
    const cands = supplierCandidates(ctx.lines, ctx.unit, hintOf(ctx));
    const company = key.company ?? '';
    const address = key.address ?? '';
    docs.push({
      id,
      ctx,
      name: {
        x: cands.names.map((c) => c.x),
        right: cands.names.map(
          (c) =>
            company.trim() !== '' && sameText(cleanName(joinText(spanLines(cands.facts, c.span))), company),
        ),
      },
      address: {
        x: cands.addresses.map((c) => c.x),
        right: cands.addresses.map(
          (c) =>
            address.trim() !== '' &&
            sameText(cleanAddress(joinText(spanLines(cands.facts, c.span))), address),
        ),
      },
    });
  }
  return docs;
}

export function trainSupplierModel(
  docs: readonly TrainingDoc[],
  options: TrainOptions = DEFAULT_TRAIN,
): SupplierModel {
  return {
    name: trainRanker(
      docs.map((d) => d.name),
      options,
    ),
    address: trainRanker(
      docs.map((d) => d.address),
      options,
    ),
  };
}

/** A fixed fold for a file name: FNV-1a hash of the name, modulo k (independent of file order). */
export function foldOf(id: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % k;
}

/** For each fold, the model trained on the other folds: held-out receipt id → the model that never saw it. */
export function crossValidationModels(
  docs: readonly TrainingDoc[],
  k: number,
  options: TrainOptions = DEFAULT_TRAIN,
): Map<string, SupplierModel> {
  const out = new Map<string, SupplierModel>();
  for (let fold = 0; fold < k; fold++) {
    const model = trainSupplierModel(
      docs.filter((d) => foldOf(d.id, k) !== fold),
      options,
    );
    for (const d of docs) if (foldOf(d.id, k) === fold) out.set(d.id, model);
  }
  return out;
}

/** How many receipts have at least one right candidate: the most the model could get. */
export function reachable(docs: readonly TrainingDoc[]): { name: number; address: number } {
  return {
    name: docs.filter((d) => d.name.right.some((r) => r)).length,
    address: docs.filter((d) => d.address.right.some((r) => r)).length,
  };
}
