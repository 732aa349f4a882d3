// Owners archive a review (read-only, in the reviews list's Archived section), restore it, and delete it with its
// stored files once they have typed its title. The reviews list counts unique records.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { POST as upload } from "../../app/api/reviews/[reviewId]/imports/route";
import { poolOf } from "../db/client";
import { fileStorage } from "../storage/file-storage";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

beforeAll(() => {
  process.env.SIFT_STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "sift-review-delete-"));
  // Starting an export queues its job.
  process.env.DATABASE_URL = inject("databaseUrl");
});
afterAll(async () => {
  const { stopJobQueue } = await import("../jobs/queue");
  await stopJobQueue();
});

async function withFiles(reviewId: string) {
  const db = testDb();
  const source = await db.source.create({ data: { reviewId, name: "PubMed", kind: "database" } });
  const record = await db.record.create({ data: { reviewId, sourceId: source.id, title: "A record with a PDF" } });
  const fileKey = `reviews/${reviewId}/reports/${record.id}/paper.pdf`;
  await fileStorage().put(fileKey, Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]));
  await db.report.create({
    data: { reviewId, recordId: record.id, fileKey, fileName: "paper.pdf", retrievalStatus: "retrieved" },
  });
  return { fileKey, recordId: record.id, sourceId: source.id };
}

const stored = (key: string) =>
  fileStorage()
    .get(key)
    .then(
      async (body) => {
        for await (const _ of body);
        return true;
      },
      () => false,
    );

describe("archiving a review", () => {
  it("moves it to Archived for every member, makes it read-only, and restores it, each audited once", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const owner = callerFor(db, members.owner.id);
    const lead = callerFor(db, members.lead.id);
    await expect(lead.reviews.setArchived({ reviewId: review.id, archived: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const archived = await owner.reviews.setArchived({ reviewId: review.id, archived: true });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await owner.reviews.setArchived({ reviewId: review.id, archived: true });
    const listed = (await lead.reviews.list()).find((r) => r.id === review.id);
    expect(listed?.archivedAt).toBeInstanceOf(Date);

    // Read-only: reading and exporting go on; changes are refused with the reason, and nothing changes.
    expect((await lead.reviews.get({ reviewId: review.id })).archivedAt).toBeInstanceOf(Date);
    await expect(
      lead.reviews.updateDetails({ reviewId: review.id, title: "Renamed while archived", question: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived, so it is read-only/) });
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).title).toBe(review.title);
    await expect(lead.exports.start({ reviewId: review.id, kind: "records", format: "csv" })).resolves.toBeDefined();
    // The screening decision checks the caller in its own statement; it is refused alike and writes nothing.
    const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
    const record = await db.record.create({ data: { reviewId: review.id, sourceId: source.id, title: "Unread" } });
    await expect(
      callerFor(db, members.reviewer.id).screening.decide({
        reviewId: review.id,
        stage: "title_abstract",
        recordId: record.id,
        verdict: "include",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect(await db.screeningDecision.count({ where: { recordId: record.id } })).toBe(0);
    // Routes alike: an upload is refused before it is read. Exporting a selection of records goes on.
    const uploaded = await callRoute(upload, members.lead.id, { params: { reviewId: review.id }, body: "x" });
    expect(uploaded.status).toBe(409);
    expect(await uploaded.json()).toMatchObject({ error: expect.stringMatching(/archived, so it is read-only/) });
    await expect(
      lead.exports.startSelection({ reviewId: review.id, format: "csv", recordIds: [record.id] }),
    ).resolves.toMatchObject({ kind: "selection" });

    await owner.reviews.setArchived({ reviewId: review.id, archived: false });
    await lead.reviews.updateDetails({ reviewId: review.id, title: "Renamed after restore", question: "" });
    const events = await db.auditEvent.findMany({
      where: { reviewId: review.id, action: { in: ["review.archived", "review.unarchived"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["review.archived", members.owner.id],
      ["review.unarchived", members.owner.id],
    ]);
  });
});

describe("deleting a review", () => {
  it("needs an owner and the exact title, then removes the review, its rows and its stored files, logging it", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const other = await makeTeam(db);
    const mine = await withFiles(review.id);
    const theirs = await withFiles(other.review.id);

    await expect(
      callerFor(db, members.lead.id).reviews.delete({ reviewId: review.id, confirmTitle: review.title }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owner = callerFor(db, members.owner.id);
    await expect(owner.reviews.delete({ reviewId: review.id, confirmTitle: "Review" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Type the review's title, “${review.title}”, exactly to delete it.`,
    });
    expect(await stored(mine.fileKey)).toBe(true);

    // Archived reviews can be deleted too; surrounding spaces in the typed title do not matter.
    await owner.reviews.setArchived({ reviewId: review.id, archived: true });
    expect(await owner.reviews.delete({ reviewId: review.id, confirmTitle: ` ${review.title} ` })).toEqual({
      slug: review.slug,
      title: review.title,
      files: 1,
    });
    expect(await db.review.findUnique({ where: { id: review.id } })).toBeNull();
    expect(await db.record.count({ where: { id: mine.recordId } })).toBe(0);
    expect(await db.membership.count({ where: { reviewId: review.id } })).toBe(0);
    expect(await stored(mine.fileKey)).toBe(false);
    expect(await stored(theirs.fileKey)).toBe(true);
    expect(await db.review.count({ where: { id: other.review.id } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { action: "review.deleted", entityId: review.id } })).toMatchObject({
      reviewId: null,
      actorId: members.owner.id,
      data: { slug: review.slug, title: review.title, files: 1 },
    });
    expect((await owner.reviews.list()).some((r) => r.id === review.id)).toBe(false);
  });

  it("finds every stored file: each table with a file_key column holds its review's id", async () => {
    const { rows } = await poolOf(testDb()).query<{ table_name: string; has_review: boolean }>(
      `SELECT c.table_name, EXISTS (SELECT 1 FROM information_schema.columns r WHERE r.table_schema = c.table_schema
                AND r.table_name = c.table_name AND r.column_name = 'review_id') AS has_review
         FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.column_name = 'file_key'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => !r.has_review)).toEqual([]);
  });
});

describe("the reviews list", () => {
  it("counts unique records: not merged duplicates", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const source = await db.source.create({ data: { reviewId: review.id, name: "Embase", kind: "database" } });
    const kept = await db.record.create({ data: { reviewId: review.id, sourceId: source.id, title: "Kept" } });
    await db.record.create({ data: { reviewId: review.id, sourceId: source.id, title: "Other" } });
    await db.record.create({
      data: { reviewId: review.id, sourceId: source.id, title: "Kept (again)", duplicateOfId: kept.id },
    });
    const listed = (await callerFor(db, members.reviewer.id).reviews.list()).find((r) => r.id === review.id);
    expect(listed?.records).toBe(2);
  });
});
