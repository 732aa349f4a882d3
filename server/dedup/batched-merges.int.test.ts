// De-duplication writes its merges in batches: each record merged away points at the record its cluster keeps, as
// the plan says, every other record is left alone, and each merge has its pair and the run its one audit event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "../db/client";
import { ris, startQueue, storage, upload } from "../import/imports.fixture";
import { runImport } from "../import/run-import";
import { enqueueAfterImportPg, stopJobQueue } from "../jobs/queue";
import { makeTeam, testDb } from "../test/integration";
import { findDuplicates, planMerges } from "./find-duplicates";
import { runDedup } from "./run-dedup";
import { DEDUP_FIELDS } from "./types";

beforeAll(startQueue);
afterAll(stopJobQueue);

const paper = (i: number) => ({
  title: `Intrathecal mesenchymal stromal cells in amyotrophic lateral sclerosis, cohort ${"ABCDEFGHIJKLMNOP"[i]}`,
  doi: `10.1000/als.${i}`,
  authors: [`Author${i}, A.`],
  year: 2010 + i,
});

describe("de-duplication's merges", () => {
  it("point every record merged away at its cluster's kept record, as planned, with a pair each and one audit event", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const scope = { reviewId: review.id, actorId: members.lead.id };
    const read = async (fileName: string, text: string, name: string) => {
      const created = await upload(db, scope, fileName, text, { name });
      await runImport({ db, pool: poolOf(db), storage, enqueueAfterImport: enqueueAfterImportPg }, created.id);
      return created.id;
    };
    const first = await read("pubmed.ris", ris(Array.from({ length: 12 }, (_, i) => paper(i))), "PubMed");
    await runDedup(db, first);
    // Embase holds eight of PubMed's papers (one of them twice), four of its own and, twice, one more.
    const embase = [0, 1, 2, 3, 4, 5, 6, 7, 3].map(paper);
    const own = [12, 13, 14, 15, 15].map(paper);
    const second = await read("embase.ris", ris([...embase, ...own]), "Embase");

    const load = (where: object) => db.record.findMany({ where, select: DEDUP_FIELDS, orderBy: { createdAt: "asc" } });
    const existing = await load({ reviewId: review.id, duplicateOfId: null, import: { dedupedAt: { not: null } } });
    const incoming = await load({ importId: second });
    const { pairs } = findDuplicates(existing, incoming);
    const { removals } = planMerges(pairs, [...existing, ...incoming]);
    expect(removals.length).toBeGreaterThanOrEqual(10);

    expect(await runDedup(db, second)).toMatchObject({ merged: removals.length });
    const records = await db.record.findMany({
      where: { reviewId: review.id },
      select: { id: true, duplicateOfId: true },
    });
    const keptFor = new Map(removals.map((r) => [r.removedId, r.keptId]));
    expect(records).toHaveLength(26);
    for (const r of records) expect(r.duplicateOfId).toBe(keptFor.get(r.id) ?? null);
    const merged = await db.duplicatePair.findMany({ where: { reviewId: review.id, status: "merged" } });
    expect(merged.map((p) => [p.recordBId, p.recordAId]).sort()).toEqual(
      removals.map((r) => [r.removedId, r.keptId]).sort(),
    );
    const found = new Map(pairs.map((p) => [[p.aId, p.bId].sort().join("|"), p]));
    for (const p of merged) {
      const pair = found.get([p.recordAId, p.recordBId].sort().join("|"));
      expect(p).toMatchObject({ automatic: true, decidedById: null, evidence: pair?.evidence ?? {} });
      expect(p.decidedAt).toEqual(p.createdAt);
      expect(Math.abs(p.decidedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    }
    const events = await db.auditEvent.findMany({ where: { entityId: second, action: "dedup.completed" } });
    expect(events.map((e) => e.data)).toEqual([
      { compared: 14, against: 12, merged: removals.length, toReview: 0, studyLinks: 0, labelsCarried: 0 },
    ]);
  });
});
