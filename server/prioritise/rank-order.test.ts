import { describe, expect, it } from "vitest";
import { rankOpen, relevanceAt } from "./rank-order";

describe("rankOpen", () => {
  it("orders the open records by score, leaving the others out", () => {
    const scores = Float64Array.from([0.9, 0.1, 0.5, 0.7, 0.3]);
    expect(rankOpen(scores, [1, 2, 4])).toEqual([2, 4, 1]);
  });

  it("breaks ties by index", () => {
    expect(rankOpen(Float64Array.from([0.2, 0.5, 0.5, 0.2]), [3, 2, 1, 0])).toEqual([1, 2, 0, 3]);
  });
});

describe("relevanceAt", () => {
  it("is 100 for the first record and falls by percentile", () => {
    expect(relevanceAt(1, 200)).toBe(100);
    expect(relevanceAt(101, 200)).toBe(50);
    expect(relevanceAt(200, 200)).toBe(1);
  });
});
