import type { SparseVector } from './candidates';

/**
 * A conditional-logit ranker: a linear score per candidate, softmax over one document's candidates.
 * Trained by full-batch Adam on the log-likelihood of the right candidates, with an L2 penalty.
 * No randomness: the same groups in the same order give the same weights.
 */
export interface RankerWeights {
  names: string[];
  /** Per-feature mean (kept for inspection) and scale (1 / standard deviation) applied before the dot product. */
  mean: number[];
  scale: number[];
  w: number[];
}

/** One document's candidates; `right[i]` marks the candidates that equal the ground truth. */
export interface Group {
  x: SparseVector[];
  right: boolean[];
}

export interface TrainOptions {
  iterations: number;
  rate: number;
  l2: number;
}

export const DEFAULT_TRAIN: TrainOptions = { iterations: 150, rate: 0.05, l2: 0.01 };

interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

interface Prepared {
  rows: SparseRow[];
  right: boolean[];
}

/**
 * Fits the ranker. Groups without a right candidate teach nothing and are skipped.
 * Features are scaled to unit variance but not centred: a shift common to all candidates of a document
 * cancels in the softmax, so centring would change nothing but the speed (rows stay sparse).
 */
export function trainRanker(groups: readonly Group[], options: TrainOptions = DEFAULT_TRAIN): RankerWeights {
  const useful = groups.filter((g) => g.right.some((r) => r) && g.x.length > 1);
  const seen = new Set<string>();
  for (const g of useful) for (const v of g.x) for (const [n] of v) seen.add(n);
  const names = [...seen].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const d = names.length;
  const sum = new Float64Array(d);
  const sq = new Float64Array(d);
  let count = 0;
  for (const g of useful) {
    for (const v of g.x) {
      count += 1;
      for (const [name, value] of v) {
        const j = index.get(name) ?? 0;
        sum[j] = (sum[j] ?? 0) + value;
        sq[j] = (sq[j] ?? 0) + value * value;
      }
    }
  }
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const m = (sum[j] ?? 0) / Math.max(1, count);
    const variance = (sq[j] ?? 0) / Math.max(1, count) - m * m;
    mean[j] = m;
    scale[j] = variance > 1e-9 ? 1 / Math.sqrt(variance) : 0;
  }
  const data: Prepared[] = useful.map((g) => ({
    rows: g.x.map((v) => {
      const idx = new Int32Array(v.length);
      const val = new Float64Array(v.length);
      v.forEach(([name, value], k) => {
        const j = index.get(name) ?? 0;
        idx[k] = j;
        val[k] = value * (scale[j] ?? 0);
      });
      return { idx, val };
    }),
    right: g.right,
  }));
  const w = new Float64Array(d);
  const m1 = new Float64Array(d);
  const m2 = new Float64Array(d);
  const grad = new Float64Array(d);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let e = new Float64Array(64);
  for (let t = 1; t <= options.iterations; t++) {
    grad.fill(0);
    for (const g of data) {
      const n = g.rows.length;
      if (e.length < n) e = new Float64Array(n * 2);
      let top = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = dot(w, g.rows[i] as SparseRow);
        e[i] = v;
        if (v > top) top = v;
      }
      let z = 0;
      let zRight = 0;
      for (let i = 0; i < n; i++) {
        const v = Math.exp((e[i] ?? 0) - top);
        e[i] = v;
        z += v;
        if (g.right[i] === true) zRight += v;
      }
      for (let i = 0; i < n; i++) {
        const c = (e[i] ?? 0) / z - (g.right[i] === true ? (e[i] ?? 0) / zRight : 0);
        if (c === 0) continue;
        const row = g.rows[i] as SparseRow;
        for (let k = 0; k < row.idx.length; k++) {
          const j = row.idx[k] ?? 0;
          grad[j] = (grad[j] ?? 0) + c * (row.val[k] ?? 0);
        }
      }
    }
    for (let j = 0; j < d; j++) {
      const gj = (grad[j] ?? 0) / Math.max(1, data.length) + options.l2 * (w[j] ?? 0);
      m1[j] = beta1 * (m1[j] ?? 0) + (1 - beta1) * gj;
      m2[j] = beta2 * (m2[j] ?? 0) + (1 - beta2) * gj * gj;
      const mh = (m1[j] ?? 0) / (1 - beta1 ** t);
      const vh = (m2[j] ?? 0) / (1 - beta2 ** t);
      w[j] = (w[j] ?? 0) - (options.rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const round = (a: Float64Array): number[] => [...a].map((v) => Math.round(v * 1e6) / 1e6);
  return { names, mean: round(mean), scale: round(scale), w: round(w) };
}

function dot(w: Float64Array, row: SparseRow): number {
  let s = 0;
  for (let k = 0; k < row.idx.length; k++) s += (w[row.idx[k] ?? 0] ?? 0) * (row.val[k] ?? 0);
  return s;
}

/**
 * The linear score of one candidate, up to a constant shared by all candidates (w·scale·mean), which the
 * softmax cancels. Features the weights do not know are ignored.
 */
export function scoreCandidate(weights: RankerWeights, x: SparseVector, index: Map<string, number>): number {
  let s = 0;
  for (const [name, value] of x) {
    const j = index.get(name);
    if (j !== undefined) s += (weights.w[j] ?? 0) * (weights.scale[j] ?? 0) * value;
  }
  return s;
}

/** Softmax probabilities of a document's candidates. */
export function rankCandidates(weights: RankerWeights, xs: readonly SparseVector[]): number[] {
  const index = nameIndex(weights);
  const s = xs.map((x) => scoreCandidate(weights, x, index));
  if (s.length === 0) return [];
  const top = Math.max(...s);
  const e = s.map((v) => Math.exp(v - top));
  const z = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / z);
}

const indexes = new WeakMap<RankerWeights, Map<string, number>>();

export function nameIndex(weights: RankerWeights): Map<string, number> {
  let index = indexes.get(weights);
  if (!index) {
    index = new Map(weights.names.map((n, i) => [n, i]));
    indexes.set(weights, index);
  }
  return index;
}
