import { describe, expect, it, vi } from "vitest";
import { cachedRanker, fingerprintOf } from "./ranker-cache";

const stage = (ids: string[]) => ({
  ids,
  texts: ids.map((id) => ({ title: `record ${id} about stem cells`, abstract: "" })),
});

describe("cachedRanker", () => {
  it("builds a stage's features once while its records stay the same, and again when they change", async () => {
    const load = vi.fn(async () => stage(["a", "b", "c"]));
    const first = await cachedRanker("review-a:title_abstract", fingerprintOf(["a", "b", "c"]), load);
    expect(first?.ids).toEqual(["a", "b", "c"]);
    expect(await cachedRanker("review-a:title_abstract", fingerprintOf(["a", "b", "c"]), load)).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);

    const merged = vi.fn(async () => stage(["a", "c"]));
    const after = await cachedRanker("review-a:title_abstract", fingerprintOf(["a", "c"]), merged);
    expect(after?.ranker.features.rows).toHaveLength(2);
    expect(merged).toHaveBeenCalledTimes(1);
  });

  it("keeps stages apart", async () => {
    const load = vi.fn(async () => stage(["x"]));
    await cachedRanker("review-b:title_abstract", fingerprintOf(["x"]), load);
    await cachedRanker("review-b:full_text", fingerprintOf(["x"]), load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("caches nothing when the records read are not the ones fingerprinted (they changed in between)", async () => {
    const load = vi.fn(async () => stage(["p", "q", "r"]));
    expect(await cachedRanker("review-c:title_abstract", fingerprintOf(["p", "q"]), load)).toBeNull();
    expect(await cachedRanker("review-c:title_abstract", fingerprintOf(["p", "q"]), load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
