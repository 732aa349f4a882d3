import { mkdtempSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { POST as uploadRoute } from "../../../app/api/reviews/[reviewId]/imports/route";
import { projectRoot } from "../../config/paths";
import { createImport } from "../../import/create-import";
import { enqueueInTransaction, jobQueue, QUEUES, stopJobQueue } from "../../jobs/queue";
import { localStorage } from "../../storage/local-storage";
import { makeTeam, makeUser, testDb } from "../../test/integration";
import { callRoute } from "../../test/route-calls";

vi.mock("../../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../../test/route-calls")).testSession,
}));

const root = mkdtempSync(path.join(tmpdir(), "sift-upload-"));
// The route stores into the process-wide storage: pointed at this folder, so what it leaves can be checked.
process.env.SIFT_STORAGE_DIR = root;
const storage = localStorage(root);
const ris = readFileSync(path.join(projectRoot, "server/import/__fixtures__/als-small.ris"));

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  await jobQueue();
});
afterAll(() => stopJobQueue());

function post(
  userId: string | null,
  reviewId: string,
  query: Record<string, string>,
  body: Uint8Array<ArrayBuffer> | null = new Uint8Array(ris),
) {
  return callRoute(uploadRoute, userId, { params: { reviewId }, query, body: body && new Blob([body]).stream() });
}

const good = { fileName: "pubmed.ris", source: "PubMed", sourceKind: "database" };

/** Every folder and file under the storage root. */
async function stored(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .map((e) => `${path.relative(root, path.join(e.parentPath, e.name))}${e.isDirectory() ? "/" : ""}`)
    .sort();
}

describe("upload endpoint", () => {
  it("accepts a lead's file, records the import and its source", async () => {
    const { review, members } = await makeTeam(testDb());
    const res = await post(members.lead.id, review.id, good);
    expect(res.status).toBe(201);
    const { importId } = await res.json();
    const imp = await testDb().import.findUniqueOrThrow({ where: { id: importId }, include: { source: true } });
    expect(imp).toMatchObject({
      status: "queued",
      fileName: "pubmed.ris",
      byteSize: BigInt(ris.length),
      source: { name: "PubMed", kind: "database" },
    });
  });

  it("refuses anonymous callers, non-members, forged review ids and reviewers, storing nothing", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const outsider = await makeUser(db, "outsider");
    expect((await post(null, review.id, good)).status).toBe(401);
    expect((await post(outsider.id, review.id, good)).status).toBe(403);
    expect((await post(members.lead.id, "forged-review-id", good)).status).toBe(403);
    const reviewer = await post(members.reviewer.id, review.id, good);
    expect(reviewer.status).toBe(403);
    expect(await reviewer.json()).toEqual({ error: "This needs the lead role or higher in this review." });
    expect(await db.import.count({ where: { reviewId: review.id } })).toBe(0);
  });

  it("explains bad parameters and empty files", async () => {
    const { review, members } = await makeTeam(testDb());
    const noSource = await post(members.lead.id, review.id, { ...good, source: "" });
    expect(noSource.status).toBe(400);
    expect((await noSource.json()).error).toMatch(/Name the source/);
    const badFormat = await post(members.lead.id, review.id, { ...good, format: "docx" });
    expect(badFormat.status).toBe(400);
    const empty = await post(members.lead.id, review.id, good, new Uint8Array());
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: "This file is empty." });
  });

  it("refuses a source name already used for another kind of source", async () => {
    const { review, members } = await makeTeam(testDb());
    expect((await post(members.lead.id, review.id, good)).status).toBe(201);
    const clash = await post(members.lead.id, review.id, { ...good, sourceKind: "register" });
    expect(clash.status).toBe(400);
    expect((await clash.json()).error).toMatch(/already a source of this review/);
  });

  it("takes twenty uploads naming one new source at once, all of them, with one source", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(members.lead.id, review.id, { ...good, source: "Embase" })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const sources = await db.source.findMany({ where: { reviewId: review.id } });
    expect(sources).toMatchObject([{ name: "Embase", kind: "database" }]);
    expect(await db.import.count({ where: { reviewId: review.id, sourceId: sources[0]!.id } })).toBe(20);
  });

  it("leaves the storage folder as it was after a refused upload", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    expect((await post(members.lead.id, review.id, good)).status).toBe(201);
    const before = await stored();
    expect(before.some((entry) => entry.startsWith(`reviews/${review.id}/imports/`))).toBe(true);

    expect((await post(members.lead.id, review.id, { ...good, sourceKind: "register" })).status).toBe(400); // refused after storing
    expect((await post(members.lead.id, review.id, good, new Uint8Array())).status).toBe(400);
    const oversized = createImport(
      { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
      { reviewId: review.id, actorId: members.lead.id },
      { fileName: "big.ris", body: Readable.from([ris, ris]), source: { name: "PubMed", kind: "database" } },
      ris.length,
    );
    await expect(oversized).rejects.toThrow(/larger than/);
    expect(await stored()).toEqual(before);

    const other = await makeTeam(db);
    const refused = await post(other.members.lead.id, other.review.id, { ...good, source: "" });
    expect(refused.status).toBe(400);
    await expect(
      createImport(
        { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
        { reviewId: other.review.id, actorId: other.members.lead.id },
        { fileName: "big.ris", body: Readable.from([ris, ris]), source: { name: "PubMed", kind: "database" } },
        ris.length,
      ),
    ).rejects.toThrow(/larger than/);
    expect(await stored()).toEqual(before); // not even reviews/<id>/ of a review that has no file yet
  });
});
