// The record page: every field and the raw fields as imported, where the record stands, and its whole history in
// order from the audit trail, for a lead; and what of it a blinded reviewer sees.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../test/integration";
import { type BrowseReview, browseReview, decide } from "./browse.fixture";
import { historyLine } from "./history-events";

let f: BrowseReview;

/**
 * msc: imported, a copy merged into it by the lead and the merge undone; A includes, changes to maybe and undoes
 * the change; B excludes, so a conflict opens and the lead resolves it (include); the lead links the full text,
 * both include it at full text and the lead makes a study of it. neural: A includes and withdraws it.
 */
beforeAll(async () => {
  f = await browseReview(testDb());
  const db = testDb();
  const lead = f.as("lead");
  const review = { reviewId: f.review.id };
  await decide(f, "A", "msc", "include");
  await decide(f, "A", "msc", "maybe");
  await f.as("A").screening.undo({ ...review, stage: "title_abstract" });
  await decide(f, "B", "msc", "exclude");
  const conflict = await db.conflict.findFirstOrThrow({ where: { recordId: f.ids.msc } });
  await lead.screening.resolveConflict({
    ...review,
    conflictId: conflict.id,
    verdict: "include",
    note: "Trial of MSC",
  });
  const copyPair = await db.duplicatePair.findFirstOrThrow({ where: { recordBId: f.ids.copy } });
  await lead.duplicates.undoMerge({ ...review, pairId: copyPair.id });
  const report = await db.report.findFirstOrThrow({ where: { recordId: f.ids.msc } });
  await lead.fullText.setLink({ ...review, reportId: report.id, url: "https://example.org/msc.pdf" });
  await decide(f, "A", "msc", "include", "full_text");
  await decide(f, "B", "msc", "include", "full_text");
  await lead.studies.create({ ...review, reportIds: [report.id], label: "Petrou 2016" });
  await decide(f, "A", "neural", "include");
  await f.as("A").screening.undo({ ...review, stage: "title_abstract" });
  const pending = await db.duplicatePair.findFirstOrThrow({ where: { recordAId: f.ids.pendingA } });
  await lead.duplicates.notDuplicateOfGroup({ ...review, pairIds: [pending.id], recordId: f.ids.pendingB });
});

const page = (who: "A" | "lead" | "observer", name: keyof BrowseReview["ids"]) =>
  f.as(who).records.get({ reviewId: f.review.id, recordId: f.ids[name] });

