// The standard screening simulation: start from one random include and one random exclude, then always screen
// the top-ranked unscreened record and retrain after each decision, until every include is found. With
// `batchPercent`, each retraining is followed by that percentage of the labelled count in decisions (at least
// one), in ranking order: as when several reviewers decide while the ranking is retrained, and 10–50 times fewer
// retrainings on large sets.
import type { Labels, Ranker } from "./model";
import { sampleWithoutReplacement, seededRandom } from "./random";

export interface SimulationResult {
  /** Records in screening order after the prior knowledge (priors excluded, as ASReview Insights counts). */
  order: number[];
  priors: number[];
}

export function simulate(ranker: Ranker, truth: Uint8Array, seed: number, batchPercent = 0): SimulationResult {
  const random = seededRandom(seed);
  const ones: number[] = [];
  const zeros: number[] = [];
  for (const [i, y] of truth.entries()) (y ? ones : zeros).push(i);
  const priors = [...sampleWithoutReplacement(ones, 1, random), ...sampleWithoutReplacement(zeros, 1, random)];
  const labels = new Map<number, 0 | 1>(priors.map((i) => [i, truth[i] as 0 | 1]));
  let remainingIncludes = ones.length - 1;
  const order: number[] = [];
  while (remainingIncludes > 0 && labels.size < truth.length) {
    const scores = ranker.score(labels as Labels, random);
    const batch = Math.max(1, Math.floor((labels.size * batchPercent) / 100));
    const open: number[] = [];
    for (let i = 0; i < scores.length; i++) if (!labels.has(i)) open.push(i);
    // Stable: ties keep record order, as a single argmax would.
    const next = batch === 1 ? [argmax(open, scores)] : open.sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const i of next.slice(0, batch)) {
      if (remainingIncludes === 0) break;
      labels.set(i, truth[i] as 0 | 1);
      order.push(i);
      if (truth[i]) remainingIncludes--;
    }
  }
  return { order, priors };
}

function argmax(candidates: number[], scores: Float64Array): number {
  let best = candidates[0]!;
  for (const i of candidates) if (scores[i]! > scores[best]!) best = i;
  return best;
}

export interface SimulationFigures {
  wss95: number;
  wss100: number;
  rrf10: number;
  screenedFor95: number;
}

/** Screening figures in percent, over the records left after the priors. */
export function figures(result: SimulationResult, truth: Uint8Array): SimulationFigures {
  const total = truth.length - result.priors.length;
  const includes = truth.reduce((s, y) => s + y, 0) - result.priors.filter((i) => truth[i]).length;
  const screenedToFind = (recall: number) => {
    const needed = Math.ceil(recall * includes - 1e-9);
    let found = 0;
    for (let n = 0; n < result.order.length; n++) {
      if (truth[result.order[n]!]) found++;
      if (found >= needed) return n + 1;
    }
    return total;
  };
  const wss = (recall: number) => 100 * ((total - screenedToFind(recall)) / total - (1 - recall));
  const tenth = Math.round(total * 0.1);
  const foundAtTenth = result.order.slice(0, tenth).filter((i) => truth[i]).length;
  return {
    wss95: wss(0.95),
    wss100: wss(1),
    rrf10: (100 * foundAtTenth) / includes,
    screenedFor95: screenedToFind(0.95),
  };
}
