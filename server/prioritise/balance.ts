// How the labelled records become a training set. ASReview's default "double" balance resamples inclusions up
// and exclusions down depending on how many of each are known; Sift's balance weights the classes instead,
// which uses every labelled record once and needs no random draw.

import type { SparseRow } from "./features";
import type { TrainingSet } from "./naive-bayes";
import { type Random, sampleWithoutReplacement } from "./random";

export const DOUBLE_BALANCE = { a: 2.155, alpha: 0.94, b: 0.789, beta: 1.0 };

/** Rounds down or up at random, up with probability equal to the fraction. */
function randomRound(value: number, random: Random): number {
  const base = Math.floor(value);
  return random() < value - base ? base + 1 : base;
}

/** `n` draws from `from`: whole copies first, the remainder sampled without replacement. Returns counts per item. */
function fill(from: number[], n: number, random: Random, counts: Map<number, number>) {
  const copies = Math.floor(n / from.length);
  for (const i of from) counts.set(i, (counts.get(i) ?? 0) + copies);
  for (const i of sampleWithoutReplacement(from, n - copies * from.length, random))
    counts.set(i, (counts.get(i) ?? 0) + 1);
}

/** ASReview's double balance: returns the resampled set as distinct rows with multiplicities as weights. */
export function doubleBalance(rows: SparseRow[], labelled: ReadonlyMap<number, 0 | 1>, random: Random): TrainingSet {
  const ones = [...labelled].filter(([, y]) => y === 1).map(([i]) => i);
  const zeros = [...labelled].filter(([, y]) => y === 0).map(([i]) => i);
  const counts = new Map<number, number>();
  if (ones.length === 0 || zeros.length === 0) {
    for (const i of labelled.keys()) counts.set(i, 1);
  } else {
    const { a, alpha, b, beta } = DOUBLE_BALANCE;
    const nTrain = ones.length + zeros.length;
    const oneWeight = a * (ones.length / zeros.length) ** -alpha;
    const zeroWeight = 1 - (1 - b) * (1 + Math.log(nTrain)) ** -beta;
    const total = oneWeight * ones.length + zeroWeight * zeros.length;
    const nOnes = Math.max(1, Math.min(nTrain - 2, randomRound((oneWeight * ones.length * nTrain) / total, random)));
    fill(ones, nOnes, random, counts);
    fill(zeros, nTrain - nOnes, random, counts);
  }
  return toSet(rows, labelled, counts);
}

/**
 * ASReview v2's balanced sample weights (v2.2 asreview/models/balancers.py, Balanced.compute_sample_weight:
 * `{1: 1.0, 0: sum(y == 1) / (self.ratio * sum(y == 0))}`, then `weights * (len(y) / sum(weights))`).
 */
export function ratioBalanced(rows: SparseRow[], labelled: ReadonlyMap<number, 0 | 1>, ratio: number): TrainingSet {
  let ones = 0;
  for (const y of labelled.values()) ones += y;
  const zeros = labelled.size - ones;
  const zeroWeight = ones / (ratio * zeros);
  const scale = labelled.size / (ones + zeroWeight * zeros);
  const counts = new Map<number, number>();
  for (const [i, y] of labelled) counts.set(i, (y === 1 ? 1 : zeroWeight) * scale);
  return toSet(rows, labelled, counts);
}

function toSet(rows: SparseRow[], labelled: ReadonlyMap<number, 0 | 1>, counts: Map<number, number>): TrainingSet {
  const ids = [...counts].filter(([, c]) => c > 0).map(([i]) => i);
  return {
    rowIds: Int32Array.from(ids),
    rows: ids.map((i) => rows[i]!),
    labels: Uint8Array.from(ids, (i) => labelled.get(i)!),
    weights: Float64Array.from(ids, (i) => counts.get(i)!),
  };
}
