import { describe, expect, it } from "vitest";
import { differs, wordDiff } from "./compare-text";

const changed = (text: string, other: string) =>
  wordDiff(text, other)
    .filter((w) => w.changed)
    .map((w) => w.text);

describe("differs", () => {
  it("ignores case and spacing", () => {
    expect(differs("  Smith,  J ", "smith, j")).toBe(false);
    expect(differs("123-9", "123-129")).toBe(true);
  });
  it("ignores punctuation in free text only", () => {
    expect(differs("Aspirin in stroke.", "aspirin in stroke", true)).toBe(false);
    expect(differs("Aspirin in stroke.", "aspirin in stroke")).toBe(true);
  });
});

describe("wordDiff", () => {
  it("marks the words the other title lacks", () => {
    const title = "Effects of aspirin on stroke: a randomised trial.";
    const other = "Effect of aspirin in stroke - a randomized trial";
    expect(changed(title, other)).toEqual(["Effects", "on", "randomised"]);
  });
  it("marks nothing in identical titles that differ only in case and punctuation", () => {
    expect(changed("Aspirin: A Trial.", "aspirin a trial")).toEqual([]);
  });
  it("keeps every word, in order", () => {
    expect(wordDiff("a b c", "x a c").map((w) => w.text)).toEqual(["a", "b", "c"]);
  });
});
