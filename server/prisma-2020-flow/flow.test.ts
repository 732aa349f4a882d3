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

  it("fails 'screened = excluded + sought' while records wait for a title/abstract decision, and points at them", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 700 }];
    counts.recordsUnaccounted = 40;
    const check = prisma2020Flow(counts).checks.find((c) => c.id === "screened_excluded_or_sought")!;
    expect(check).toMatchObject({
      holds: false,
      left: 800,
      right: 760,
      behind: "records_unaccounted",
      behindCount: 40,
    });
  });

  it("fails the retrieval identity of the column whose reports are still sought", () => {
    const counts = finishedCounts();
    counts.other = { ...counts.other, assessed: 5, included: 2, stillSought: 2 };
    expect(failed(counts)).toEqual(["other_sought_retrieved_or_not"]);
  });

  it("fails 'new_reports = assessed − excluded' for reports without a final full-text decision", () => {
    const counts = finishedCounts();
    counts.dbr = { ...counts.dbr, included: 10 };
    counts.reportsUnaccounted = 5;
    counts.newStudies = 9;
    const check = prisma2020Flow(counts).checks.find((c) => !c.holds)!;
    expect(check).toMatchObject({ id: "included_from_assessed", left: 14, right: 19, behindCount: 5 });
  });

  it("fails when records removed before screening do not add up, and when there are more studies than reports", () => {
    const counts = finishedCounts();
    counts.recordsScreened = 810;
    counts.recordsExcluded = [{ reason: "No reason recorded", n: 750 }];
    counts.newStudies = 20;
    expect(failed(counts)).toEqual(["screened_from_identified", "studies_at_most_reports"]);
  });

  it("fails while included reports are not grouped into studies", () => {
    const counts = finishedCounts();
    counts.ungroupedReports = 3;
    expect(prisma2020Flow(counts).checks.find((c) => !c.holds)).toMatchObject({
      id: "reports_grouped",
      behind: "ungrouped_reports",
      left: 3,
    });
  });
});
