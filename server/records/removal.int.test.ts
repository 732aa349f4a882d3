// A lead removes records before screening (PRISMA 2020 "Records removed for other reasons") and restores them:
// the records leave the queues, the ranker's pool and the counts, the diagram counts them in their box, the browser
// finds them, the record's history tells it, and each change is audited; what was screened cannot be removed.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { callerFor, makeTeam, testDb } from "../test/integration";

const TA = "title_abstract" as const;

async function reviewWithRecords(db: Db) {
  const team = await makeTeam(db);
  const reviewId = team.review.id;
  const pubmed = await db.source.create({ data: { reviewId, name: "PubMed", kind: "database" } });
  const citations = await db.source.create({
    data: { reviewId, name: "Citation searching", kind: "citation_searching" },
  });
  const record = async (title: string, sourceId = pubmed.id, duplicateOfId?: string) =>
    (await db.record.create({ data: { reviewId, sourceId, title, duplicateOfId } })).id;
  const ids = {
    retracted: await record("A retracted trial"),
    old: await record("A trial from 1987"),
    kept: await record("A trial kept for screening"),
    screened: await record("A trial already screened"),
    cited: await record("A report found by citation searching", citations.id),
  };
  const duplicate = await record("A duplicate", pubmed.id, ids.kept);
  const lead = callerFor(db, team.members.lead.id);
  const reviewer = callerFor(db, team.members.reviewer.id);
  return { ...team, reviewId, ids: { ...ids, duplicate }, lead, reviewer };
}

let t: Awaited<ReturnType<typeof reviewWithRecords>>;
beforeAll(async () => {
  t = await reviewWithRecords(testDb());
  await t.reviewer.screening.decide({ reviewId: t.reviewId, stage: TA, recordId: t.ids.screened, verdict: "exclude" });
});

describe("removing records before screening", () => {
  it("refuses what was screened, duplicates, other methods and 'Other' without words, removing nothing", async () => {
    const { lead, reviewId, ids } = t;
    const attempt = (recordIds: string[], reason: "retracted" | "other" = "retracted", note = "") =>
      lead.records.removeBeforeScreening({ reviewId, recordIds, reason, note });
    await expect(attempt([ids.retracted, ids.screened])).rejects.toThrow(
      /Nothing was removed: 1 record has been screened already \(exclude it at screening instead/,
    );
    await expect(attempt([ids.duplicate])).rejects.toThrow(/1 record was already removed as duplicates/);
    await expect(attempt([ids.cited])).rejects.toThrow(/1 record comes from other methods/);
    await expect(attempt([ids.old], "other", "  ")).rejects.toThrow(/Say why the records are removed/);
    await expect(
      t.reviewer.records.removeBeforeScreening({ reviewId, recordIds: [ids.old], reason: "language", note: "" }),
    ).rejects.toThrow(/lead role/);
    expect(await testDb().recordRemoval.count({ where: { reviewId } })).toBe(0);
  });

  it("takes them out of screening and counts them in 'Records removed for other reasons', audited", async () => {
    const { lead, reviewer, reviewId, ids } = t;
    const db = testDb();
    // The reviewer holds every open record now: removing one takes it out of their hands too.
    const served = await reviewer.screening.next({ reviewId, stage: TA, count: 5 });
    expect(served.map((s) => s.record.id)).toContain(ids.retracted);
    const before = await lead.screening.progress({ reviewId, stage: TA });

    expect(
      await lead.records.removeBeforeScreening({ reviewId, recordIds: [ids.retracted], reason: "retracted", note: "" }),
    ).toEqual({ removed: 1, reason: "Retracted" });
    await lead.records.removeBeforeScreening({
      reviewId,
      recordIds: [ids.old],
      reason: "outside_date_range",
      note: "before 1990",
    });
    expect(await db.screeningAssignment.count({ where: { recordId: ids.retracted } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { reviewId, action: "records.removed_before_screening", entityId: reviewId },
      }),
    ).toBe(2);

    const after = await lead.screening.progress({ reviewId, stage: TA });
    expect(after.total).toBe(before.total - 2);
    const next = await reviewer.screening.next({ reviewId, stage: TA, count: 5 });
    expect(next.map((s) => s.record.id)).not.toContain(ids.retracted);
    expect(next.map((s) => s.record.id)).not.toContain(ids.old);

    const { flow } = await lead.prisma2020Flow.diagram({ reviewId });
    expect(flow.values).toMatchObject({ database_results: 5, duplicates: 1, excluded_other: 2, records_screened: 2 });
    expect(flow.checks.find((c) => c.id === "screened_from_identified")!.state).toBe("holds");
    const box = await lead.prisma2020Flow.items({ reviewId, list: "removed_before_screening" });
    expect(box.items.map((i) => [i.title, i.detail])).toEqual([
      ["A duplicate", "Duplicate of “A trial kept for screening”"],
      ["A retracted trial", "Removed before screening: Retracted"],
      ["A trial from 1987", "Removed before screening: Outside the date range (before 1990)"],
    ]);

    const browsed = await lead.records.list({ reviewId, removed: "removed" });
    expect(browsed.items.map((r) => [r.title, r.removedBeforeScreening]).sort()).toEqual([
      ["A retracted trial", "Retracted"],
      ["A trial from 1987", "Outside the date range (before 1990)"],
    ]);
    const notRemoved = await lead.records.list({ reviewId, removed: "not_removed" });
    expect(notRemoved.items.map((r) => r.title)).not.toContain("A retracted trial");

    const page = await lead.records.get({ reviewId, recordId: ids.old });
    expect(page.history.map((h) => h.kind)).toContain("removed_before_screening");
  });

  it("restores them for screening, audited, and refuses to restore what is not removed", async () => {
    const { lead, reviewId, ids } = t;
    const db = testDb();
    await expect(lead.records.restoreRemoved({ reviewId, recordIds: [ids.kept] })).rejects.toThrow(
      /Nothing was restored: 1 of the chosen records is not removed before screening/,
    );
    expect(await lead.records.restoreRemoved({ reviewId, recordIds: [ids.retracted] })).toEqual({ restored: 1 });
    expect(await db.auditEvent.count({ where: { reviewId, action: "records.restored_for_screening" } })).toBe(1);
    const { flow } = await lead.prisma2020Flow.diagram({ reviewId });
    expect(flow.values).toMatchObject({ excluded_other: 1, records_screened: 3 });
    const next = await t.reviewer.screening.next({ reviewId, stage: TA, count: 5 });
    expect(next.map((s) => s.record.id)).toContain(ids.retracted);
    const page = await lead.records.get({ reviewId, recordId: ids.retracted });
    expect(page.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(["removed_before_screening", "restored_for_screening"]),
    );
  });
});
