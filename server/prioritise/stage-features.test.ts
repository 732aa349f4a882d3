import { describe, expect, it } from "vitest";
import { buildFeatures, type FeatureMatrix, SIFT_RECIPE, type TextRecord, Vocabulary } from "./features";
import { StageFeatures } from "./stage-features";

const text = (i: number): TextRecord => ({
  title: `Stem cell trial ${i % 7} in ALS`,
  abstract: `Mesenchymal cells ${i % 3 ? "delayed" : "did not delay"} onset in SOD1 mice, cohort ${i % 5}.`,
  keywords: i % 2 ? ["ALS", `batch ${i % 4}`] : [],
});

/** Each row as term text → weight, so matrices with different term ids can be compared. */
function byText(matrix: FeatureMatrix, texts: string[]) {
  return matrix.rows.map((row) => {
    const weights = new Map<string, number>();
    row.idx.forEach((j, k) => {
      if (row.val[k] !== 0) weights.set(texts[j]!, row.val[k]!);
    });
    return weights;
  });
}

function fromScratch(records: TextRecord[]) {
  const vocabulary = new Vocabulary(SIFT_RECIPE);
  const counted = records.map((r) => vocabulary.count(r));
  const matrix = buildFeatures(records, SIFT_RECIPE);
  // buildFeatures hands out ids the same way a fresh vocabulary does.
  expect(counted.map((c) => [...c.ids])).toEqual(matrix.rows.map((r) => [...r.idx]));
  return byText(matrix, vocabulary.texts());
}

describe("StageFeatures", () => {
  it("after an import, a merge and a withdrawal equals a build from scratch on the same records", () => {
    const stage = new StageFeatures(SIFT_RECIPE);
    const ids = Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, "0")}`);
    const texts = new Map(ids.map((id, i) => [id, text(i)]));
    stage.update(ids.slice(0, 20), texts);

    // Import r20–r29, merge r03 away, withdraw r10–r14.
    const after = ids.filter((id) => id !== "r03" && !(id >= "r10" && id <= "r14"));
    expect(stage.missing(after)).toEqual(ids.slice(20));
    const imported = new Map(ids.slice(20).map((id) => [id, texts.get(id)!]));
    const updated = stage.update(after, imported);

    const expected = fromScratch(after.map((id) => texts.get(id)!));
    expect(byText(updated, stage.termTexts()).map((row) => [...row].sort())).toEqual(
      expected.map((row) =>
        [...row].sort().map(([term, weight]) => [term, expect.closeTo(weight, 6)] as [string, number]),
      ),
    );
    expect(updated.terms).toBe(
      buildFeatures(
        [...after].map((id) => texts.get(id)!),
        SIFT_RECIPE,
      ).terms,
    );
  });

  it("says which records it needs text for, and refuses to invent a missing one", () => {
    const stage = new StageFeatures(SIFT_RECIPE);
    stage.update(["a"], new Map([["a", text(1)]]));
    expect(stage.missing(["a", "b"])).toEqual(["b"]);
    expect(() => stage.update(["a", "b"], new Map())).toThrow(/no text for record b/);
  });
});
