// Reviews with known flows, written straight into the tables the diagram reads, checked box by box, identity by
// identity, through the API as a lead sees it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as diagramRoute } from "../../app/api/reviews/[reviewId]/prisma-2020/[format]/route";
import type { Db } from "../db/client";
import type { SourceKind } from "../db/generated/enums.ts";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";
import type { ListKey } from "./flow";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

interface RecordState {
  duplicateOf?: string;
  ta?: "included" | "excluded" | "awaiting" | "conflict";
  taReason?: string;
  report?: "sought" | "retrieved" | "not_retrieved";
  ft?: "included" | "excluded" | "awaiting";
  ftReason?: string;
  study?: string;
}

/** Builds a review's flow record by record; names are unique per builder so lists can be asserted by title. */
async function flowBuilder(db: Db, reviewId: string) {
  const sources = new Map<string, string>();
  const reasons = new Map<string, string>();
  const studies = new Map<string, string>();
  const reason = async (stage: "title_abstract" | "full_text", label: string) => {
    const key = `${stage}:${label}`;
    if (!reasons.has(key)) {
      const r = await db.exclusionReason.create({ data: { reviewId, stage, label, position: reasons.size } });
      reasons.set(key, r.id);
    }
    return reasons.get(key)!;
  };
  return async function add(source: string, kind: SourceKind, title: string, state: RecordState = {}) {
    if (!sources.has(source))
      sources.set(source, (await db.source.create({ data: { reviewId, name: source, kind } })).id);
    const record = await db.record.create({
      data: {
        reviewId,
        sourceId: sources.get(source)!,
        title,
        authors: ["Doe J"],
        year: 2020,
        duplicateOfId: state.duplicateOf,
      },
    });
    const outcome = async (stage: "title_abstract" | "full_text", status: string, reasonLabel?: string) =>
      db.screeningOutcome.create({
        data: {
          reviewId,
          recordId: record.id,
          stage,
          status: status as "included",
          reasonId: reasonLabel ? await reason(stage, reasonLabel) : null,
          settledAt: status === "included" || status === "excluded" ? new Date() : null,
        },
      });
    if (state.ta) await outcome("title_abstract", state.ta, state.taReason);
    if (state.report) {
      let studyId: string | undefined;
      if (state.study) {
        if (!studies.has(state.study))
          studies.set(state.study, (await db.study.create({ data: { reviewId, label: state.study } })).id);
        studyId = studies.get(state.study);
      }
      await db.report.create({ data: { reviewId, recordId: record.id, retrievalStatus: state.report, studyId } });
    }
    if (state.ft) await outcome("full_text", state.ft, state.ftReason);
    return record.id;
  };
}

/**
 * Databases: PubMed 10, Embase 6 (4 of them duplicates); register: ClinicalTrials.gov 4; other methods:
 * citation searching 3 (one a duplicate), a website 1. Title/abstract: 9 excluded, 7 sought; full text: one not
 * retrieved per column, the rest decided; two studies with two reports each (a paper + its registry entry, and
 * a paper + a report found by citation searching).
 */
async function finishedReview(db: Db) {
  const team = await makeTeam(db);
  const add = await flowBuilder(db, team.review.id);
  const pubmed: string[] = [];
  for (let i = 0; i < 10; i++) {
    const state: RecordState =
      i < 5
        ? { ta: "excluded", taReason: "Wrong population" }
        : i < 7
          ? { ta: "excluded" }
          : i === 7
            ? { ta: "included", report: "retrieved", ft: "included", study: "Trial A" }
            : i === 8
              ? { ta: "included", report: "retrieved", ft: "included", study: "Trial B" }
              : { ta: "included", report: "not_retrieved" };
    pubmed.push(await add("PubMed", "database", `PubMed record ${i}`, state));
  }
  for (let i = 0; i < 4; i++) await add("Embase", "database", `Embase duplicate ${i}`, { duplicateOf: pubmed[i] });
  await add("Embase", "database", "Embase record 0", { ta: "excluded" });
  await add("Embase", "database", "Embase record 1", { ta: "excluded" });
  await add("ClinicalTrials.gov", "register", "Registry entry 0", {
    ta: "included",
    report: "retrieved",
    ft: "included",
    study: "Trial A",
  });
  await add("ClinicalTrials.gov", "register", "Registry entry 1", {
    ta: "included",
    report: "retrieved",
    ft: "excluded",
    ftReason: "Wrong design",
  });
  await add("ClinicalTrials.gov", "register", "Registry entry 2", {
    ta: "included",
    report: "retrieved",
    ft: "excluded",
    ftReason: "Wrong design",
  });
  await add("ClinicalTrials.gov", "register", "Registry entry 3", {
    ta: "included",
    report: "retrieved",
    ft: "excluded",
    ftReason: "No outcome of interest",
  });
  await add("Citation searching", "citation_searching", "Cited report 0", {
    report: "retrieved",
    ft: "included",
    study: "Trial B",
  });
  await add("Citation searching", "citation_searching", "Cited report 1", {
    report: "retrieved",
    ft: "excluded",
    ftReason: "Wrong design",
  });
  await add("Citation searching", "citation_searching", "Cited duplicate", { duplicateOf: pubmed[7] });
  await add("ALS Association", "website", "Website report", { report: "not_retrieved" });
  return { ...team, add };
}

