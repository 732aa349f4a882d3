// The two rankers: ASReview's default (TF-IDF + multinomial naive Bayes with double balance), kept as the
// benchmark's reference, and Sift's (bigram and keyword TF-IDF, an ensemble of class-weighted logistic
// regression and naive Bayes). Both score every record from the labelled ones; higher means likelier include.
import { classWeighted, doubleBalance } from "./balance";
import { buildFeatures, type FeatureMatrix, REFERENCE_RECIPE, SIFT_RECIPE, type TextRecord } from "./features";
import { trainLogistic } from "./logistic";
import { trainNaiveBayes } from "./naive-bayes";
import type { Random } from "./random";

export type ModelName = "sift" | "asreview-default";

/** Labelled records: row index → 1 (include) or 0 (exclude). */
export type Labels = ReadonlyMap<number, 0 | 1>;

export const NB_ALPHA = 3.822;

export interface Ranker {
  features: FeatureMatrix;
  score(labels: Labels, random: Random): Float64Array;
}

function scoreAll(features: FeatureMatrix, scorer: (row: FeatureMatrix["rows"][number]) => number): Float64Array {
  return Float64Array.from(features.rows, scorer);
}

/** Standardises scores so two models' scales can be averaged. */
function standardise(scores: Float64Array): Float64Array {
  let mean = 0;
  for (const s of scores) mean += s / scores.length;
  let variance = 0;
  for (const s of scores) variance += (s - mean) ** 2 / scores.length;
  const sd = Math.sqrt(variance) || 1;
  return scores.map((s) => (s - mean) / sd);
}

export function createRanker(name: ModelName, records: readonly TextRecord[]): Ranker {
  if (name === "asreview-default") {
    const features = buildFeatures(records, REFERENCE_RECIPE);
    return {
      features,
      score: (labels, random) =>
        scoreAll(features, trainNaiveBayes(doubleBalance(features.rows, labels, random), features.terms, NB_ALPHA)),
    };
  }
  const features = buildFeatures(records, SIFT_RECIPE);
  return {
    features,
    score: (labels, random) => {
      const set = classWeighted(features.rows, labels);
      const logistic = standardise(
        scoreAll(features, trainLogistic(set, features.terms, { epochs: 8, lambda: 1e-4, learningRate: 0.5 }, random)),
      );
      const bayes = standardise(scoreAll(features, trainNaiveBayes(set, features.terms, 0.1)));
      return logistic.map((s, i) => s + bayes[i]!);
    },
  };
}