describe("the record page", () => {
  it("shows every field and the raw fields as imported, with its source and import", async () => {
    const { record, source, import: imported } = await page("observer", "msc");
    expect(record).toMatchObject({
      title: "Mesenchymal stem cells for amyotrophic lateral sclerosis: a phase 2 trial",
      authors: ["Petrou, P.", "Karussis, D."],
      keywords: ["ALS", "MSC"],
      doi: "10.1001/jamaneurol.2016.0001",
      pmid: "26751635",
      nctIds: ["NCT01777646"],
      journal: "JAMA Neurology",
      raw: { TI: record.title, DB: "PubMed" },
    });
    expect(source.name).toBe("PubMed");
    expect(imported?.fileName).toBe("search-1.ris");
  });

  it("tells a lead the record's whole history in order, in plain sentences", async () => {
    const { history } = await page("lead", "msc");
    expect(history.map(historyLine)).toEqual([
      "You imported it from PubMed (search-1.ris)",
      "You merged “Mesenchymal stem cells for amyotrophic lateral sclerosis: a phase 2 trial” into it as a duplicate",
      "reviewer included it at title/abstract",
      "reviewer changed their decision at title/abstract to marked maybe, from included",
      "reviewer undid their change at title/abstract: back to included",
      "reviewer-b excluded it at title/abstract (Not about ALS)",
      "The reviewers disagreed at title/abstract: a conflict for a lead to resolve",
      "You resolved the conflict at title/abstract: included",
      "You undid the merge with “Mesenchymal stem cells for amyotrophic lateral sclerosis: a phase 2 trial”",
      "You linked the full text (https://example.org/msc.pdf)",
      "reviewer included it at full text",
      "reviewer-b included it at full text",
      "You made the study “Petrou 2016” with it",
    ]);
  });

  it("tells the other side of merges, automatic ones, withdrawals and pairs kept apart", async () => {
    expect((await page("lead", "copy")).history.map((e) => e.kind)).toEqual(["imported", "merged", "merge_undone"]);
    const copy = (await page("lead", "copy")).history[1]!;
    expect(copy).toMatchObject({ kind: "merged", kept: false, automatic: false, other: { id: f.ids.msc } });
    const auto = (await page("lead", "auto")).history.find((e) => e.kind === "merged");
    expect(auto && historyLine(auto)).toBe(
      "Merged automatically into “Neural stem cell transplantation into the spinal cord” as a duplicate",
    );
    const neural = await page("lead", "neural");
    expect(neural.history.map(historyLine).slice(-2)).toEqual([
      "reviewer included it at title/abstract",
      "reviewer withdrew their decision at title/abstract (included)",
    ]);
    expect(neural.duplicates.mergedHere.map((r) => r.id)).toEqual([f.ids.auto]);
    expect((await page("lead", "pendingB")).history.map(historyLine)).toContain(
      "You decided it and “Stem cell trials in ALS: a review” are not duplicates",
    );
  });

  it("shows a lead where the record stands at each stage, its full text and study", async () => {
    const { stages, fullText } = await page("lead", "msc");
    expect(stages[0]).toMatchObject({
      stage: "title_abstract",
      visible: true,
      outcome: "included",
      conflict: { status: "resolved", note: "Trial of MSC" },
    });
    expect(stages[0]!.decisions.map((d) => [d.reviewer, d.verdict])).toEqual([
      ["reviewer", "include"],
      ["reviewer-b", "exclude"],
    ]);
    expect(stages[1]).toMatchObject({ outcome: "included", visible: true });
    expect(fullText).toMatchObject({
      retrievalStatus: "retrieved",
      url: "https://example.org/msc.pdf",
      study: { label: "Petrou 2016" },
    });
  });

  it("shows a blinded reviewer their own decisions and what does not depend on others' decisions, nothing else", async () => {
    const mine = await page("A", "msc");
    expect(mine.history.map(historyLine)).toEqual([
      "lead imported it from PubMed (search-1.ris)",
      "lead merged “Mesenchymal stem cells for amyotrophic lateral sclerosis: a phase 2 trial” into it as a duplicate",
      "You included it at title/abstract",
      "You changed your decision at title/abstract to marked maybe, from included",
      "You undid your change at title/abstract: back to included",
      "lead undid the merge with “Mesenchymal stem cells for amyotrophic lateral sclerosis: a phase 2 trial”",
      "You included it at full text",
    ]);
    expect(mine.stages.map((s) => [s.visible, s.outcome, s.decisions, s.conflict, s.myDecision?.verdict])).toEqual([
      [false, null, [], null, "include"],
      [false, null, [], null, "include"],
    ]);
    expect(mine.fullText).toBeNull();
    const observer = await page("observer", "msc");
    expect(observer.history.map((e) => e.kind)).toEqual(["imported", "merged", "merge_undone"]);
  });

  it("tells allocations to reviewers, and a study merge that carried its report along, where the stage is seen", async () => {
    const review = { reviewId: f.review.id };
    await f.as("lead").records.allocate({
      ...review,
      stage: "title_abstract",
      reviewerId: f.people.A.id,
      recordIds: [f.ids.neural, f.ids.mouse],
    });
    expect((await page("lead", "neural")).history.map(historyLine).at(-1)).toBe(
      "You allocated it to reviewer for title/abstract screening",
    );
    // A blinded reviewer does not learn who was allocated what: it would tell who had decided already.
    expect((await page("A", "neural")).history.map((e) => e.kind)).not.toContain("allocated");
    await decide(f, "A", "mouse", "include");
    await decide(f, "B", "mouse", "include");
    const mouseReport = await testDb().report.findFirstOrThrow({ where: { recordId: f.ids.mouse } });
    await f.as("lead").fullText.setLink({ ...review, reportId: mouseReport.id, url: "https://example.org/mouse.pdf" });
    await decide(f, "A", "mouse", "include", "full_text");
    await decide(f, "B", "mouse", "include", "full_text");
    const mouse = await f.as("lead").studies.create({ ...review, reportIds: [mouseReport.id], label: "Vercelli 2008" });
    const petrou = await testDb().study.findFirstOrThrow({ where: { reviewId: f.review.id, label: "Petrou 2016" } });
    await f.as("lead").studies.merge({ ...review, targetId: mouse.id, sourceIds: [petrou.id] });
    expect((await page("lead", "msc")).history.map(historyLine).slice(-2)).toEqual([
      "You made the study “Petrou 2016” with it",
      "You merged its study into the study “Vercelli 2008”",
    ]);
    // The study it was already in took the other one in: its report did not move.
    expect(
      (await page("lead", "mouse")).history.map(historyLine).filter((l) => l.includes("merged its study")),
    ).toEqual([]);
    expect((await page("A", "msc")).history.map((e) => e.kind)).not.toContain("study");
  });

  it("shows decisions a reopening superseded, marked with the change: all to a lead, their own to a blinded reviewer", async () => {
    await decide(f, "A", "volunteers", "exclude");
    await decide(f, "B", "volunteers", "exclude");
    await f.as("lead").screening.reopen({
      reviewId: f.review.id,
      stage: "title_abstract",
      recordId: f.ids.volunteers,
      note: "Older adults may count",
    });
    const lead = (await page("lead", "volunteers")).stages[0]!;
    expect(lead.decisions).toEqual([]);
    expect(lead.superseded.map((d) => [d.reviewer, d.mine, d.verdict, d.reason])).toEqual([
      ["reviewer", false, "exclude", "Not about ALS"],
      ["reviewer-b", false, "exclude", "Not about ALS"],
    ]);
    expect(lead.superseded[0]!.by).toMatchObject({
      kind: "reopen",
      stage: "title_abstract",
      actor: "lead",
      note: "Older adults may count",
    });
    const mine = (await page("A", "volunteers")).stages[0]!;
    expect(mine.superseded.map((d) => [d.reviewer, d.mine, d.verdict, d.by])).toEqual([
      ["reviewer", true, "exclude", null],
    ]);
    expect((await page("observer", "volunteers")).stages[0]!.superseded).toEqual([]);
  });

  it("refuses a record of another review as one that does not exist", async () => {
    const other = await browseReview(testDb());
    await expect(f.as("lead").records.get({ reviewId: f.review.id, recordId: other.ids.msc })).rejects.toThrow(
      "That record is not in this review.",
    );
    await expect(f.as("lead").records.get({ reviewId: f.review.id, recordId: "nope" })).rejects.toThrow(
      "That record is not in this review.",
    );
  });
});
