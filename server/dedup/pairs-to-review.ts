// The review pairs a person is asked about, as the import stores them: each borderline pair's ends taken as the
// records they were merged into, and one pair per two such records. Copies of one document chain, so four copies
// of an abstract beside four copies of its article give sixteen borderline pairs but one question.
import type { CandidatePair, Removal } from "./types";

export interface PairToReview {
  /** The record kept for the pair's first end (itself when it was not merged away). */
  a: string;
  b: string;
  /** The strongest borderline pair between the two, whose score and evidence are shown. */
  pair: CandidatePair;
}

export function pairsToReview(pairs: readonly CandidatePair[], removals: readonly Removal[]): PairToReview[] {
  const keptFor = new Map(removals.map((r) => [r.removedId, r.keptId]));
  const byKey = new Map<string, PairToReview>();
  for (const pair of pairs) {
    if (pair.decision !== "review") continue;
    const a = keptFor.get(pair.aId) ?? pair.aId;
    const b = keptFor.get(pair.bId) ?? pair.bId;
    if (a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const seen = byKey.get(key);
    if (!seen || pair.score > seen.pair.score) byKey.set(key, { a, b, pair });
  }
  return [...byKey.values()];
}
