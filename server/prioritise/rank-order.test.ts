import { describe, expect, it } from "vitest";
import { rankUnlabelled, relevanceAt } from "./rank-order";

describe("rankUnlabelled", () => {
  it("orders the unlabelled records by score, leaving the labelled ones out", () => {
    const scores = Float64Array.from([0.9, 0.1, 0.5, 0.7, 0.3]);
    expect(rankUnlabelled(scores, new Map([[0, 1], [3, 0]]))).toEqual([2, 4, 1]);
  });

  it("breaks ties by input order", () => {
    expect(rankUnlabelled(Float64Array.from([0.2, 0.5, 0.5, 0.2]), new Map())).toEqual([1, 2, 0, 3]);
  });
});

describe("relevanceAt", () => {
  it("is 100 for the first record and falls by percentile", () => {
    expect(relevanceAt(1, 200)).toBe(100);
    expect(relevanceAt(101, 200)).toBe(50);
    expect(relevanceAt(200, 200)).toBe(1);
  });
});
