// Every filter of the record browser, for a lead (who sees everything), and what a blinded reviewer and an
// observer may and may not filter by.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../test/integration";
import { type BrowseReview, browseReview, decide, type RecordName } from "./browse.fixture";

let f: BrowseReview;

/**
 * At title/abstract: msc included by both, neural in conflict resolved as included by the lead, mouse excluded by
 * both, pendingA in an open conflict, volunteers decided by A only, pendingB by nobody; copy and auto are merged
 * duplicates. msc's full text is retrieved, included by both at full text and grouped into a study; neural's is
 * still sought.
 */
beforeAll(async () => {
  f = await browseReview(testDb());
  await decide(f, "A", "msc", "include");
  await decide(f, "B", "msc", "include");
  await decide(f, "A", "neural", "include");
  await decide(f, "B", "neural", "exclude");
  await decide(f, "A", "mouse", "exclude");
  await decide(f, "B", "mouse", "exclude");
  await decide(f, "A", "pendingA", "include");
  await decide(f, "B", "pendingA", "exclude");
  await decide(f, "A", "volunteers", "include");
  const lead = f.as("lead");
  const conflict = await testDb().conflict.findFirstOrThrow({ where: { recordId: f.ids.neural } });
  await lead.screening.resolveConflict({ reviewId: f.review.id, conflictId: conflict.id, verdict: "include" });
  const report = await testDb().report.findFirstOrThrow({ where: { recordId: f.ids.msc } });
  await lead.fullText.setLink({ reviewId: f.review.id, reportId: report.id, url: "https://example.org/msc.pdf" });
  await decide(f, "A", "msc", "include", "full_text");
  await decide(f, "B", "msc", "include", "full_text");
  await lead.studies.create({ reviewId: f.review.id, reportIds: [report.id], label: "Petrou 2016" });
});

async function names(who: "A" | "B" | "lead" | "observer", filters: object) {
  const page = await f.as(who).records.list({ reviewId: f.review.id, ...filters });
  const byId = Object.fromEntries(Object.entries(f.ids).map(([name, id]) => [id, name]));
  return page.items.map((i) => byId[i.id] as RecordName);
}

async function refusal(who: "A" | "observer", filters: object): Promise<string> {
  try {
    await f.as(who).records.list({ reviewId: f.review.id, ...filters });
    return "allowed";
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return `${err.code}: ${err.message}`;
  }
}

const ALL: RecordName[] = ["msc", "neural", "mouse", "volunteers", "copy", "auto", "pendingA", "pendingB"];

