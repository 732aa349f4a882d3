import { describe, expect, it } from "vitest";
import { pairsToReview } from "./pairs-to-review";
import type { CandidatePair } from "./types";

const review = (aId: string, bId: string, score: number): CandidatePair => ({
  aId,
  bId,
  score,
  decision: "review",
  evidence: {},
});

describe("pairsToReview", () => {
  it("asks once about two groups of copies, with the strongest of their borderline pairs", () => {
    // Two copies of an abstract (a1, a2) were merged, and two copies of its article (b1, b2): four borderline
    // pairs between them are one question.
    const pairs = [review("a2", "b1", 0.6), review("a1", "b1", 0.7), review("a2", "b2", 0.9), review("a1", "b2", 0.8)];
    const removals = [
      { removedId: "a2", keptId: "a1", pairScore: 1 },
      { removedId: "b2", keptId: "b1", pairScore: 1 },
    ];
    const asked = pairsToReview(pairs, removals);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ a: "a1", b: "b1", pair: { aId: "a2", bId: "b2", score: 0.9 } });
  });

  it("drops a borderline pair whose records were merged into one, and keeps sure pairs out", () => {
    const pairs = [
      review("a", "b", 0.7),
      { ...review("a", "b", 0.99), decision: "merge" as const },
      review("c", "d", 0.6),
    ];
    const asked = pairsToReview(pairs, [{ removedId: "b", keptId: "a", pairScore: 0.99 }]);
    expect(asked.map((p) => [p.a, p.b])).toEqual([["c", "d"]]);
  });
});