let finished: Awaited<ReturnType<typeof finishedReview>>;
beforeAll(async () => {
  finished = await finishedReview(testDb());
});

const lead = () => callerFor(testDb(), finished.members.owner.id);

describe("PRISMA flow of a finished review", () => {
  it("computes every box", async () => {
    const { flow } = await lead().prisma2020Flow.diagram({ reviewId: finished.review.id });
    expect(flow.values).toEqual({
      database_results: 16,
      register_results: 4,
      website_results: 1,
      organisation_results: 0,
      citations_results: 3,
      duplicates: 4,
      excluded_automatic: 0,
      excluded_other: 0,
      records_screened: 16,
      records_excluded: 9,
      dbr_sought_reports: 7,
      dbr_notretrieved_reports: 1,
      dbr_assessed: 6,
      dbr_excluded: 3,
      other_sought_reports: 3,
      other_notretrieved_reports: 1,
      other_assessed: 2,
      other_excluded: 1,
      new_studies: 2,
      new_reports: 4,
      previous_studies: 0,
      previous_reports: 0,
      total_studies: 2,
      total_reports: 4,
    });
    expect(flow.databases).toEqual([
      { name: "PubMed", n: 10 },
      { name: "Embase", n: 6 },
    ]);
    expect(flow.registers).toEqual([{ name: "ClinicalTrials.gov", n: 4 }]);
    expect(flow.recordsExcludedReasons).toEqual([
      { reason: "Wrong population", n: 5 },
      { reason: "No reason recorded", n: 4 },
    ]);
    expect(flow.dbrExcluded).toEqual([
      { reason: "Wrong design", n: 2 },
      { reason: "No outcome of interest", n: 1 },
    ]);
    expect(flow.otherExcluded).toEqual([{ reason: "Wrong design", n: 1 }]);
    expect(flow.hasOtherMethods).toBe(true);
  });

  it("every identity holds", async () => {
    const { flow } = await lead().prisma2020Flow.diagram({ reviewId: finished.review.id });
    expect(flow.checks.filter((c) => !c.holds)).toEqual([]);
    expect(flow.state).toBe("holds");
    expect(flow.checks.map((c) => c.id)).toEqual([
      "screened_from_identified",
      "screened_excluded_or_sought",
      "dbr_sought_retrieved_or_not",
      "other_sought_retrieved_or_not",
      "included_from_assessed",
      "studies_at_most_reports",
      "reports_grouped",
    ]);
  });

  it("each box lists exactly what it counts", async () => {
    const reviewId = finished.review.id;
    const { flow, svg } = await lead().prisma2020Flow.diagram({ reviewId });
    const counted: Record<string, number> = {
      identified_dbr: flow.values.database_results + flow.values.register_results,
      removed_before_screening: flow.values.duplicates,
      records_screened: flow.values.records_screened,
      records_excluded: flow.values.records_excluded,
      dbr_sought: flow.values.dbr_sought_reports,
      dbr_notretrieved: flow.values.dbr_notretrieved_reports,
      dbr_assessed: flow.values.dbr_assessed,
      dbr_excluded: flow.values.dbr_excluded,
      identified_other: flow.values.website_results + flow.values.citations_results,
      other_sought: flow.values.other_sought_reports,
      other_notretrieved: flow.values.other_notretrieved_reports,
      other_assessed: flow.values.other_assessed,
      other_excluded: flow.values.other_excluded,
      included: flow.values.new_reports,
    };
    for (const [list, n] of Object.entries(counted)) {
      expect(svg, `the page's SVG has a ${list} button`).toContain(`data-list="${list}"`);
      const page = await lead().prisma2020Flow.items({ reviewId, list: list as ListKey, limit: 200 });
      expect([list, page.total, page.items.length]).toEqual([list, n, n]);
    }
  });

  it("lists reports with their final reason and study, a page at a time", async () => {
    const reviewId = finished.review.id;
    const excluded = await lead().prisma2020Flow.items({ reviewId, list: "dbr_excluded" });
    expect(excluded.unit).toBe("reports");
    expect(excluded.items.map((i) => [i.title, i.detail])).toEqual([
      ["Registry entry 1", "Full text retrieved; full text: Excluded: Wrong design"],
      ["Registry entry 2", "Full text retrieved; full text: Excluded: Wrong design"],
      ["Registry entry 3", "Full text retrieved; full text: Excluded: No outcome of interest"],
    ]);
    const included = await lead().prisma2020Flow.items({ reviewId, list: "included", offset: 1, limit: 2 });
    expect(included.total).toBe(4);
    expect(included.items.map((i) => [i.title, i.detail])).toEqual([
      ["Registry entry 0", "Study: Trial A"],
      ["Cited report 0", "Study: Trial B"],
    ]);
    const removed = await lead().prisma2020Flow.items({ reviewId, list: "removed_before_screening", limit: 1 });
    expect(removed.items[0]).toMatchObject({
      title: "Embase duplicate 0",
      detail: "Duplicate of “PubMed record 0”",
      source: "Embase",
    });
  });
});

