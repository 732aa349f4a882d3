// L2-regularised logistic regression trained by stochastic gradient descent on sparse rows. The weight vector is
// kept as scale × w, so the L2 shrink of every step costs O(1) and an update touches only a row's terms.
import type { SparseRow } from "./features";
import type { TrainingSet } from "./naive-bayes";
import { type Random, shuffle } from "./random";

export interface LogisticOptions {
  epochs: number;
  lambda: number;
  learningRate: number;
}

export function trainLogistic(
  set: TrainingSet,
  terms: number,
  options: LogisticOptions,
  random: Random,
): (row: SparseRow) => number {
  const w = new Float64Array(terms);
  let scale = 1;
  let bias = 0;
  const order = set.rows.map((_, i) => i);
  const meanWeight = set.weights.reduce((s, x) => s + x, 0) / Math.max(1, set.weights.length);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const row = set.rows[i]!;
      const eta = options.learningRate / (1 + options.learningRate * options.lambda * t++);
      let z = bias;
      for (let k = 0; k < row.idx.length; k++) z += scale * w[row.idx[k]!]! * row.val[k]!;
      const y = set.labels[i]!;
      const g = (1 / (1 + Math.exp(-z)) - y) * (set.weights[i]! / meanWeight);
      scale *= 1 - eta * options.lambda;
      if (scale < 1e-9) {
        for (let j = 0; j < terms; j++) w[j] = w[j]! * scale;
        scale = 1;
      }
      const step = (eta * g) / scale;
      for (let k = 0; k < row.idx.length; k++) {
        const j = row.idx[k]!;
        w[j] = w[j]! - step * row.val[k]!;
      }
      bias -= eta * g * 0.1;
    }
  }
  return (row) => {
    let z = bias;
    for (let k = 0; k < row.idx.length; k++) z += scale * w[row.idx[k]!]! * row.val[k]!;
    return z;
  };
}
