import { describe, expect, it } from "vitest";
import { PairTable } from "./pair-table";
import { scanTokens, WordTable } from "./word-table";

const tokens = (text: string) => {
  const found: string[] = [];
  scanTokens(text, (start, end) => found.push(text.slice(start, end)));
  return found;
};

describe("scanTokens", () => {
  it("finds runs of two or more letters, digits or underscores, as scikit-learn's token pattern", () => {
    expect(tokens("sod1-g93a mice, a model_of als (n=12); β-amyloid ü")).toEqual([
      "sod1",
      "g93a",
      "mice",
      "model_of",
      "als",
      "12",
      "amyloid",
    ]);
    expect(tokens("αβ-crystallin 𝐀𝐁 x")).toEqual(["αβ", "crystallin", "𝐀𝐁"]);
  });
});

describe("WordTable", () => {
  it("gives a word the same index wherever it occurs and a new one to each new word", () => {
    const table = new WordTable();
    const text =
      "cells stem cells stem-cell cells ".repeat(2000) + Array.from({ length: 5000 }, (_, i) => `w${i}`).join(" ");
    const ids: number[] = [];
    scanTokens(text, (start, end, hash) => ids.push(table.intern(text, start, end, hash)));
    expect(ids.slice(0, 5)).toEqual([0, 1, 0, 1, 2]);
    expect(table.words.slice(0, 3)).toEqual(["cells", "stem", "cell"]);
    expect(table.words).toHaveLength(3 + 5000);
    expect(new Set(table.words).size).toBe(table.words.length);
  });
});

describe("PairTable", () => {
  it("stores a value per ordered pair and keeps them all as it grows", () => {
    const table = new PairTable(4);
    let next = 0;
    for (let a = 0; a < 300; a++) for (let b = 0; b < 30; b++) table.getOrAdd(a, b, () => next++);
    expect(table.size).toBe(9000);
    expect(table.get(0, 1)).toBe(1);
    expect(table.get(1, 0)).toBe(30);
    expect(table.get(299, 29)).toBe(8999);
    expect(table.get(300, 0)).toBe(-1);
    expect(table.getOrAdd(5, 5, () => -7)).toBe(5 * 30 + 5);
  });
});
