import { createReadStream, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../config/paths";
import { runDedup } from "../dedup/run-dedup";
import { enqueueAfterImportPg, enqueueInTransaction, jobQueue, QUEUES, stopJobQueue } from "../jobs/queue";
import type { FileStorage } from "../storage/file-storage";
import { localStorage } from "../storage/local-storage";
import { makeTeam, testDb } from "../test/integration";
import { createImport } from "./create-import";
import { runImport } from "./run-import";

const fixture = (name: string) => path.join(projectRoot, "server/import/__fixtures__", name);
const storage = localStorage(mkdtempSync(path.join(tmpdir(), "sift-import-")));
let pool: pg.Pool;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 4 });
  await jobQueue();
});
afterAll(async () => {
  await stopJobQueue();
  await pool.end();
});

const deps = (s: FileStorage = storage) => ({
  db: testDb(),
  pool,
  storage: s,
  enqueueAfterImport: enqueueAfterImportPg,
});

async function upload(reviewId: string, actorId: string, file: string, source = "PubMed") {
  return createImport(
    { db: testDb(), storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
    { reviewId, actorId },
    { fileName: path.basename(file), body: createReadStream(file), source: { name: source, kind: "database" } },
  );
}

/** The promise's value, or an error once `ms` have passed without one. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function queuedJobs(queue: string, importId: string): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'importId' = $2`,
    [queue, importId],
  );
  return rows[0].n;
}

describe("importing a file", () => {
  it("stores every record with its fields and raw tags, audits it and queues de-duplication and search indexing", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const created = await upload(review.id, members.lead.id, fixture("als-small.ris"));
    expect(await queuedJobs(QUEUES.import, created.id)).toBe(1);

    const outcome = await runImport(deps(), created.id);
    expect(outcome).toEqual({ status: "succeeded", format: "ris", records: 3, skipped: 0 });
    const records = await db.record.findMany({ where: { importId: created.id }, orderBy: { year: "asc" } });
    expect(records.map((r) => r.year)).toEqual([2012, 2016, 2018]);
    const petrou = records.find((r) => r.year === 2016)!;
    expect(petrou).toMatchObject({
      authors: ["Petrou, P.", "Gothelf, Y.", "Argov, Z."],
      doi: "10.1001/jamaneurol.2015.4321",
      journal: "JAMA Neurology",
      pages: "337-344",
      nctIds: ["NCT01051882", "NCT01777646"],
      keywords: ["amyotrophic lateral sclerosis", "mesenchymal stem cells"],
    });
    expect((petrou.raw as Record<string, unknown>).DO).toBe("https://doi.org/10.1001/JAMANEUROL.2015.4321");
    expect(records.find((r) => r.year === 2018)!.title).toBe(
      "Lenzumestrocel (Neuronata-R) in ALS: αβ characters and accents — é, ü",
    );

    const imp = await db.import.findUniqueOrThrow({ where: { id: created.id } });
    expect(imp).toMatchObject({ status: "succeeded", recordCount: 3, parsedCount: 3, skippedCount: 0 });
    expect(imp.bytesRead).toBe(imp.byteSize);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "import.completed" } })).toBe(1);
    expect(await queuedJobs(QUEUES.dedup, created.id)).toBe(1);
    expect(await queuedJobs(QUEUES.searchIndex, created.id)).toBe(1);
    expect(await runImport(deps(), created.id)).toEqual({ status: "already-done" });
  });

  it("gives the records ids in the file's order, so that ordering by id is import order", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const titles = Array.from({ length: 500 }, (_, i) => `Record ${i} of the file`);
    const created = await createImport(
      { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
      { reviewId: review.id, actorId: members.lead.id },
      {
        fileName: "ordered.ris",
        body: Readable.from([titles.map((t) => `TY  - JOUR\nTI  - ${t}\nER  - \n\n`).join("")]),
        source: { name: "PubMed", kind: "database" },
      },
    );
    expect(await runImport(deps(), created.id)).toMatchObject({ status: "succeeded", records: titles.length });
    const records = await db.record.findMany({
      where: { importId: created.id },
      orderBy: { id: "asc" },
      select: { title: true },
    });
    expect(records.map((r) => r.title)).toEqual(titles);
  });

  it("is all or nothing: a read that breaks half way leaves no records, and running it again succeeds", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const created = await upload(review.id, members.lead.id, fixture("als-small.ris"));
    const text = readFileSync(fixture("als-small.ris"));
    const breaking: FileStorage = {
      ...storage,
      async get() {
        return new Readable({
          read() {
            this.push(text.subarray(0, 900));
            this.destroy(new Error("disk went away"));
          },
        });
      },
    };
    await expect(runImport(deps(breaking), created.id)).rejects.toThrow("disk went away");
    expect(await db.record.count({ where: { importId: created.id } })).toBe(0);
    expect(await db.import.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "queued" });
    expect(await queuedJobs(QUEUES.dedup, created.id)).toBe(0);

    expect(await runImport(deps(), created.id)).toMatchObject({ status: "succeeded", records: 3 });
    expect(await db.record.count({ where: { importId: created.id } })).toBe(3);
  });

  it("fails a file its parser refuses after the COPY began at once, and the next import on the same connection runs", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    // One connection, as a busy instance might have left: an import that kept it would block every later one.
    const one = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
    try {
      const notes = await createImport(
        { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
        { reviewId: review.id, actorId: members.lead.id },
        {
          fileName: "notes.txt",
          body: Readable.from(["Two lines of notes\nthat are not RIS\n"]),
          source: { name: "PubMed", kind: "database" },
          requestedFormat: "ris",
        },
      );
      const outcome = await within(5_000, runImport({ ...deps(), pool: one }, notes.id));
      expect(outcome).toEqual({ status: "failed", error: expect.stringContaining("not in RIS format") });
      expect(await db.import.findUniqueOrThrow({ where: { id: notes.id } })).toMatchObject({
        status: "failed",
        error: expect.stringContaining("not in RIS format"),
      });
      expect(await db.record.count({ where: { importId: notes.id } })).toBe(0);

      const good = await upload(review.id, members.lead.id, fixture("als-small.ris"));
      expect(await within(5_000, runImport({ ...deps(), pool: one }, good.id))).toMatchObject({
        status: "succeeded",
        records: 3,
      });
    } finally {
      await within(1_000, one.end()).catch(() => {});
    }
  });

  it("fails a file that is not a bibliographic export with one clear message, importing nothing", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const created = await upload(review.id, members.lead.id, path.join(projectRoot, "package.json"));
    const outcome = await runImport(deps(), created.id);
    expect(outcome).toMatchObject({ status: "failed", error: expect.stringContaining("not a bibliographic export") });
    expect(await db.record.count({ where: { importId: created.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "import.failed" } })).toBe(1);
  });
});

describe("de-duplication after import", () => {
  it("merges the same paper from a second database, compares only against earlier imports, and can be undone", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const first = await upload(review.id, members.lead.id, fixture("als-small.ris"), "PubMed");
    await runImport(deps(), first.id);
    expect(await runDedup(db, first.id)).toEqual({ merged: 0, toReview: 0 });
    expect(await runDedup(db, first.id)).toBeNull(); // already done: nothing is compared twice

    const second = await upload(review.id, members.lead.id, fixture("als-small-embase.ris"), "Embase");
    await runImport(deps(), second.id);
    const result = await runDedup(db, second.id);
    expect(result?.merged).toBe(1);

    const removed = await db.record.findMany({
      where: { reviewId: review.id, duplicateOfId: { not: null } },
      include: { duplicateOf: true },
    });
    expect(removed).toHaveLength(1);
    expect(removed[0]!.duplicateOf!.doi).toBe("10.1001/jamaneurol.2015.4321");
    const pair = await db.duplicatePair.findFirstOrThrow({ where: { reviewId: review.id, status: "merged" } });
    expect(pair.automatic).toBe(true);

    const { undoMerge } = await import("../dedup/decide-pair");
    await undoMerge(db, { reviewId: review.id, actorId: members.lead.id }, pair.id);
    expect(await db.record.count({ where: { reviewId: review.id, duplicateOfId: { not: null } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: pair.id, action: "dedup.merge_undone" } })).toBe(1);
  });

  it("keeps a registry entry and the paper of the same trial apart, linking them as one study", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const source = await db.source.create({ data: { reviewId: review.id, name: "Mixed", kind: "database" } });
    const importWith = async (record: object) => {
      const imp = await db.import.create({
        data: {
          reviewId: review.id,
          sourceId: source.id,
          fileName: "x.ris",
          status: "succeeded",
          createdById: members.lead.id,
        },
      });
      await db.record.create({ data: { reviewId: review.id, sourceId: source.id, importId: imp.id, ...record } });
      return imp.id;
    };
    const registryImport = await importWith({
      title: "Phase 3 Study of Autologous MSC-NTF Cells in ALS",
      type: "registry-entry",
      year: 2017,
      nctIds: ["NCT03280056"],
    });
    await runDedup(db, registryImport);
    const paperImport = await importWith({
      title: "NurOwn, phase 3 randomized clinical trial of autologous MSC-NTF cells for ALS",
      type: "JOUR",
      year: 2022,
      journal: "Muscle & Nerve",
      authors: ["Cudkowicz, M. E."],
      nctIds: ["NCT03280056"],
    });
    expect(await runDedup(db, paperImport)).toMatchObject({ merged: 0 });
    expect(await db.record.count({ where: { reviewId: review.id, duplicateOfId: { not: null } } })).toBe(0);
    expect(await db.studyLink.findMany({ where: { reviewId: review.id }, select: { nctId: true } })).toEqual([
      { nctId: "NCT03280056" },
    ]);
  });
});
