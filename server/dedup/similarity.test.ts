import { describe, expect, it } from "vitest";
import { boundedLevenshtein, editSimilarity, sharedCount } from "./similarity";

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function randomWord(next: () => number, length: number): string {
  return Array.from({ length }, () => "abcd"[Math.floor(next() * 4)]).join("");
}

describe("boundedLevenshtein", () => {
  it("equals the plain distance when within the limit and says 'over' otherwise", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 2000; n++) {
      const a = randomWord(next, Math.floor(next() * 30));
      const b = randomWord(next, Math.floor(next() * 30));
      const limit = Math.floor(next() * 12);
      const exact = levenshtein(a, b);
      expect(boundedLevenshtein(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
    }
  });

  it("handles strings longer than its preallocated rows", () => {
    const long = "a".repeat(600);
    expect(boundedLevenshtein(long, `${long}b`, 3)).toBe(1);
  });
});

describe("editSimilarity", () => {
  it("is 1 − distance / longer length, and 0 below the floor", () => {
    expect(editSimilarity("paroxysmal", "paroxsmal")).toBeCloseTo(0.9);
    expect(editSimilarity("", "")).toBe(1);
    expect(editSimilarity("abcdefghij", "klmnopqrst", 0.5)).toBe(0);
  });
});

describe("sharedCount", () => {
  it("counts common ids of two sorted lists", () => {
    expect(sharedCount([1, 3, 5, 9], [2, 3, 9, 11])).toBe(2);
    expect(sharedCount([], [1])).toBe(0);
  });
});
