import { describe, expect, it, vi } from "vitest";
import { cachedRanker, fingerprintOf } from "./ranker-cache";

/** A stage source over these ids, recording which texts were asked for. */
function source(ids: string[]) {
  const asked: string[][] = [];
  return {
    asked,
    ids: vi.fn(async () => ids),
    texts: async (wanted: string[]) => {
      asked.push(wanted);
      return new Map(wanted.map((id) => [id, { title: `record ${id} about stem cells`, abstract: "" }]));
    },
  };
}

describe("cachedRanker", () => {
  it("builds a stage's features once while its records stay the same, and again when they change", async () => {
    const stage = source(["a", "b", "c"]);
    const first = await cachedRanker("review-a:title_abstract", fingerprintOf(["a", "b", "c"]), stage);
    expect(first?.ids).toEqual(["a", "b", "c"]);
    expect(await cachedRanker("review-a:title_abstract", fingerprintOf(["a", "b", "c"]), stage)).toBe(first);
    expect(stage.ids).toHaveBeenCalledTimes(1);

    const merged = source(["a", "c"]);
    const after = await cachedRanker("review-a:title_abstract", fingerprintOf(["a", "c"]), merged);
    expect(after?.ranker.features.rows).toHaveLength(2);
    expect(merged.ids).toHaveBeenCalledTimes(1);
  });

  it("reads and counts only the records an import added", async () => {
    const before = source(["d", "e"]);
    await cachedRanker("review-d:title_abstract", fingerprintOf(["d", "e"]), before);
    expect(before.asked).toEqual([["d", "e"]]);
    const imported = source(["d", "e", "f", "g"]);
    const after = await cachedRanker("review-d:title_abstract", fingerprintOf(["d", "e", "f", "g"]), imported);
    expect(imported.asked).toEqual([["f", "g"]]);
    expect(after?.ranker.features.rows).toHaveLength(4);
  });

  it("keeps stages apart", async () => {
    const stage = source(["x"]);
    await cachedRanker("review-b:title_abstract", fingerprintOf(["x"]), stage);
    await cachedRanker("review-b:full_text", fingerprintOf(["x"]), stage);
    expect(stage.ids).toHaveBeenCalledTimes(2);
  });

  it("caches nothing when the records read are not the ones fingerprinted (they changed in between)", async () => {
    const stage = source(["p", "q", "r"]);
    expect(await cachedRanker("review-c:title_abstract", fingerprintOf(["p", "q"]), stage)).toBeNull();
    expect(await cachedRanker("review-c:title_abstract", fingerprintOf(["p", "q"]), stage)).toBeNull();
    expect(stage.ids).toHaveBeenCalledTimes(2);
    expect(stage.asked).toEqual([]);
  });
});