describe("filters, for a lead", () => {
  it("lists every record in import order with the total, and pages through them", async () => {
    expect(await names("lead", {})).toEqual(ALL);
    const page = await f.as("lead").records.list({ reviewId: f.review.id, offset: 2, limit: 3 });
    expect(page.total).toBe(8);
    expect(page.items.map((i) => i.id)).toEqual([f.ids.mouse, f.ids.volunteers, f.ids.copy]);
  });

  it("filters by source and by import", async () => {
    expect(await names("lead", { sourceId: f.sources.embase.id })).toEqual(["copy", "auto", "pendingA", "pendingB"]);
    expect(await names("lead", { importId: f.imports[0]!.id })).toEqual(["msc", "neural", "mouse", "volunteers"]);
  });

  it("filters by duplicate status: merged into another, in a pair awaiting a decision, or neither", async () => {
    expect(await names("lead", { duplicates: "merged" })).toEqual(["copy", "auto"]);
    expect(await names("lead", { duplicates: "pending" })).toEqual(["pendingA", "pendingB"]);
    expect(await names("lead", { duplicates: "unique" })).toEqual(["msc", "neural", "mouse", "volunteers"]);
  });

  it("filters by the stage reached, by full text and by study", async () => {
    expect(await names("lead", { reached: "full_text" })).toEqual(["msc", "neural"]);
    expect(await names("lead", { reached: "included" })).toEqual(["msc"]);
    expect(await names("lead", { fullText: "yes" })).toEqual(["msc"]);
    expect(await names("lead", { fullText: "no" })).toEqual(ALL.filter((n) => n !== "msc"));
    const study = await testDb().study.findFirstOrThrow({ where: { reviewId: f.review.id } });
    expect(await names("lead", { study: study.id })).toEqual(["msc"]);
  });

  it("filters by the outcome at a stage", async () => {
    expect(await names("lead", { outcome: "undecided" })).toEqual(["volunteers", "pendingB"]);
    expect(await names("lead", { outcome: "conflict" })).toEqual(["pendingA"]);
    expect(await names("lead", { outcome: "included" })).toEqual(["msc", "neural"]);
    expect(await names("lead", { outcome: "excluded" })).toEqual(["mouse"]);
    expect(await names("lead", { stage: "full_text", outcome: "included" })).toEqual(["msc"]);
    // neural's full text was never retrieved, so full-text screening has nothing of it to decide.
    expect(await names("lead", { stage: "full_text", outcome: "undecided" })).toEqual([]);
  });

  it("filters by exclusion reason and by conflict at a stage", async () => {
    expect(await names("lead", { exclusionReasonId: f.reasons.ta.id })).toEqual(["mouse"]);
    expect(await names("lead", { stage: "full_text", exclusionReasonId: f.reasons.ta.id })).toEqual([]);
    expect(await names("lead", { conflict: "open" })).toEqual(["pendingA"]);
    expect(await names("lead", { conflict: "resolved" })).toEqual(["neural"]);
    expect(await names("lead", { stage: "full_text", conflict: "open" })).toEqual([]);
  });

  it("filters by a reviewer's decisions", async () => {
    const B = f.people.B.id;
    expect(await names("lead", { decidedBy: B, decision: "include" })).toEqual(["msc"]);
    expect(await names("lead", { decidedBy: B, decision: "exclude" })).toEqual(["neural", "mouse", "pendingA"]);
    expect(await names("lead", { decidedBy: B })).toEqual(["msc", "neural", "mouse", "pendingA"]);
    expect(await names("lead", { decidedBy: B, decision: "none" })).toEqual(["volunteers", "copy", "auto", "pendingB"]);
    expect(await names("lead", { decidedBy: B, stage: "full_text", decision: "include" })).toEqual(["msc"]);
  });

  it("sorts by title and by year, either way, import order breaking ties", async () => {
    expect(await names("lead", { sort: "title" })).toEqual([
      "volunteers",
      "msc",
      "copy",
      "neural",
      "auto",
      "mouse",
      "pendingA",
      "pendingB",
    ]);
    expect(await names("lead", { sort: "year", descending: true })).toEqual([
      "pendingB",
      "pendingA",
      "volunteers",
      "copy",
      "msc",
      "auto",
      "neural",
      "mouse",
    ]);
  });

  it("shows a lead every stage's outcome and the study in the rows", async () => {
    const page = await f.as("lead").records.list({ reviewId: f.review.id, query: "intrathecal" });
    expect(page.items[0]).toMatchObject({
      myDecisions: { title_abstract: null, full_text: null },
      titleAbstract: { outcome: "included", retrieval: "retrieved" },
      fullText: { outcome: "included", study: "Petrou 2016" },
    });
    const [mouse] = (await f.as("lead").records.list({ reviewId: f.review.id, query: "umbilical" })).items;
    expect(mouse!.titleAbstract).toEqual({ outcome: "excluded", reason: "Not about ALS", retrieval: null });
  });
});

