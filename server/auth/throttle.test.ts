import { describe, expect, it } from "vitest";
import { blockFor, waitAfter } from "./throttle";

describe("blockFor", () => {
  it("lets the first four failures through, then doubles the wait up to 15 minutes", () => {
    expect([1, 2, 3, 4].map(blockFor)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(blockFor)).toEqual([1000, 2000, 4000, 8000]);
    expect(blockFor(40)).toBe(15 * 60_000);
    expect(blockFor(100_000)).toBe(15 * 60_000);
  });

  it("starts later for a larger free budget", () => {
    expect([19, 20, 21].map((n) => waitAfter(n, 20))).toEqual([0, 1000, 2000]);
  });
});
