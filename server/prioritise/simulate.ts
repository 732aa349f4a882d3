// The standard screening simulation: start from one random include and one random exclude, then always screen
// the top-ranked unscreened record and retrain after each decision, until every include is found.
import type { Labels, Ranker } from "./model";
import { sampleWithoutReplacement, seededRandom } from "./random";

export interface SimulationResult {
  /** Records in screening order after the prior knowledge (priors excluded, as ASReview Insights counts). */
  order: number[];
  priors: number[];
}

export function simulate(ranker: Ranker, truth: Uint8Array, seed: number): SimulationResult {
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
    let best = -1;
    for (let i = 0; i < scores.length; i++) if (!labels.has(i) && (best < 0 || scores[i]! > scores[best]!)) best = i;
    labels.set(best, truth[best] as 0 | 1);
    order.push(best);
    if (truth[best]) remainingIncludes--;
  }
  return { order, priors };
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
