import { describe, expect, it } from "vitest";
import { finishedCounts } from "./counts.fixture";
import { prisma2020Flow } from "./flow";

const failed = (counts = finishedCounts()) =>
  prisma2020Flow(counts)
    .checks.filter((c) => !c.holds)
    .map((c) => c.id);

describe("prisma2020Flow", () => {
  it("derives every box of a finished review and every identity holds", () => {
    const flow = prisma2020Flow(finishedCounts());
    expect(flow.values).toEqual({
      database_results: 1050,
      register_results: 50,
      website_results: 0,
      organisation_results: 3,
      citations_results: 12,
      duplicates: 300,
      excluded_automatic: 0,
      excluded_other: 0,
      records_screened: 800,
      records_excluded: 740,
      dbr_sought_reports: 60,
      dbr_notretrieved_reports: 5,
      dbr_assessed: 55,
      dbr_excluded: 40,
      other_sought_reports: 8,
      other_notretrieved_reports: 1,
      other_assessed: 7,
      other_excluded: 3,
      new_studies: 12,
      new_reports: 19,
      previous_studies: 0,
      previous_reports: 0,
      total_studies: 12,
      total_reports: 19,
    });
    expect(flow.databases).toEqual([
      { name: "PubMed", n: 600 },
      { name: "Embase", n: 450 },
    ]);
    expect(flow.registers).toEqual([{ name: "ClinicalTrials.gov", n: 50 }]);
    expect(flow.hasOtherMethods).toBe(true);
    expect(failed()).toEqual([]);
  });

  it("leaves the other-methods column out when no record came from other methods", () => {
    const counts = finishedCounts();
    counts.sources = counts.sources.filter((s) => s.kind === "database" || s.kind === "register");
    counts.other = { sought: 0, notRetrieved: 0, assessed: 0, excluded: [], included: 0, stillSought: 0 };
    counts.newStudies = 11;
    expect(prisma2020Flow(counts).hasOtherMethods).toBe(false);
    expect(failed(counts)).toEqual([]);
  });

  it("is in progress, not inconsistent, while records await a title/abstract decision, and points at them", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 700 }];
    counts.recordsAwaiting = 40;
    const flow = prisma2020Flow(counts);
    expect(flow.checks.find((c) => c.id === "screened_excluded_or_sought")).toMatchObject({
      holds: false,
      state: "in_progress",
      left: 800,
      right: 760,
      behind: "records_awaiting",
      behindCount: 40,
    });
    expect(flow.state).toBe("in_progress");
  });

  it("is inconsistent when screened records ended both excluded and sought, whatever else awaits a decision", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 745 }];
    counts.recordsInconsistent = 5;
    counts.recordsAwaiting = 5;
    const flow = prisma2020Flow(counts);
    expect(flow.checks.find((c) => c.id === "screened_excluded_or_sought")).toMatchObject({
      state: "inconsistent",
      behind: "records_inconsistent",
      behindCount: 5,
    });
    expect(flow.state).toBe("inconsistent");
  });

  it("is inconsistent when the records awaiting a decision do not make up the difference", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 700 }];
    counts.recordsAwaiting = 12;
    // 40 records are missing but only 12 await a decision: that is not a review in progress.
    expect(prisma2020Flow(counts).checks.find((c) => c.id === "screened_excluded_or_sought")!.state).toBe(
      "inconsistent",
    );
  });

  it("is in progress for the column whose reports are still sought", () => {
    const counts = finishedCounts();
    counts.other = { ...counts.other, assessed: 5, included: 2, stillSought: 2 };
    const flow = prisma2020Flow(counts);
    expect(flow.checks.filter((c) => !c.holds).map((c) => [c.id, c.state])).toEqual([
      ["other_sought_retrieved_or_not", "in_progress"],
    ]);
  });

  it("is in progress while retrieved reports await a full-text decision, inconsistent when decided unretrieved", () => {
    const counts = finishedCounts();
    counts.dbr = { ...counts.dbr, included: 10 };
    counts.reportsAwaiting = 5;
    counts.newStudies = 9;
    expect(prisma2020Flow(counts).checks.find((c) => !c.holds)).toMatchObject({
      id: "included_from_assessed",
      state: "in_progress",
      left: 14,
      right: 19,
      behind: "reports_awaiting",
      behindCount: 5,
    });
    counts.reportsInconsistent = 1;
    expect(prisma2020Flow(counts).checks.find((c) => !c.holds)).toMatchObject({
      id: "included_from_assessed",
      state: "inconsistent",
      behind: "reports_inconsistent",
    });
  });

  it("is inconsistent when records removed before screening do not add up, or with more studies than reports", () => {
    const counts = finishedCounts();
    counts.recordsScreened = 810;
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 750 }];
    counts.newStudies = 20;
    const flow = prisma2020Flow(counts);
    expect(flow.checks.filter((c) => !c.holds).map((c) => [c.id, c.state])).toEqual([
      ["screened_from_identified", "inconsistent"],
      ["studies_at_most_reports", "inconsistent"],
    ]);
    expect(flow.state).toBe("inconsistent");
  });

  it("is in progress while included reports are not grouped into studies", () => {
    const counts = finishedCounts();
    counts.ungroupedReports = 3;
    expect(prisma2020Flow(counts).checks.find((c) => !c.holds)).toMatchObject({
      id: "reports_grouped",
      state: "in_progress",
      behind: "ungrouped_reports",
      left: 3,
    });
  });

  it("states each identity in words with the review's numbers, not in variable names", () => {
    for (const check of prisma2020Flow(finishedCounts()).checks) {
      expect(check.statement).not.toMatch(/_/);
      expect(check.statement).toMatch(/\d/);
    }
    expect(prisma2020Flow(finishedCounts()).checks[1]!.statement).toBe(
      "Records screened (800) should equal the records excluded (740) plus the reports sought for retrieval (60).",
    );
  });
});

// Figure 1 of the statement and its footnote to "Records excluded": "If automation tools were used, indicate how
// many records were excluded by a human and how many were excluded by automation tools."
describe("records excluded by the stopping rule", () => {
  it("count inside records excluded, split by a human / by automation tools, not as removed before screening", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 540 }];
    counts.recordsExcludedByAutomation = 200;
    const flow = prisma2020Flow(counts);
    expect(flow.values).toMatchObject({ records_excluded: 740, excluded_automatic: 0, records_screened: 800 });
    expect(flow.recordsExcludedBy).toEqual({ human: 540, automation: 200 });
    expect(flow.state).toBe("holds");
  });
});

// Figure 1 for updated reviews: "Studies included in previous version of review" and "Reports of studies included
// in previous version of review" join "New studies included in review" in "Total studies included in review" and
// "Reports of total included studies".
describe("the updated-review form", () => {
  it("adds the previous version's studies and reports to the new ones", () => {
    const flow = prisma2020Flow(finishedCounts(), { studies: 7, reports: 9 });
    expect(flow.variant).toBe("updated");
    expect(flow.values).toMatchObject({
      previous_studies: 7,
      previous_reports: 9,
      new_studies: 12,
      new_reports: 19,
      total_studies: 19,
      total_reports: 28,
    });
  });

  it("has totals equal to the new studies and reports in a new review", () => {
    const flow = prisma2020Flow(finishedCounts());
    expect(flow.variant).toBe("new");
    expect(flow.values).toMatchObject({ previous_studies: 0, total_studies: 12, total_reports: 19 });
  });
});
