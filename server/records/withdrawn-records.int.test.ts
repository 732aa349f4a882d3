// Records that left with a withdrawn import, as a lead finds them: listed with their import and the withdrawal,
// and each on a read-only page with its fields, raw fields and history up to and including the withdrawal.
// Nobody else may ask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importText, ris, startQueue } from "../import/imports.fixture";
import { stopJobQueue } from "../jobs/queue";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { historyLine } from "./history-events";

beforeAll(startQueue);
afterAll(stopJobQueue);

const PUBMED = [
  { title: "Mesenchymal stem cells in ALS: a phase 1 trial of intrathecal delivery", doi: "10.1000/a1" },
  { title: "Bone marrow cells improve survival of SOD1-G93A mice", doi: "10.1000/a4" },
];

async function withdrawnReview() {
  const db = testDb();
  const team = await makeTeam(db);
  const reviewId = team.review.id;
  const lead = callerFor(db, team.members.lead.id);
  const pubmed = await importText(db, { reviewId, actorId: team.members.lead.id }, "pubmed.ris", ris(PUBMED), {
    name: "PubMed",
  });
  const record = await db.record.findFirstOrThrow({ where: { reviewId, doi: "10.1000/a1" } });
  await callerFor(db, team.members.reviewer.id).screening.decide({
    reviewId,
    stage: "title_abstract",
    recordId: record.id,
    verdict: "include",
  });
  const impact = await lead.imports.withdrawalImpact({ reviewId, importId: pubmed });
  await lead.imports.withdraw({
    reviewId,
    importId: pubmed,
    reason: "Run with the wrong date limit",
    downstreamKey: impact.downstreamKey,
  });
  return { ...team, reviewId, lead, recordId: record.id };
}

describe("withdrawn records", () => {
  it("are listed for a lead with their import and the withdrawal, and open read-only with their history", async () => {
    const t = await withdrawnReview();
    await expect(t.lead.records.get({ reviewId: t.reviewId, recordId: t.recordId })).rejects.toThrow(
      "That record is not in this review.",
    );
    const list = await t.lead.records.withdrawn({ reviewId: t.reviewId });
    expect(list.total).toBe(2);
    expect(list.records.map((r) => r.title).sort()).toEqual(PUBMED.map((p) => p.title).sort());
    expect(list.records[0]).toMatchObject({
      import: { fileName: "pubmed.ris" },
      source: { name: "PubMed" },
      withdrawnBy: "lead",
      reason: "Run with the wrong date limit",
    });
    const page = await t.lead.records.getWithdrawn({ reviewId: t.reviewId, recordId: t.recordId });
    expect(page.record).toMatchObject({ title: PUBMED[0]!.title, doi: "10.1000/a1" });
    expect(Object.keys(page.record.raw).length).toBeGreaterThan(0);
    expect(page.record.createdAt.getTime()).toBeLessThanOrEqual(page.withdrawnAt!.getTime());
    expect(page.history.map(historyLine)).toEqual([
      "You imported it from PubMed (pubmed.ris)",
      "reviewer included it at title/abstract",
      "You withdrew its import (pubmed.ris), so it left the review: “Run with the wrong date limit”",
    ]);
  });

  it("are a lead's only, and an id that is not an archived record of the review is not found", async () => {
    const t = await withdrawnReview();
    for (const who of [t.members.reviewer.id, t.members.observer.id]) {
      const caller = callerFor(testDb(), who);
      await expect(caller.records.withdrawn({ reviewId: t.reviewId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.records.getWithdrawn({ reviewId: t.reviewId, recordId: t.recordId })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const other = await withdrawnReview();
    await expect(t.lead.records.getWithdrawn({ reviewId: t.reviewId, recordId: other.recordId })).rejects.toThrow(
      "No record withdrawn with an import of this review has that id.",
    );
  });
});
