// A withdrawn import survives a bundle's round trip: restored beside its original, the review has the same live
// records and PRISMA counts, the import is still withdrawn with its reason, and what was withdrawn (records,
// decisions, the report and its PDF) is kept in the copy too, under the copy's own ids and file keys.
import { createReadStream, createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "../db/client";
import { restoreBundle } from "../export/bundle/restore-bundle";
import { reviewSnapshot } from "../export/bundle/review-snapshot";
import { writeBundle } from "../export/bundle/write-bundle";
import { attachReportFile } from "../full-text/attach-file";
import { stopJobQueue } from "../jobs/queue";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { importText, ris, secondReviewer, startQueue, storage } from "./imports.fixture";

beforeAll(startQueue);
afterAll(stopJobQueue);

const PDF = Buffer.from("%PDF-1.4\n% a withdrawn report's full text\n%%EOF\n");

describe("a withdrawn import in a bundle", () => {
  it("is restored withdrawn, with its records and what hung off them kept, and the live review the same", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const reviewId = review.id;
    const r2 = await secondReviewer(db, reviewId);
    const lead = { reviewId, actorId: members.lead.id };
    const shared = { title: "Intrathecal mesenchymal stem cells in ALS: a phase 2 trial", doi: "10.2000/shared" };
    const pubmed = await importText(
      db,
      lead,
      "pubmed.ris",
      ris([shared, { title: "Neural progenitor grafts in the SOD1 rat spinal cord", doi: "10.2000/p2" }]),
    );
    await importText(
      db,
      lead,
      "embase.ris",
      ris([shared, { title: "Adipose-derived stem cells in ALS: an open-label study", doi: "10.2000/e2" }]),
      { name: "Embase" },
    );
    const included = await db.record.findFirstOrThrow({ where: { importId: pubmed, doi: "10.2000/p2" } });
    for (const reviewer of [members.reviewer.id, r2.id])
      await callerFor(db, reviewer).screening.decide({
        reviewId,
        stage: "title_abstract",
        recordId: included.id,
        verdict: "include",
      });
    const report = await db.report.findUniqueOrThrow({ where: { recordId: included.id } });
    const { fileKey } = await attachReportFile(
      { db, storage },
      { ...lead, role: "lead" },
      { reportId: report.id, fileName: "grafts.pdf", body: Readable.from([PDF]) },
    );
    const caller = callerFor(db, members.lead.id);
    const impact = await caller.imports.withdrawalImpact({ reviewId, importId: pubmed });
    expect(impact).toMatchObject({ records: 2, reports: 1, pdfs: 1, comeBackAsOwn: 1 });
    await caller.imports.withdraw({
      reviewId,
      importId: pubmed,
      reason: "wrong file",
      downstreamKey: impact.downstreamKey,
    });
    const withdrawnReport = await db.withdrawnRow.findUniqueOrThrow({ where: { id: report.id } });
    expect(withdrawnReport).toMatchObject({ tableName: "reports", fileKey });
    // The PDF is kept with the withdrawn import, not deleted.
    expect(await buffer(await storage.get(fileKey!))).toEqual(PDF);

    const file = path.join(mkdtempSync(path.join(tmpdir(), "sift-withdraw-bundle-")), "review.sift.gz");
    const client = await poolOf(db).connect();
    try {
      const written = await writeBundle(client, storage, reviewId, createWriteStream(file));
      expect(written.rows.withdrawn_rows).toBeGreaterThanOrEqual(2 + 2 + 1 + 1);
      expect(written.files).toBe(3); // two uploaded search files and the withdrawn report's PDF
      const restored = await restoreBundle(client, storage, () => createReadStream(file), {
        actorId: members.owner.id,
        ownerId: members.owner.id,
        slug: `withdrawn-copy-${Date.now()}`,
      });
      const original = await reviewSnapshot(db, reviewId);
      const copy = await reviewSnapshot(db, restored.reviewId);
      const { "review.restored": restoredEvents, ...copyAudit } = copy.audit;
      expect(restoredEvents).toBe(1);
      // Restored beside its original, the copy is titled apart from it (restored-title.ts).
      expect(copy.review.title).toMatch(/ \(restored \d{4}-\d{2}-\d{2}\)$/);
      expect({ ...copy, audit: copyAudit, review: { ...copy.review, title: original.review.title } }).toEqual(original);
      expect(original.imports).toContainEqual(expect.stringContaining('"status":"withdrawn"'));
      expect(original.withdrawnRows.length).toBe(written.rows.withdrawn_rows);

      // In the copy the withdrawn rows have ids of their own that still name each other, and the PDF its own key.
      const copied = await db.withdrawnRow.findMany({ where: { reviewId: restored.reviewId } });
      const copiedRecord = copied.find(
        (w) => w.tableName === "records" && (w.data as { doi: string }).doi === "10.2000/p2",
      )!;
      expect(copiedRecord.id).not.toBe(included.id);
      const copiedReport = copied.find((w) => w.tableName === "reports")!;
      expect((copiedReport.data as { record_id: string }).record_id).toBe(copiedRecord.id);
      expect(copiedReport.fileKey).not.toBe(fileKey);
      expect(await buffer(await storage.get(copiedReport.fileKey!))).toEqual(PDF);
      const copiedImport = await db.import.findFirstOrThrow({
        where: { reviewId: restored.reviewId, fileName: "pubmed.ris" },
      });
      expect(copiedImport).toMatchObject({ status: "withdrawn", withdrawalReason: "wrong file" });
      expect(copied.every((w) => w.importId === copiedImport.id)).toBe(true);
    } finally {
      client.release();
    }
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