describe("PRISMA flow while work is unfinished", () => {
  it("is in progress while records and reports await decisions, and lists what awaits which", async () => {
    const db = testDb();
    const team = await makeTeam(db);
    const add = await flowBuilder(db, team.review.id);
    await add("Scopus", "database", "Excluded", { ta: "excluded" });
    await add("Scopus", "database", "Waiting", { ta: "awaiting" });
    await add("Scopus", "database", "Disputed", { ta: "conflict" });
    await add("Scopus", "database", "Never decided");
    await add("Scopus", "database", "Still sought", { ta: "included", report: "sought" });
    await add("Scopus", "database", "Retrieved, undecided", { ta: "included", report: "retrieved", ft: "awaiting" });
    await add("Scopus", "database", "Included, ungrouped", { ta: "included", report: "retrieved", ft: "included" });
    const caller = callerFor(db, team.members.lead.id);
    const diagram = await caller.prisma2020Flow.diagram({ reviewId: team.review.id });
    const { flow } = diagram;
    const failed = Object.fromEntries(
      flow.checks.filter((c) => !c.holds).map((c) => [c.id, [c.state, c.left, c.right, c.behind, c.behindCount]]),
    );
    expect(failed).toEqual({
      screened_excluded_or_sought: ["in_progress", 7, 4, "records_awaiting", 3],
      dbr_sought_retrieved_or_not: ["in_progress", 3, 2, "retrieval_pending_dbr", 1],
      included_from_assessed: ["in_progress", 1, 2, "reports_awaiting", 1],
      reports_grouped: ["in_progress", 1, 0, "ungrouped_reports", 1],
    });
    expect(flow.state).toBe("in_progress");
    expect(diagram.pending.map((p) => p.summary)).toEqual([
      "3 records await a title/abstract decision",
      "1 report is still being sought (databases and registers)",
      "1 report awaits a full-text decision",
      "1 included report is not yet grouped into a study",
    ]);
    const titles = async (list: ListKey) =>
      (await caller.prisma2020Flow.items({ reviewId: team.review.id, list })).items.map((i) => i.title).sort();
    expect(await titles("records_awaiting")).toEqual(["Disputed", "Never decided", "Waiting"]);
    expect(await titles("retrieval_pending_dbr")).toEqual(["Still sought"]);
    expect(await titles("reports_awaiting")).toEqual(["Retrieved, undecided"]);
    expect(await titles("ungrouped_reports")).toEqual(["Included, ungrouped"]);
    expect(await titles("records_inconsistent")).toEqual([]);

    // The downloaded figure says so on its face.
    const svg = await callRoute(diagramRoute, team.members.lead.id, {
      params: { reviewId: team.review.id, format: "svg" },
    });
    expect(await svg.text()).toContain("Review in progress on");
  });

  it("is inconsistent when a record ended both excluded and sought, or a report was decided unretrieved", async () => {
    const db = testDb();
    const team = await makeTeam(db);
    const add = await flowBuilder(db, team.review.id);
    await add("Scopus", "database", "Waiting", { ta: "awaiting" });
    await add("Scopus", "database", "Excluded but sought", { ta: "excluded", report: "not_retrieved" });
    await add("Scopus", "database", "Decided unretrieved", {
      ta: "included",
      report: "not_retrieved",
      ft: "excluded",
      ftReason: "Wrong design",
    });
    const caller = callerFor(db, team.members.lead.id);
    const { flow } = await caller.prisma2020Flow.diagram({ reviewId: team.review.id });
    expect(
      Object.fromEntries(flow.checks.filter((c) => !c.holds).map((c) => [c.id, [c.state, c.behind, c.behindCount]])),
    ).toEqual({
      screened_excluded_or_sought: ["inconsistent", "records_inconsistent", 1],
      included_from_assessed: ["inconsistent", "reports_inconsistent", 1],
    });
    expect(flow.state).toBe("inconsistent");
    const titles = async (list: ListKey) =>
      (await caller.prisma2020Flow.items({ reviewId: team.review.id, list })).items.map((i) => i.title).sort();
    expect(await titles("records_inconsistent")).toEqual(["Excluded but sought"]);
    expect(await titles("reports_inconsistent")).toEqual(["Decided unretrieved"]);
  });

  it("counts an exclusion reason once per report, from the final decision, however many reviewers gave one", async () => {
    const db = testDb();
    const team = await makeTeam(db);
    const add = await flowBuilder(db, team.review.id);
    const recordId = await add("PubMed", "database", "Disputed reason", {
      ta: "included",
      report: "retrieved",
      ft: "excluded",
      ftReason: "Final reason",
    });
    // Two reviewers excluded it with other reasons before a lead settled it: their decisions must not count.
    const other = await db.exclusionReason.create({
      data: { reviewId: team.review.id, stage: "full_text", label: "A reviewer's reason", position: 9 },
    });
    for (const reviewer of [team.members.reviewer, team.members.lead]) {
      await db.screeningDecision.create({
        data: {
          reviewId: team.review.id,
          recordId,
          stage: "full_text",
          reviewerId: reviewer.id,
          verdict: "exclude",
          reasonId: other.id,
        },
      });
    }
    const { flow } = await callerFor(db, team.members.owner.id).prisma2020Flow.diagram({ reviewId: team.review.id });
    expect(flow.dbrExcluded).toEqual([{ reason: "Final reason", n: 1 }]);
    expect(flow.hasOtherMethods).toBe(false);
  });
});

