import { describe, expect, it } from "vitest";
import { finishedCounts } from "./counts.fixture";
import { diagramNote } from "./diagram-note";
import { prisma2020Flow } from "./flow";
import { pendingWork } from "./pending-work";

const asOf = new Date("2026-12-07T21:00:00Z");

describe("the note on a downloaded diagram", () => {
  it("is absent when every identity holds", () => {
    expect(diagramNote(prisma2020Flow(finishedCounts()), asOf)).toBeNull();
  });

  it("says how many records and reports await which decision while the review is in progress", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 700 }];
    counts.recordsAwaiting = 40;
    counts.dbr = { ...counts.dbr, included: 14 };
    counts.reportsAwaiting = 1;
    counts.ungroupedReports = 1;
    const flow = prisma2020Flow(counts);
    expect(diagramNote(flow, asOf)).toBe(
      "Review in progress on 2026-12-07: 40 records await a title/abstract decision; 1 report awaits a full-text decision; 1 included report is not yet grouped into a study. These numbers will change.",
    );
    expect(pendingWork(flow).map((p) => [p.list, p.count, p.browserQuery])).toEqual([
      ["records_awaiting", 40, "stage=title_abstract&outcome=undecided"],
      ["reports_awaiting", 1, "stage=full_text&outcome=undecided"],
      ["ungrouped_reports", 1, null],
    ]);
  });

  it("says the numbers cannot all be true when an identity is inconsistent, even with work in progress", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 737 }];
    counts.recordsAwaiting = 3;
    counts.newStudies = 40;
    expect(prisma2020Flow(counts).checks.map((c) => c.state)).toContain("in_progress");
    expect(diagramNote(prisma2020Flow(counts), asOf)).toBe(
      "Inconsistent on 2026-12-07: 1 identity of this diagram cannot hold, so some of its numbers are wrong. See the review's PRISMA page in Sift.",
    );
  });
});
