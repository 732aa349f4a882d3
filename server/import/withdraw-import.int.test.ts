// Withdrawing an import, through the API as a lead does it: what the screen is told beforehand, what leaves the
// review (and what of it is kept), duplicates repaired, decisions no longer counted, PRISMA before and after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import type { Cell } from "../export/csv";
import { DECISION_LOG_COLUMNS } from "../export/log-rows";
import { decisionLogRows } from "../export/log-source";
import { stopJobQueue } from "../jobs/queue";
import { trainingLabels } from "../prioritise/training-labels";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { importText, ris, secondReviewer, startQueue } from "./imports.fixture";
import { runWithdrawal, WITHDRAW_WHILE_WAITING, type WithdrawalJob } from "./withdraw-import";

beforeAll(startQueue);
afterAll(stopJobQueue);

const TA = "title_abstract" as const;

/** Titles unlike each other, as a real search's are: de-duplication finds nothing to compare at length. */
function syntheticTitle(i: number): string {
  const syllables = ["ka", "lo", "mi", "ne", "ra", "su", "ti", "vo", "be", "da", "fi", "gu", "ho", "je", "pu"];
  let seed = i * 7919 + 13;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const word = () => Array.from({ length: 3 }, () => syllables[next() % syllables.length]).join("");
  return Array.from({ length: 8 }, word).join(" ");
}

const PUBMED = [
  { title: "Mesenchymal stem cells in ALS: a phase 1 trial of intrathecal delivery", doi: "10.1000/a1" },
  { title: "Neural stem cells for ALS: intraspinal injection in a first cohort", doi: "10.1000/a2" },
  { title: "Autologous bone marrow MSC in amyotrophic lateral sclerosis: safety", doi: "10.1000/a3" },
  { title: "Bone marrow cells improve survival of SOD1-G93A mice", doi: "10.1000/a4" },
  { title: "Stem cell therapy for ALS: a narrative review of the field", doi: "10.1000/a5" },
];
const EMBASE = [
  PUBMED[0]!,
  PUBMED[1]!,
  { title: "Umbilical cord blood cells in patients with ALS: an open study", doi: "10.1000/b3" },
  { title: "Intrathecal MSC in ALS: a randomised phase 2 trial", doi: "10.1000/b4" },
];
const SCOPUS = [
  PUBMED[0]!,
  { title: "Mesenchymal stromal cells and motor neuron survival in ALS models", doi: "10.1000/c2" },
  { title: "Long-term follow-up of neural stem cell grafts in ALS", doi: "10.1000/c3" },
];

/**
 * PubMed (5 records), then Embase (4: two of them PubMed's first two) and Scopus (3: one PubMed's first), each
 * de-duplicated after it is read; two reviewers decide three of PubMed's records and one of Embase's.
 */
async function review(db: Db) {
  const team = await makeTeam(db);
  const reviewId = team.review.id;
  const r2 = await secondReviewer(db, reviewId);
  const lead = { reviewId, actorId: team.members.lead.id };
  const pubmed = await importText(db, lead, "pubmed.ris", ris(PUBMED), { name: "PubMed" });
  const embase = await importText(db, lead, "embase.ris", ris(EMBASE), { name: "Embase" });
  const scopus = await importText(db, lead, "scopus.ris", ris(SCOPUS), { name: "Scopus" });
  const records = await db.record.findMany({ where: { reviewId }, include: { import: true } });
  const id = (fileName: string, doi: string) =>
    records.find((r) => r.import!.fileName === fileName && r.doi === doi)!.id;
  const decide = (userId: string, recordId: string, verdict: "include" | "exclude") =>
    callerFor(db, userId).screening.decide({ reviewId, stage: TA, recordId, verdict });
  const r1 = team.members.reviewer.id;
  await decide(r1, id("pubmed.ris", "10.1000/a3"), "include");
  await decide(r2.id, id("pubmed.ris", "10.1000/a3"), "include");
  await decide(r1, id("pubmed.ris", "10.1000/a4"), "include");
  await decide(r2.id, id("pubmed.ris", "10.1000/a4"), "exclude");
  await decide(r1, id("embase.ris", "10.1000/b3"), "exclude");
  await decide(r2.id, id("embase.ris", "10.1000/b3"), "exclude");
  await decide(r1, id("pubmed.ris", "10.1000/a5"), "include");
  return { ...team, reviewId, r1, r2: r2.id, imports: { pubmed, embase, scopus }, id };
}

