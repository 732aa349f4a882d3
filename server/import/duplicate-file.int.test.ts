// Nothing is imported twice without a lead saying so: the same bytes again, or a file whose records are almost all
// in the review already, wait for an answer; confirmed they are read, cancelled they are not; an answer that does
// not fit (forged, repeated, from a stale page, from a reviewer) is refused and changes nothing.
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { stopJobQueue } from "../jobs/queue";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { importText, type RisRecord, readImport, ris, startQueue, storage, upload } from "./imports.fixture";

beforeAll(startQueue);
afterAll(stopJobQueue);

const SEARCH: RisRecord[] = Array.from({ length: 10 }, (_, i) => ({
  title: `Mesenchymal stem cell trial number ${i} in amyotrophic lateral sclerosis patients`,
  year: 2010 + i,
  doi: `10.3000/msc.${i}`,
}));

async function queuedJobs(db: Db, importId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'import' AND data->>'importId' = ${importId}`;
  return row!.n;
}

async function team(db: Db) {
  const { review, members } = await makeTeam(db);
  const lead = { reviewId: review.id, actorId: members.lead.id };
  const first = await importText(db, lead, "pubmed-2024.ris", ris(SEARCH));
  const records = () => db.record.count({ where: { reviewId: review.id } });
  return { review, members, lead, first, records, caller: callerFor(db, members.lead.id) };
}

describe("uploading a file the review has already imported", () => {
  it("asks before reading the very same bytes, naming the earlier import; cancelled, nothing is imported", async () => {
    const db = testDb();
    const t = await team(db);
    const again = await upload(db, t.lead, "pubmed-2024 (1).ris", ris(SEARCH));
    expect(again.status).toBe("awaiting_confirmation");
    expect(await queuedJobs(db, again.id)).toBe(0);
    const listed = (await t.caller.imports.list({ reviewId: t.review.id })).find((i) => i.id === again.id)!;
    expect(listed.duplicateCheck).toMatchObject({
      reason: "same_file",
      imports: [{ id: t.first, fileName: "pubmed-2024.ris", source: "PubMed", records: 10 }],
    });
    const fileKey = (await db.import.findUniqueOrThrow({ where: { id: again.id } })).fileKey!;

    expect(await t.caller.imports.cancel({ reviewId: t.review.id, importId: again.id })).toEqual({
      status: "cancelled",
    });
    expect(await db.import.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: "cancelled",
      fileKey: null,
    });
    await expect(storage.get(fileKey).then(buffer)).rejects.toThrow();
    expect(await t.records()).toBe(10);
    expect(await queuedJobs(db, again.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: again.id, action: "import.cancelled" } })).toBe(1);
  });

  it("reads the same bytes when a lead confirms, without asking again", async () => {
    const db = testDb();
    const t = await team(db);
    const again = await upload(db, t.lead, "pubmed-2024.ris", ris(SEARCH));
    expect(await t.caller.imports.confirm({ reviewId: t.review.id, importId: again.id })).toEqual({ status: "queued" });
    expect(await queuedJobs(db, again.id)).toBe(1);
    expect(await readImport(db, again.id)).toMatchObject({ status: "succeeded", records: 10 });
    expect(await t.records()).toBe(20);
    // De-duplication then merges the copies, as it would any duplicates.
    expect(await db.record.count({ where: { importId: again.id, duplicateOfId: { not: null } } })).toBe(10);
  });

  it("asks when at least 90 % of a file's records are present by DOI, PMID or title and year, and reads it on confirm", async () => {
    const db = testDb();
    const t = await team(db);
    // Nine of ten present: six by DOI, three by title and year alone (as MEDLINE brackets a translated title).
    const rerun: RisRecord[] = [
      ...SEARCH.slice(0, 6),
      ...SEARCH.slice(6, 9).map((r) => ({ title: `[${r.title}].`, year: r.year })),
      { title: "A new record about neural stem cells in ALS", year: 2024, doi: "10.3000/new" },
    ];
    const created = await upload(db, t.lead, "pubmed-rerun.ris", ris(rerun));
    expect(created.status).toBe("queued"); // different bytes: read first, then measured
    const outcome = await readImport(db, created.id);
    expect(outcome).toMatchObject({ status: "needs-confirmation" });
    const waiting = await db.import.findUniqueOrThrow({ where: { id: created.id } });
    expect(waiting).toMatchObject({ status: "awaiting_confirmation", recordCount: 0, parsedCount: 10 });
    expect(waiting.duplicateCheck).toMatchObject({
      reason: "overlap",
      matched: 9,
      total: 10,
      imports: [{ id: t.first, fileName: "pubmed-2024.ris", records: 9 }],
    });
    expect(await t.records()).toBe(10);

    await t.caller.imports.confirm({ reviewId: t.review.id, importId: created.id });
    expect(await readImport(db, created.id)).toMatchObject({ status: "succeeded", records: 10 });
    expect(await t.records()).toBe(20);
  });

  it("imports without asking when fewer than 90 % are present, and when the earlier import was withdrawn", async () => {
    const db = testDb();
    const t = await team(db);
    const partly = [
      ...SEARCH.slice(0, 8),
      ...[1, 2].map((i) => ({ title: `Another trial ${i} of neural stem cells in ALS`, doi: `10.3000/o${i}` })),
    ];
    const other = await upload(db, t.lead, "embase.ris", ris(partly), { name: "Embase" });
    expect(await readImport(db, other.id)).toMatchObject({ status: "succeeded", records: 10 });

    const fresh = await makeTeam(db);
    const lead = { reviewId: fresh.review.id, actorId: fresh.members.lead.id };
    const first = await importText(db, lead, "pubmed.ris", ris(SEARCH));
    const caller = callerFor(db, fresh.members.lead.id);
    const impact = await caller.imports.withdrawalImpact({ reviewId: fresh.review.id, importId: first });
    await caller.imports.withdraw({ reviewId: fresh.review.id, importId: first, downstreamKey: impact.downstreamKey });
    const again = await upload(db, lead, "pubmed.ris", ris(SEARCH));
    expect(again.status).toBe("queued");
    expect(await readImport(db, again.id)).toMatchObject({ status: "succeeded", records: 10 });
  });

  it("refuses an answer for an upload not waiting for one, from another review, or from a reviewer, changing nothing", async () => {
    const db = testDb();
    const t = await team(db);
    const caller = t.caller;
    // Forged: the first import never asked anything.
    await expect(caller.imports.confirm({ reviewId: t.review.id, importId: t.first })).rejects.toThrow(
      /imported already; it will not be imported twice/,
    );
    await expect(caller.imports.cancel({ reviewId: t.review.id, importId: t.first })).rejects.toThrow(
      /imported already/,
    );
    expect(await db.import.findUniqueOrThrow({ where: { id: t.first } })).toMatchObject({ status: "succeeded" });
    expect(await queuedJobs(db, t.first)).toBe(1); // its own upload's job only

    const waiting = await upload(db, t.lead, "pubmed-2024.ris", ris(SEARCH));
    // Another review's lead naming this upload, with their own review's id.
    const other = await makeTeam(db);
    await expect(
      callerFor(db, other.members.lead.id).imports.confirm({ reviewId: other.review.id, importId: waiting.id }),
    ).rejects.toThrow(/does not exist in this review/);
    await expect(
      callerFor(db, t.members.reviewer.id).imports.confirm({ reviewId: t.review.id, importId: waiting.id }),
    ).rejects.toThrow(/lead role or higher/);
    expect(await db.import.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "awaiting_confirmation",
    });

    // A stale page: one lead cancelled, another confirms from the page they had open.
    await caller.imports.cancel({ reviewId: t.review.id, importId: waiting.id });
    await expect(caller.imports.confirm({ reviewId: t.review.id, importId: waiting.id })).rejects.toThrow(
      /cancelled already; nothing was imported/,
    );
    expect(await queuedJobs(db, waiting.id)).toBe(0);
    expect(await t.records()).toBe(10);
  });
});
