import { describe, expect, it } from "vitest";
import { bundleIncludedCounter } from "./included-studies";

describe("what an earlier review's bundle included", () => {
  it("counts reports included at full text and the studies they are grouped in, as its diagram did", () => {
    const counter = bundleIncludedCounter();
    const rows: [string, Record<string, unknown>][] = [
      ["records", { id: "r1", duplicate_of_id: null }],
      ["records", { id: "r2", duplicate_of_id: null }],
      ["records", { id: "r3", duplicate_of_id: null }],
      ["records", { id: "r4", duplicate_of_id: "r1" }],
      ["records", { id: "r5", duplicate_of_id: null }],
      ["records", { id: "r6", duplicate_of_id: null }],
      ["record_removals", { record_id: "r6" }],
      // A paper and its registry entry (one study), a second study's paper, an excluded report, an ungrouped one.
      ["reports", { id: "p1", record_id: "r1", study_id: "s1" }],
      ["reports", { id: "p2", record_id: "r2", study_id: "s1" }],
      ["reports", { id: "p3", record_id: "r3", study_id: "s2" }],
      ["reports", { id: "p4", record_id: "r4", study_id: "s3" }],
      ["reports", { id: "p5", record_id: "r5", study_id: null }],
      ["reports", { id: "p6", record_id: "r6", study_id: "s4" }],
      ...["r1", "r2", "r4", "r5", "r6"].map((id): [string, Record<string, unknown>] => [
        "screening_outcomes",
        { record_id: id, stage: "full_text", status: "included" },
      ]),
      ["screening_outcomes", { record_id: "r3", stage: "full_text", status: "excluded" }],
      ["screening_outcomes", { record_id: "r3", stage: "title_abstract", status: "included" }],
    ];
    for (const [table, row] of rows) counter.add(table, row);
    // r1, r2 (study s1) and r5 (no study yet): the duplicate r4, the removed r6 and the excluded r3 do not count.
    expect(counter.total()).toEqual({ studies: 1, reports: 3 });
  });

  it("adds the previous version of a review that was itself an update", () => {
    const counter = bundleIncludedCounter();
    counter.add("records", { id: "r1", duplicate_of_id: null });
    counter.add("reports", { id: "p1", record_id: "r1", study_id: "s1" });
    counter.add("screening_outcomes", { record_id: "r1", stage: "full_text", status: "included" });
    counter.add("previous_review_versions", { review_id: "x", studies: 10, reports: 14 });
    expect(counter.total()).toEqual({ studies: 11, reports: 15 });
  });
});
