import { describe, expect, it, vi } from "vitest";
import { cachedRanker } from "./ranker-cache";

const texts = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `record ${i} about stem cells`, abstract: "" }));

describe("cachedRanker", () => {
  it("builds a stage's features once while its records stay the same, and again when they change", async () => {
    const load = vi.fn(async () => texts(3));
    const first = await cachedRanker("review-a:title_abstract", ["a", "b", "c"], load);
    expect(await cachedRanker("review-a:title_abstract", ["a", "b", "c"], load)).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);

    const merged = vi.fn(async () => texts(2));
    const after = await cachedRanker("review-a:title_abstract", ["a", "c"], merged);
    expect(after).not.toBe(first);
    expect(after.features.rows).toHaveLength(2);
    expect(merged).toHaveBeenCalledTimes(1);
  });

  it("keeps stages apart", async () => {
    const load = vi.fn(async () => texts(1));
    await cachedRanker("review-b:title_abstract", ["x"], load);
    await cachedRanker("review-b:full_text", ["x"], load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
