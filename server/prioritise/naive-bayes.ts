// Multinomial naive Bayes over TF-IDF rows, as scikit-learn's MultinomialNB (additive smoothing `alpha`, class
// priors from the training set). Weights stand for repeated training rows, so a rebalanced training set with
// duplicates trains in time linear in the distinct rows.
import type { FeatureMatrix, SparseRow } from "./features";

export interface TrainingSet {
  /** Each training row's index among all the records. */
  rowIds: Int32Array;
  rows: SparseRow[];
  labels: Uint8Array;
  weights: Float64Array;
}

/** Returns a scorer: the log-odds of inclusion, which orders records exactly as predict_proba's inclusion column. */
export function trainNaiveBayes(
  set: TrainingSet,
  { columns, terms }: Pick<FeatureMatrix, "columns" | "terms">,
  alpha: number,
): (row: SparseRow) => number {
  const counts = [new Float64Array(columns), new Float64Array(columns)];
  const totals = [0, 0];
  const classWeight = [0, 0];
  set.rows.forEach((row, i) => {
    const c = set.labels[i]!;
    const w = set.weights[i]!;
    classWeight[c] = classWeight[c]! + w;
    const target = counts[c]!;
    for (let k = 0; k < row.idx.length; k++) {
      const j = row.idx[k]!;
      target[j] = target[j]! + w * row.val[k]!;
      totals[c] = totals[c]! + w * row.val[k]!;
    }
  });
  const delta = new Float64Array(columns);
  const denominator = [Math.log(totals[0]! + alpha * terms), Math.log(totals[1]! + alpha * terms)];
  for (let j = 0; j < columns; j++) {
    delta[j] =
      Math.log(counts[1]![j]! + alpha) - denominator[1]! - (Math.log(counts[0]![j]! + alpha) - denominator[0]!);
  }
  const prior = Math.log(Math.max(classWeight[1]!, 1e-12)) - Math.log(Math.max(classWeight[0]!, 1e-12));
  return (row) => {
    let s = prior;
    for (let k = 0; k < row.idx.length; k++) s += row.val[k]! * delta[row.idx[k]!]!;
    return s;
  };
}
