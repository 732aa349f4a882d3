import { describe, expect, it } from "vitest";
import { type HistoryEvent, historyLine } from "./history-events";

const at = { id: "e", at: new Date("2026-12-10T09:00:00Z"), actor: "Ana", mine: false };
const line = (event: Partial<HistoryEvent> & Pick<HistoryEvent, "kind">) =>
  historyLine({ ...at, ...event } as HistoryEvent);
const other = { id: "r2", title: "Neural stem cells in ALS" };

describe("historyLine", () => {
  it("names who did it, or 'You' for the reader's own", () => {
    const decision = {
      kind: "decision",
      stage: "title_abstract",
      action: "recorded",
      verdict: "include",
      reason: null,
      note: "",
      from: null,
    } as const;
    expect(line(decision)).toBe("Ana included it at title/abstract");
    expect(line({ ...decision, mine: true })).toBe("You included it at title/abstract");
    expect(line({ ...decision, verdict: "exclude", reason: "Wrong population", stage: "full_text" })).toBe(
      "Ana excluded it at full text (Wrong population)",
    );
    expect(line({ ...decision, verdict: "maybe" })).toBe("Ana marked it maybe at title/abstract");
  });

  it("tells changes, undos and withdrawals with what they replaced", () => {
    const base = { kind: "decision", stage: "title_abstract", reason: null, note: "" } as const;
    expect(line({ ...base, action: "changed", verdict: "exclude", from: { verdict: "include", reason: null } })).toBe(
      "Ana changed their decision at title/abstract to excluded, from included",
    );
    expect(line({ ...base, action: "restored", verdict: "include", from: null, mine: true })).toBe(
      "You undid your change at title/abstract: back to included",
    );
    expect(line({ ...base, action: "withdrawn", verdict: "maybe", from: null })).toBe(
      "Ana withdrew their decision at title/abstract (marked maybe)",
    );
  });

  it("tells merges from the side of the record kept and of the record removed, automatic or not", () => {
    expect(line({ kind: "merged", automatic: false, kept: true, other })).toBe(
      "Ana merged “Neural stem cells in ALS” into it as a duplicate",
    );
    expect(line({ kind: "merged", automatic: false, kept: false, other })).toBe(
      "Ana merged it into “Neural stem cells in ALS” as a duplicate",
    );
    expect(line({ kind: "merged", automatic: true, kept: false, other, actor: null })).toBe(
      "Merged automatically into “Neural stem cells in ALS” as a duplicate",
    );
    expect(line({ kind: "merge_undone", other: { id: "r3", title: "x".repeat(120) } })).toBe(
      `Ana undid the merge with “${"x".repeat(87)}…”`,
    );
    expect(line({ kind: "kept_apart", other: { id: "r4", title: "" } })).toBe(
      "Ana decided it and “an untitled record” are not duplicates",
    );
  });

  it("tells imports, conflicts, the stopping rule, full texts and studies", () => {
    expect(line({ kind: "imported", fileName: "pubmed.nbib", source: "PubMed" })).toBe(
      "Ana imported it from PubMed (pubmed.nbib)",
    );
    expect(line({ kind: "imported", fileName: null, source: "Demo", actor: null })).toBe("Imported from Demo");
    expect(line({ kind: "conflict_opened", stage: "full_text", actor: null })).toBe(
      "The reviewers disagreed at full text: a conflict for a lead to resolve",
    );
    expect(
      line({
        kind: "conflict_resolved",
        stage: "title_abstract",
        verdict: "exclude",
        reason: "Animal study",
        note: "",
      }),
    ).toBe("Ana resolved the conflict at title/abstract: excluded (Animal study)");
    expect(line({ kind: "stopping_rule", stage: "title_abstract", actor: null })).toBe(
      "Excluded at title/abstract with the records left below the stopping threshold",
    );
    const fullText = { kind: "full_text", fileName: null, url: null, note: "" } as const;
    expect(line({ ...fullText, action: "file_attached", fileName: "trial.pdf" })).toBe(
      "Ana attached the full text (trial.pdf)",
    );
    expect(line({ ...fullText, action: "not_retrieved", note: "authors did not answer" })).toBe(
      "Ana marked the full text as not retrieved (authors did not answer)",
    );
    expect(line({ ...fullText, action: "retrieval_undone" })).toBe("Ana took back the full text, to be sought again");
    expect(line({ kind: "study", action: "moved", study: "Petrou 2016" })).toBe(
      "Ana put it in the study “Petrou 2016”",
    );
    expect(line({ kind: "study", action: "removed_from", study: null })).toBe("Ana took it out of its study");
    expect(line({ kind: "study", action: "merged", study: "Petrou 2016" })).toBe(
      "Ana merged its study into the study “Petrou 2016”",
    );
  });

  it("tells the withdrawal an archived record left with", () => {
    expect(line({ kind: "withdrawn", fileName: "embase.ris", reason: "Wrong date limits" })).toBe(
      "Ana withdrew its import (embase.ris), so it left the review: “Wrong date limits”",
    );
  });

  it("tells an allocation, with 'you' for the reader's own", () => {
    const allocated = { kind: "allocated", stage: "full_text", reviewer: "Ben", reviewerIsMe: false } as const;
    expect(line(allocated)).toBe("Ana allocated it to Ben for full text screening");
    expect(line({ ...allocated, reviewerIsMe: true })).toBe("Ana allocated it to you for full text screening");
  });
  it("tells team labels, one record's or a selection's, and team notes", () => {
    const label = { kind: "label", label: "Animal study", selection: false } as const;
    expect(line({ ...label, action: "added" })).toBe("Ana labelled it “Animal study”");
    expect(line({ ...label, action: "removed", selection: true, mine: true })).toBe(
      "You took the label “Animal study” off it with other records chosen in the record browser",
    );
    expect(line({ ...label, action: "deleted" })).toBe(
      "Ana deleted the label “Animal study” from the review, and so from this record",
    );
    const note = { kind: "note", text: "Check the dose" } as const;
    expect(line({ ...note, action: "added" })).toBe("Ana wrote a team note");
    expect(line({ ...note, action: "edited", mine: true })).toBe("You edited your team note");
    expect(line({ ...note, action: "deleted", text: "" })).toBe("Ana deleted a team note");
  });
});
