// The rankers: ASReview v1's default (TF-IDF + multinomial naive Bayes with double balance) and ELAS u4 (ASReview
// v2's default: a linear SVM on sublinear 1–2-gram TF-IDF with balanced sample weights), kept faithful as the
// benchmark's references, and Sift's. Each scores every record from the labelled ones; higher means likelier
// include.
import { doubleBalance, ratioBalanced } from "./balance";
import {
  ASREVIEW_V1_RECIPE,
  buildFeatures,
  ELAS_U4_RECIPE,
  type FeatureMatrix,
  SIFT_RECIPE,
  type TextRecord,
} from "./features";
import { LINEAR_SVC_DEFAULTS, trainLinearSvm } from "./linear-svm";
import { trainNaiveBayes } from "./naive-bayes";
import type { Random } from "./random";

export type ModelName = "sift" | "asreview-v1-default" | "elas-u4";

/** Labelled records: row index → 1 (include) or 0 (exclude). */
export type Labels = ReadonlyMap<number, 0 | 1>;

/** v1.6.6 asreview/models/classifiers/nb.py: `MultinomialNB(alpha=alpha)` with `alpha=3.822`. */
export const NB_ALPHA = 3.822;
/** v2.2 asreview/models/models.py, ELAS u4: `classifier_param={"loss": "squared_hinge", "C": 0.11}`. */
export const ELAS_U4_C = 0.11;
/** v2.2 asreview/models/models.py, ELAS u4: `balancer="balanced", balancer_param={"ratio": 9.8}`. */
export const ELAS_U4_RATIO = 9.8;

export interface Ranker {
  features: FeatureMatrix;
  score(labels: Labels, random: Random): Float64Array;
}

function scoreAll(features: FeatureMatrix, scorer: (row: FeatureMatrix["rows"][number]) => number): Float64Array {
  return Float64Array.from(features.rows, scorer);
}

/** A linear SVM scorer that starts each retraining from the previous one's dual solution (same optimum). */
function svmScorer(features: FeatureMatrix, C: number, ratio: number) {
  const alpha = new Float64Array(features.rows.length);
  return (labels: Labels, random: Random) => {
    const set = ratioBalanced(features.rows, labels, ratio);
    const svm = trainLinearSvm(set, features.columns, { C, ...LINEAR_SVC_DEFAULTS }, random, {
      alpha,
      rowIds: set.rowIds,
    });
    return scoreAll(features, svm.score);
  };
}

export function createRanker(name: ModelName, records: readonly TextRecord[]): Ranker {
  if (name === "asreview-v1-default") {
    const features = buildFeatures(records, ASREVIEW_V1_RECIPE);
    return {
      features,
      score: (labels, random) =>
        scoreAll(features, trainNaiveBayes(doubleBalance(features.rows, labels, random), features, NB_ALPHA)),
    };
  }
  if (name === "elas-u4") {
    const features = buildFeatures(records, ELAS_U4_RECIPE);
    return { features, score: svmScorer(features, ELAS_U4_C, ELAS_U4_RATIO) };
  }
  return siftRanker(buildFeatures(records, SIFT_RECIPE));
}

/**
 * Sift's ranker on features built with SIFT_RECIPE, chosen by leave-one-set-out over the shared labelled sets
 * (docs/ranker.md): ELAS u4's classifier and balance on ELAS u4's features plus the records' keywords as terms of
 * their own.
 */
export function siftRanker(features: FeatureMatrix): Ranker {
  return { features, score: svmScorer(features, ELAS_U4_C, ELAS_U4_RATIO) };
}
