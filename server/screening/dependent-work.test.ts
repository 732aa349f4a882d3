import { describe, expect, it } from "vitest";
import {
  confirmationMessage,
  type DependentWork,
  dependentWorkSummary,
  NO_WORK,
  needsConfirmation,
  undoLines,
} from "./dependent-work";

const sought: DependentWork = {
  ...NO_WORK,
  report: { id: "r", retrievalStatus: "sought", fileName: null, url: null },
};

describe("what a reopening or override would undo", () => {
  it("asks nothing for no work, or for a report still only sought, but says the report goes", () => {
    expect(needsConfirmation(NO_WORK)).toBe(false);
    expect(dependentWorkSummary(NO_WORK, "title_abstract")).toBeNull();
    expect(undoLines(NO_WORK)).toEqual([]);
    expect(needsConfirmation(sought)).toBe(false);
    expect(undoLines(sought)).toEqual(["Its full text is no longer sought (nothing had been retrieved yet)."]);
  });

  it("names a link, a “not retrieved” mark and a full-text outcome without decisions", () => {
    const linked: DependentWork = {
      ...NO_WORK,
      report: { id: "r", retrievalStatus: "retrieved", fileName: null, url: "https://example.org/a.pdf" },
      fullTextOutcome: "excluded",
    };
    expect(dependentWorkSummary(linked, "title_abstract")).toBe(
      "This record's report has a link to its full text and a full-text outcome (excluded).",
    );
    expect(undoLines(linked)).toEqual([
      "The full-text report is removed from the review, and its link (https://example.org/a.pdf) with it.",
      "Its full-text outcome (excluded) is withdrawn.",
    ]);
    const notRetrieved: DependentWork = {
      ...NO_WORK,
      report: { id: "r", retrievalStatus: "not_retrieved", fileName: null, url: null },
    };
    expect(needsConfirmation(notRetrieved)).toBe(true);
    expect(dependentWorkSummary(notRetrieved, "title_abstract")).toBe(
      "This record's report has a full text marked not retrieved.",
    );
  });

  it("writes one refusal that names the work and what confirming does", () => {
    const work: DependentWork = {
      ...NO_WORK,
      fullTextDecisions: 1,
      report: { id: "r", retrievalStatus: "retrieved", fileName: "smith.pdf", url: null },
      study: { label: "Smith 2019", otherReports: 2, extractions: 1, appraisals: 0 },
    };
    expect(confirmationMessage(work, "title_abstract", "override")).toBe(
      "This record's report has a PDF and a full-text decision, and is in study “Smith 2019” with a data extraction. " +
        "Overriding its verdict undoes that work: the full-text report is removed from the review, and its PDF " +
        "“smith.pdf” is deleted; its full-text decision stops counting (kept in the record's history); it leaves " +
        "the study “Smith 2019”, which keeps its 2 other reports and its data extraction. Confirm to go ahead.",
    );
  });
});