describe("who sees the diagram", () => {
  it("refuses reviewers and observers while a stage is blinded, and shows it to them once unblinded", async () => {
    const db = testDb();
    const reviewId = finished.review.id;
    for (const role of ["reviewer", "observer"] as const) {
      await expect(callerFor(db, finished.members[role].id).prisma2020Flow.diagram({ reviewId })).rejects.toThrow(
        /blinded/,
      );
      await expect(
        callerFor(db, finished.members[role].id).prisma2020Flow.items({ reviewId, list: "included" }),
      ).rejects.toThrow(/blinded/);
    }
    await db.reviewStageSetting.updateMany({ where: { reviewId }, data: { blinded: false } });
    try {
      const { flow } = await callerFor(db, finished.members.observer.id).prisma2020Flow.diagram({ reviewId });
      expect(flow.values.new_reports).toBe(4);
    } finally {
      await db.reviewStageSetting.updateMany({ where: { reviewId }, data: { blinded: true } });
    }
  });

  it("serves the files to members only, in the four formats only", async () => {
    const db = testDb();
    const reviewId = finished.review.id;
    const outsider = await makeUser(db, "outsider");
    const get = (userId: string | null, format: string) =>
      callRoute(diagramRoute, userId, { params: { reviewId, format } });
    expect((await get(null, "pdf")).status).toBe(401);
    expect((await get(outsider.id, "pdf")).status).toBe(403);
    expect((await get(finished.members.reviewer.id, "pdf")).status).toBe(403);
    expect((await get(finished.members.owner.id, "docx")).status).toBe(404);
    const pdf = await get(finished.members.owner.id, "pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${finished.review.slug}-prisma.pdf"`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const csv = await (await get(finished.members.lead.id, "csv")).text();
    expect(csv).toContain("\ndbr_excluded,node14,box9,");
    expect(csv).toMatch(/^records_screened,.*,16$/m);
    expect(csv).toMatch(/^total_studies,.*,2$/m);
    // A finished diagram is downloaded as it is, with no note on it.
    expect(await (await get(finished.members.lead.id, "svg")).text()).not.toMatch(/in progress|Inconsistent/);
    expect(csv).toMatch(/^database_specific_results,.*,"PubMed, 10; Embase, 6"$/m);
  });
});