async function flow(db: Db, leadId: string, reviewId: string) {
  const { flow } = await callerFor(db, leadId).prisma2020Flow.diagram({ reviewId });
  const v = flow.values;
  return {
    databases: flow.databases,
    identified: v.database_results,
    duplicates: v.duplicates,
    screened: v.records_screened,
    excluded: v.records_excluded,
    sought: v.dbr_sought_reports,
    holds: flow.checks.every((c) => c.holds),
  };
}

describe("withdrawing an import", () => {
  it("tells the lead beforehand what will change: records, duplicates, decisions, reports, PRISMA", async () => {
    const db = testDb();
    const t = await review(db);
    const impact = await callerFor(db, t.members.lead.id).imports.withdrawalImpact({
      reviewId: t.reviewId,
      importId: t.imports.pubmed,
    });
    expect(impact).toMatchObject({
      fileName: "pubmed.ris",
      source: "PubMed",
      records: 5,
      duplicatesRemoved: 0,
      mergedIntoThese: 3,
      comeBackAsOwn: 2,
      pendingPairs: 0,
      decisions: { title_abstract: 5, full_text: 0 },
      settled: { title_abstract: 1, full_text: 0 },
      openConflicts: 1,
      reports: 1,
      pdfs: 0,
      studies: [],
      needsConfirmation: false,
      identified: { sourceBefore: 5, sourceAfter: 0, reviewBefore: 12, reviewAfter: 7 },
      blocked: null,
    });
    // Nothing changed by looking.
    expect(await db.record.count({ where: { importId: t.imports.pubmed } })).toBe(5);
  });

  it("takes its records out, repairs the merges into them, stops counting their decisions; PRISMA follows exactly", async () => {
    const db = testDb();
    const t = await review(db);
    const lead = callerFor(db, t.members.lead.id);
    const a1 = t.id("pubmed.ris", "10.1000/a1");
    const b1 = t.id("embase.ris", "10.1000/a1");
    const b2 = t.id("embase.ris", "10.1000/a2");
    const c1 = t.id("scopus.ris", "10.1000/a1");
    const merged = async () =>
      Object.fromEntries(
        (await db.record.findMany({ where: { id: { in: [b1, b2, c1] } } })).map((r) => [r.id, r.duplicateOfId]),
      );
    expect(await merged()).toEqual({ [b1]: a1, [b2]: t.id("pubmed.ris", "10.1000/a2"), [c1]: a1 });
    expect(await flow(db, t.members.lead.id, t.reviewId)).toEqual({
      databases: [
        { name: "PubMed", n: 5 },
        { name: "Embase", n: 4 },
        { name: "Scopus", n: 3 },
      ],
      identified: 12,
      duplicates: 3,
      screened: 9,
      excluded: 1,
      sought: 1,
      holds: false, // records still being screened: not every screened record has its outcome yet
    });
    const [before] = await lead.screening.agreement({ reviewId: t.reviewId });
    expect(before!.pairs[0]!.records).toBe(3);
    expect(await lead.screening.conflicts({ reviewId: t.reviewId, stage: TA })).toHaveLength(1);

    const impact = await lead.imports.withdrawalImpact({ reviewId: t.reviewId, importId: t.imports.pubmed });
    const done = await lead.imports.withdraw({
      reviewId: t.reviewId,
      importId: t.imports.pubmed,
      reason: "The PubMed export was run with the wrong date limit",
      downstreamKey: impact.downstreamKey,
    });
    expect(done).toEqual({ status: "withdrawn", records: 5 });

    // The earliest other copy of PubMed's first record is its own again; the Scopus copy now merges into it.
    expect(await merged()).toEqual({ [b1]: null, [b2]: null, [c1]: b1 });
    const pair = await db.duplicatePair.findFirstOrThrow({ where: { recordAId: b1, recordBId: c1 } });
    expect(pair).toMatchObject({ status: "merged", automatic: true });
    expect(await db.duplicatePair.count({ where: { reviewId: t.reviewId } })).toBe(1);
    expect(await flow(db, t.members.lead.id, t.reviewId)).toEqual({
      databases: [
        { name: "Embase", n: 4 },
        { name: "Scopus", n: 3 },
      ],
      identified: 7,
      duplicates: 1,
      screened: 6,
      excluded: 1,
      sought: 0,
      holds: false,
    });
    // Decisions on the withdrawn records no longer count anywhere.
    const [after] = await lead.screening.agreement({ reviewId: t.reviewId });
    expect(after!.pairs[0]!.records).toBe(1);
    expect(await lead.screening.conflicts({ reviewId: t.reviewId, stage: TA })).toEqual([]);
    const progress = await lead.screening.progress({ reviewId: t.reviewId, stage: TA });
    expect(progress).toMatchObject({ total: 6, team: { included: 0, excluded: 1, conflicts: 0 } });
    expect(await db.report.count({ where: { reviewId: t.reviewId } })).toBe(0);
    await db.reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: t.reviewId, stage: TA } },
      data: { prioritise: true },
    });
    const labels = await trainingLabels(db, { reviewId: t.reviewId, stage: TA, reviewerId: t.r1 });
    expect([...labels!.labels.values()]).toEqual([0]); // the Embase exclusion only
    // The merge the withdrawal made can be undone like any other.
    await lead.duplicates.undoMerge({ reviewId: t.reviewId, pairId: pair.id });
    expect((await merged())[c1]).toBeNull();

    // Kept out of the review but not lost: the rows as they were, the import listed as withdrawn, the audit event.
    const kept = await db.withdrawnRow.groupBy({
      by: ["tableName"],
      where: { importId: t.imports.pubmed },
      _count: true,
    });
    expect(Object.fromEntries(kept.map((k) => [k.tableName, k._count]))).toMatchObject({
      records: 5,
      screening_decisions: 5,
      screening_outcomes: 3,
      conflicts: 1,
      reports: 1,
      duplicate_pairs: 3,
    });
    const archived = await db.withdrawnRow.findFirstOrThrow({ where: { id: a1 } });
    expect(archived.data).toMatchObject({ id: a1, title: PUBMED[0]!.title, doi: "10.1000/a1" });
    // The decision log keeps the withdrawn records' decisions, titled from the archive.
    const log: Cell[][] = [];
    for await (const row of decisionLogRows(db, t.reviewId)) log.push(row);
    const a3 = t.id("pubmed.ris", "10.1000/a3");
    const a3Rows = log.filter((row) => row[DECISION_LOG_COLUMNS.indexOf("record_id")] === a3);
    expect(a3Rows.length).toBeGreaterThan(0);
    expect(a3Rows.map((row) => row[DECISION_LOG_COLUMNS.indexOf("title")])).toEqual(a3Rows.map(() => PUBMED[2]!.title));
    const imp = (await lead.imports.list({ reviewId: t.reviewId })).find((i) => i.id === t.imports.pubmed)!;
    expect(imp).toMatchObject({
      status: "withdrawn",
      withdrawalReason: "The PubMed export was run with the wrong date limit",
      withdrawnBy: { name: "lead" },
      recordCount: 5,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: t.imports.pubmed, action: "import.withdrawn" },
    });
    expect(event.data).toMatchObject({
      records: 5,
      decisions: { title_abstract: 5, full_text: 0 },
      restoredDuplicates: 2,
      repointedDuplicates: 1,
    });
    // Once is enough.
    await expect(
      lead.imports.withdraw({ reviewId: t.reviewId, importId: t.imports.pubmed, downstreamKey: impact.downstreamKey }),
    ).rejects.toThrow(/withdrawn already/);
  });

  it("asks for confirmation when a study has extraction or appraisal, says what is undone, and refuses a stale screen", async () => {
    const db = testDb();
    const t = await review(db);
    const lead = callerFor(db, t.members.lead.id);
    const report = await db.report.findFirstOrThrow({ where: { recordId: t.id("pubmed.ris", "10.1000/a3") } });
    const study = await db.study.create({ data: { reviewId: t.reviewId, label: "Petrou 2016" } });
    await db.report.update({ where: { id: report.id }, data: { studyId: study.id } });
    const before = await lead.imports.withdrawalImpact({ reviewId: t.reviewId, importId: t.imports.pubmed });
    expect(before.needsConfirmation).toBe(false);
    expect(before.studies).toEqual([
      { id: study.id, label: "Petrou 2016", reportsWithdrawn: 1, reportsLeft: 0, extractions: 0, appraisals: 0 },
    ]);

    // Someone starts appraising the study after the lead looked: the old screen's withdrawal is refused.
    await db.appraisal.create({
      data: { reviewId: t.reviewId, studyId: study.id, tool: "rob2", appraiserId: t.r1, answers: { d1: "low" } },
    });
    const withdraw = (downstreamKey: string, confirmDownstream?: boolean) =>
      lead.imports.withdraw({ reviewId: t.reviewId, importId: t.imports.pubmed, downstreamKey, confirmDownstream });
    await expect(withdraw(before.downstreamKey)).rejects.toThrow(/changed since you looked/);
    const impact = await lead.imports.withdrawalImpact({ reviewId: t.reviewId, importId: t.imports.pubmed });
    expect(impact.needsConfirmation).toBe(true);
    expect(impact.studies[0]).toMatchObject({ label: "Petrou 2016", reportsLeft: 0, appraisals: 1 });
    await expect(withdraw(impact.downstreamKey)).rejects.toThrow(/Confirm that you understand what is undone/);
    expect(await db.record.count({ where: { importId: t.imports.pubmed } })).toBe(5);

    await withdraw(impact.downstreamKey, true);
    // The study had no other report: it leaves with its appraisal, both kept with the withdrawn import.
    expect(await db.study.count({ where: { id: study.id } })).toBe(0);
    expect(await db.appraisal.count({ where: { studyId: study.id } })).toBe(0);
    const kept = await db.withdrawnRow.findMany({
      where: { importId: t.imports.pubmed, tableName: { in: ["studies", "appraisals"] } },
    });
    expect(kept.map((k) => k.tableName).sort()).toEqual(["appraisals", "studies"]);
  });

  it("keeps a study that has a report from another import, with its work", async () => {
    const db = testDb();
    const t = await review(db);
    const lead = callerFor(db, t.members.lead.id);
    const study = await db.study.create({ data: { reviewId: t.reviewId, label: "Trial B" } });
    const pubmedReport = await db.report.findFirstOrThrow({ where: { recordId: t.id("pubmed.ris", "10.1000/a3") } });
    await db.report.update({ where: { id: pubmedReport.id }, data: { studyId: study.id } });
    await db.report.create({
      data: { reviewId: t.reviewId, recordId: t.id("embase.ris", "10.1000/b4"), studyId: study.id },
    });
    await db.appraisal.create({ data: { reviewId: t.reviewId, studyId: study.id, tool: "rob2", appraiserId: t.r1 } });
    const impact = await lead.imports.withdrawalImpact({ reviewId: t.reviewId, importId: t.imports.pubmed });
    expect(impact.studies).toEqual([
      { id: study.id, label: "Trial B", reportsWithdrawn: 1, reportsLeft: 1, extractions: 0, appraisals: 1 },
    ]);
    await lead.imports.withdraw({
      reviewId: t.reviewId,
      importId: t.imports.pubmed,
      downstreamKey: impact.downstreamKey,
      confirmDownstream: true,
    });
    expect(await db.report.findMany({ where: { studyId: study.id }, select: { recordId: true } })).toEqual([
      { recordId: t.id("embase.ris", "10.1000/b4") },
    ]);
    expect(await db.appraisal.count({ where: { studyId: study.id } })).toBe(1);
  });

  it("is for leads: reviewers and observers are refused the preview and the withdrawal", async () => {
    const db = testDb();
    const t = await review(db);
    for (const who of [t.r1, t.members.observer.id]) {
      const caller = callerFor(db, who);
      await expect(
        caller.imports.withdrawalImpact({ reviewId: t.reviewId, importId: t.imports.pubmed }),
      ).rejects.toThrow(/lead role or higher/);
      await expect(
        caller.imports.withdraw({ reviewId: t.reviewId, importId: t.imports.pubmed, downstreamKey: "x" }),
      ).rejects.toThrow(/lead role or higher/);
    }
    expect(await db.record.count({ where: { importId: t.imports.pubmed } })).toBe(5);
  });

  it("withdraws a large import as a job with progress; a job that finds the screen stale changes nothing and says why", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const reviewId = review.id;
    const lead = callerFor(db, members.lead.id);
    const n = WITHDRAW_WHILE_WAITING + 500;
    const big = Array.from({ length: n }, (_, i) => ({ title: syntheticTitle(i), doi: `10.5000/big.${i}` }));
    const importId = await importText(db, { reviewId, actorId: members.lead.id }, "big.ris", ris(big));
    const jobOf = async (): Promise<WithdrawalJob> => {
      const [job] = await db.$queryRaw<{ data: WithdrawalJob }[]>`
        SELECT data FROM pgboss.job WHERE name = 'withdrawal' AND data->>'importId' = ${importId}
         ORDER BY created_on DESC LIMIT 1`;
      return job!.data;
    };

    // Asked once, with appraisal started on a study of one of its reports after the lead looked.
    const record = await db.record.findFirstOrThrow({ where: { importId } });
    const study = await db.study.create({ data: { reviewId, label: "Big 2020" } });
    await db.report.create({ data: { reviewId, recordId: record.id, studyId: study.id } });
    const impact = await lead.imports.withdrawalImpact({ reviewId, importId });
    expect(impact.records).toBe(n);
    expect(
      await lead.imports.withdraw({
        reviewId,
        importId,
        reason: "duplicate upload",
        downstreamKey: impact.downstreamKey,
      }),
    ).toEqual({
      status: "withdrawing",
    });
    expect((await lead.imports.list({ reviewId }))[0]).toMatchObject({ status: "withdrawing", withdrawalProgress: 0 });
    await db.appraisal.create({ data: { reviewId, studyId: study.id, tool: "rob2", appraiserId: members.lead.id } });
    await runWithdrawal(db, await jobOf());
    expect((await lead.imports.list({ reviewId }))[0]).toMatchObject({
      status: "succeeded",
      withdrawalError: expect.stringMatching(/changed since you looked/),
    });
    expect(await db.record.count({ where: { importId } })).toBe(n);

    // Asked again, knowing about the appraisal: the job moves every record out, reporting its progress.
    await db.appraisal.deleteMany({ where: { studyId: study.id } });
    const again = await lead.imports.withdrawalImpact({ reviewId, importId });
    await lead.imports.withdraw({ reviewId, importId, downstreamKey: again.downstreamKey });
    const seen: number[] = [];
    const started = Date.now();
    const watching = setInterval(async () => {
      const imp = await db.import.findUnique({ where: { id: importId } });
      if (imp) seen.push(imp.withdrawalProgress);
    }, 20);
    await runWithdrawal(db, await jobOf());
    clearInterval(watching);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await db.record.count({ where: { reviewId } })).toBe(0);
    expect(await db.withdrawnRow.count({ where: { importId, tableName: "records" } })).toBe(n);
    expect((await lead.imports.list({ reviewId }))[0]).toMatchObject({
      status: "withdrawn",
      withdrawalProgress: 100,
      withdrawalError: null,
      withdrawnBy: { name: "lead" },
    });
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
  });
});