describe("filters, for a blinded reviewer and an observer", () => {
  it("lets a reviewer filter by their own decisions, and shows them their own in the rows", async () => {
    expect(await names("A", { decision: "include" })).toEqual(["msc", "neural", "volunteers", "pendingA"]);
    expect(await names("A", { decision: "exclude" })).toEqual(["mouse"]);
    expect(await names("A", { decidedBy: f.people.A.id, decision: "none" })).toEqual(["copy", "auto", "pendingB"]);
    expect(await names("A", { stage: "full_text", decision: "include" })).toEqual(["msc"]);
    const page = await f.as("A").records.list({ reviewId: f.review.id, query: "intrathecal" });
    expect(page.items[0]).toMatchObject({
      myDecisions: { title_abstract: "include", full_text: "include" },
      titleAbstract: null,
      fullText: null,
    });
    expect(page.visibility).toEqual({ titleAbstract: false, fullText: false });
  });

  it("refuses outcome, reason, conflict and others' decision filters at a blinded stage, saying why", async () => {
    const stageRefusal =
      "FORBIDDEN: While title and abstract screening is blinded, only leads can filter by outcome, exclusion reason, conflict or a lead's change at that stage: these depend on your co-reviewers' decisions.";
    for (const who of ["A", "observer"] as const) {
      for (const filters of [
        { outcome: "included" },
        { outcome: "undecided" },
        { exclusionReasonId: f.reasons.ta.id },
        { conflict: "resolved" },
        { changed: "overridden" },
      ]) {
        expect(await refusal(who, filters), JSON.stringify(filters)).toBe(stageRefusal);
      }
      expect(await refusal(who, { decidedBy: f.people.B.id })).toBe(
        "FORBIDDEN: While title and abstract screening is blinded, you can filter by your own decisions only.",
      );
      expect(await refusal(who, { stage: "full_text", outcome: "included" })).toMatch(
        /^FORBIDDEN: While full text screening is blinded, only leads can filter by outcome/,
      );
    }
  });

  it("refuses how far records got, full text and study while title/abstract is blinded, whatever the ids", async () => {
    const journey =
      "FORBIDDEN: While title and abstract screening is blinded, only leads can filter by how far records got, by full text or by study: it would tell you how your co-reviewers decided.";
    for (const filters of [
      { reached: "full_text" },
      { reached: "included" },
      { fullText: "no" },
      { study: "no-such-study" },
    ])
      expect(await refusal("A", filters), JSON.stringify(filters)).toBe(journey);
  });

  it("opens a stage's filters and columns to reviewers once it is unblinded, and full text only once both are", async () => {
    const g = await browseReview(testDb());
    await decide(g, "A", "msc", "include");
    await decide(g, "B", "msc", "include");
    await testDb().reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: g.review.id, stage: "title_abstract" } },
      data: { blinded: false },
    });
    const list = (filters: object) => g.as("A").records.list({ reviewId: g.review.id, ...filters });
    expect((await list({ outcome: "included" })).items.map((i) => i.id)).toEqual([g.ids.msc]);
    expect((await list({ reached: "full_text" })).items.map((i) => i.id)).toEqual([g.ids.msc]);
    expect((await list({ query: "intrathecal" })).items[0]!.titleAbstract).toEqual({
      outcome: "included",
      reason: null,
      retrieval: "sought",
    });
    await expect(list({ reached: "included" })).rejects.toThrow(/While full-text screening is blinded/);
    await expect(list({ stage: "full_text", outcome: "included" })).rejects.toThrow(/While full text screening/);
    expect((await list({})).visibility).toEqual({ titleAbstract: true, fullText: false });
  });

  it("filters by a lead's change of a settled record: reopened, or given a new verdict", async () => {
    const g = await browseReview(testDb());
    for (const record of ["msc", "mouse"] as const) {
      await decide(g, "A", record, "include");
      await decide(g, "B", record, "include");
    }
    const lead = g.as("lead");
    const stage = "title_abstract" as const;
    await lead.screening.reopen({ reviewId: g.review.id, stage, recordId: g.ids.msc, confirm: true });
    const reason = await testDb().exclusionReason.findFirstOrThrow({ where: { reviewId: g.review.id, stage } });
    await lead.screening.override({
      reviewId: g.review.id,
      stage,
      recordId: g.ids.mouse,
      verdict: "exclude",
      reasonId: reason.id,
      note: "An animal study",
      confirm: true,
    });
    const changed = async (filters: object) =>
      (await lead.records.list({ reviewId: g.review.id, ...filters })).items.map((i) => i.id);
    expect(await changed({ changed: "reopened" })).toEqual([g.ids.msc]);
    expect(await changed({ changed: "overridden" })).toEqual([g.ids.mouse]);
    expect(await changed({ stage: "full_text", changed: "overridden" })).toEqual([]);
  });
});
