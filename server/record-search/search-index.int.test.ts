// Search data is written by a job after an import, not during it: until the job has run an import's records are
// listed but not found by words and the browser says how many wait; edits are followed at once; the job may run
// twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "../db/client";
import { ris, startQueue, storage, upload } from "../import/imports.fixture";
import { runImport } from "../import/run-import";
import { enqueueAfterImportPg, stopJobQueue } from "../jobs/queue";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { indexRecordsForSearch } from "./search-index";

beforeAll(startQueue);
afterAll(stopJobQueue);

describe("indexing an import's records for search", () => {
  it("finds an import's records by words once its job has run, and says how many wait until then", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const scope = { reviewId: review.id, actorId: members.lead.id };
    const text = ris([
      { title: "Intrathecal mesenchymal stromal cells in ALS", doi: "10.1234/als.a" },
      { title: "Riluzole and edaravone compared", doi: "10.1234/als.b" },
    ]);
    const created = await upload(db, scope, "search.ris", text);
    await runImport({ db, pool: poolOf(db), storage, enqueueAfterImport: enqueueAfterImportPg }, created.id);
    const lead = callerFor(db, members.lead.id);
    const search = (query: string) => lead.records.list({ reviewId: review.id, query });

    const before = await search("intrathecal");
    expect(before.total).toBe(0);
    expect(before.searchPending).toBe(2);
    // Not found by words, but listed, filtered and found by identifier as any record.
    expect((await lead.records.list({ reviewId: review.id })).total).toBe(2);
    expect((await search("10.1234/als.a")).total).toBe(1);

    expect(await indexRecordsForSearch(db, { importId: created.id })).toBe(2);
    const after = await search("intrathecal");
    expect(after.items.map((i) => i.title)).toEqual(["Intrathecal mesenchymal stromal cells in ALS"]);
    expect(after.searchPending).toBe(0);
    expect((await db.import.findUniqueOrThrow({ where: { id: created.id } })).searchIndexedAt).not.toBeNull();

    // A retried job writes nothing twice.
    expect(await indexRecordsForSearch(db, { importId: created.id })).toBe(0);
    expect((await search("riluzole")).total).toBe(1);
  });

  it("follows an edit of an indexed record's title, abstract, keywords or authors at once", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const scope = { reviewId: review.id, actorId: members.lead.id };
    const created = await upload(
      db,
      scope,
      "edit.ris",
      ris([{ title: "Neural progenitor grafts", doi: "10.1234/als.c" }]),
    );
    await runImport({ db, pool: poolOf(db), storage, enqueueAfterImport: enqueueAfterImportPg }, created.id);
    await indexRecordsForSearch(db, { reviewId: review.id });
    const lead = callerFor(db, members.lead.id);
    const search = (query: string) => lead.records.list({ reviewId: review.id, query });
    expect((await search("cervical")).total).toBe(0);

    const record = await db.record.findFirstOrThrow({ where: { importId: created.id } });
    await db.record.update({
      where: { id: record.id },
      data: { abstract: "Cervical spinal cord injections.", keywords: ["astrocytes"], authors: ["Glass, J."] },
    });
    expect((await search("cervical")).total).toBe(1);
    expect((await search("astrocytes")).total).toBe(1);
    expect((await search("Glass")).total).toBe(1);
    await db.record.update({ where: { id: record.id }, data: { title: "Spinal grafts of progenitors" } });
    expect((await search("neural")).total).toBe(0);
    expect((await search("spinal grafts")).total).toBe(1);
    // Titles typed with a slip are matched by the title's trigrams, kept in step too.
    expect((await search("Spinal grafst")).fuzzy).toBe(true);
    expect((await search("Spinal grafst")).total).toBe(1);
  });
});
