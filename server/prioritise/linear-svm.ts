// L2-regularised linear SVM with the squared hinge loss, trained by dual coordinate descent (Hsieh, Chang, Lin,
// Keerthi and Sundararajan, "A dual coordinate descent method for large-scale linear SVM", ICML 2008): the
// solver liblinear runs for scikit-learn's LinearSVC(loss="squared_hinge", dual=True). As liblinear, the bias is
// an extra feature of value 1 and is regularised with the weights, a sample weight multiplies C for its row, and
// training stops when the projected gradient's spread falls below `tol` (scikit-learn's default 1e-4) or after
// `maxIter` passes.
import type { SparseRow } from "./features";
import type { TrainingSet } from "./naive-bayes";
import { type Random, shuffle } from "./random";

export interface SvmOptions {
  C: number;
  tol: number;
  maxIter: number;
}

export const LINEAR_SVC_DEFAULTS = { tol: 1e-4, maxIter: 1000 };

export interface LinearSvm {
  w: Float64Array;
  bias: number;
  /** Passes over the training rows until convergence (maxIter when it did not converge). */
  iterations: number;
  /** The decision function w·x + b. */
  score(row: SparseRow): number;
}

/**
 * `warm`, when given, holds one dual variable per record (indexed like `rowIds`) and is read as the starting
 * point and written back: the optimum does not depend on the start, but a start from the last retraining's
 * solution converges in a few passes instead of dozens.
 */
export function trainLinearSvm(
  set: TrainingSet,
  columns: number,
  options: SvmOptions,
  random: Random,
  warm?: { alpha: Float64Array; rowIds: ArrayLike<number> },
): LinearSvm {
  const n = set.rows.length;
  // The training rows copied into one contiguous sparse matrix, every pass reads them all, with their terms
  // renumbered densely: the weights they touch then fit in cache, which the weights of every term of a 100,000-record
  // review do not (random reads of those were most of a retraining's time).
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + set.rows[i]!.idx.length;
  const idx = new Int32Array(start[n]!);
  const val = new Float64Array(start[n]!);
  const localOf = new Int32Array(columns).fill(-1);
  const columnOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = set.rows[i]!;
    val.set(row.val, start[i]!);
    for (let k = 0; k < row.idx.length; k++) {
      const j = row.idx[k]!;
      if (localOf[j]! < 0) {
        localOf[j] = columnOf.length;
        columnOf.push(j);
      }
      idx[start[i]! + k] = localOf[j]!;
    }
  }
  const w = new Float64Array(columnOf.length);
  let bias = 0;
  const y = new Float64Array(n);
  const diag = new Float64Array(n);
  const qii = new Float64Array(n);
  const alpha = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = set.labels[i] ? 1 : -1;
    // Squared hinge: the dual's box is [0, ∞) and C enters as a diagonal 1 / (2 C_i).
    diag[i] = 1 / (2 * options.C * set.weights[i]!);
    let sq = 1; // the bias feature
    for (let k = start[i]!; k < start[i + 1]!; k++) sq += val[k]! * val[k]!;
    qii[i] = sq + diag[i]!;
    const a = warm ? warm.alpha[warm.rowIds[i]!]! : 0;
    if (a > 0) {
      alpha[i] = a;
      bias += a * y[i]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) w[idx[k]!] = w[idx[k]!]! + a * y[i]! * val[k]!;
    }
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let iterations = 0;
  while (iterations < options.maxIter) {
    iterations++;
    shuffle(order, random);
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let o = 0; o < n; o++) {
      const i = order[o]!;
      const from = start[i]!;
      const to = start[i + 1]!;
      let margin = bias;
      for (let k = from; k < to; k++) margin += w[idx[k]!]! * val[k]!;
      const g = y[i]! * margin - 1 + diag[i]! * alpha[i]!;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i]!;
        alpha[i] = Math.max(old - g / qii[i]!, 0);
        const d = (alpha[i]! - old) * y[i]!;
        bias += d;
        for (let k = from; k < to; k++) w[idx[k]!] = w[idx[k]!]! + d * val[k]!;
      }
    }
    if (pgMax - pgMin <= options.tol) break;
  }
  if (warm) for (let i = 0; i < n; i++) warm.alpha[warm.rowIds[i]!] = alpha[i]!;
  const weights = new Float64Array(columns);
  // Terms no training row has weigh 0: scoring skips them after a read of this small array (which stays in cache),
  // saving a cache miss on the weights per skipped term without changing a score.
  const trained = new Uint8Array(columns);
  columnOf.forEach((j, local) => {
    weights[j] = w[local]!;
    trained[j] = 1;
  });
  return {
    w: weights,
    bias,
    iterations,
    score: (row) => {
      let s = bias;
      for (let k = 0; k < row.idx.length; k++) {
        const j = row.idx[k]!;
        if (trained[j]) s += weights[j]! * row.val[k]!;
      }
      return s;
    },
  };
}
