import { describe, expect, it } from "vitest";
import { dice, editSimilarity, levenshtein, sharedCount } from "./similarity";

function plainLevenshtein(a: string, b: string): number {
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

function randomText(next: () => number, length: number, alphabet: string): string {
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
}

describe("levenshtein", () => {
  it("agrees with the plain dynamic programme, across 32-character block boundaries too", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      const alphabet = n % 10 === 0 ? "abcé€😀" : "abcd";
      const a = randomText(next, Math.floor(next() * 110), alphabet);
      const b =
        next() < 0.5
          ? randomText(next, Math.floor(next() * 110), alphabet)
          : a.slice(0, -3) + randomText(next, 4, alphabet);
      expect(levenshtein(a, b)).toBe(plainLevenshtein(a, b));
    }
  });

  it("handles strings longer than its preallocated tables", () => {
    const long = "ab".repeat(700);
    expect(levenshtein(long, `${long}b`)).toBe(1);
    expect(levenshtein(long, long.slice(1))).toBe(1);
    expect(levenshtein("", long)).toBe(1400);
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

describe("dice", () => {
  it("is twice the shared items over both sizes (Dice 1945), as in the textbook night/nacht bigrams", () => {
    // {ni, ig, gh, ht} and {na, ac, ch, ht} share one of eight: 2 × 1 / (4 + 4).
    expect(dice(1, 4, 4)).toBe(0.25);
    expect(dice(3, 3, 3)).toBe(1);
    expect(dice(2, 4, 2)).toBeCloseTo(2 / 3);
  });

  it("is 0 when nothing is shared, and for two empty sets", () => {
    expect(dice(0, 5, 0)).toBe(0);
    expect(dice(0, 0, 0)).toBe(0);
  });
});
