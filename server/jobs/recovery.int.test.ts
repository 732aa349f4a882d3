// Jobs whose worker died are run again within seconds, not when pg-boss's hour-long expiry runs out, and the
// import list never shows "running" for an import nobody is reading. A database of its own on the test cluster:
// the real worker processes here would otherwise take other test files' jobs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { projectRoot } from "../config/paths";
import { createDb, type Db } from "../db/client";
import { ensureDatabaseExists } from "../db/database";
import { migrate } from "../db/migrate";
import { createImport } from "../import/create-import";
import { listImports } from "../import/import-queries";
import type { FileStorage } from "../storage/file-storage";
import { localStorage } from "../storage/local-storage";
import { makeTeam } from "../test/integration";
import { ON_STOPPED } from "../wiring/job-handlers";
import { JobLeases } from "./leases";
import { enqueueInTransaction, jobQueue, QUEUES, stopJobQueue } from "./queue";
import { recoverAbandonedJobs } from "./recovery";
import { pipeStorage, spawnWorker, type WorkerProcess } from "./worker.fixture";

const ris = readFileSync(path.join(projectRoot, "server/import/__fixtures__/als-small.ris"));
const files = mkdtempSync(path.join(tmpdir(), "sift-recovery-"));
const name = `sift_recovery_${Date.now().toString(36)}_${process.pid}`;
let url: string;
let db: Db;
let pool: pg.Pool;

beforeAll(async () => {
  url = await ensureDatabaseExists(inject("serverUrl"), name);
  await migrate(url);
  process.env.DATABASE_URL = url;
  db = createDb(url);
  pool = new pg.Pool({ connectionString: url, max: 3 });
  await jobQueue();
});

afterAll(async () => {
  await stopJobQueue();
  await db?.$disconnect();
  await pool?.end();
  const admin = new pg.Client({ connectionString: inject("serverUrl") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  rmSync(files, { recursive: true, force: true });
});

async function upload(storage: FileStorage) {
  const { review, members } = await makeTeam(db);
  const created = await createImport(
    { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
    { reviewId: review.id, actorId: members.lead.id },
    { fileName: "pubmed.ris", body: Readable.from([ris]), source: { name: "PubMed", kind: "database" } },
  );
  return { review, created, file: path.join(files, created.fileKey!) };
}

async function jobOf(importId: string) {
  const { rows } = await pool.query(
    `SELECT id::text, state::text, retry_count, retry_limit FROM pgboss.job WHERE name = 'import' AND data->>'importId' = $1`,
    [importId],
  );
  return rows[0] as { id: string; state: string; retry_count: number; retry_limit: number };
}

const listed = async (reviewId: string, importId: string) =>
  (await listImports(db, reviewId)).find((i) => i.id === importId)!;

describe("jobs whose worker died", () => {
  it("are failed at once when nobody holds their lease: retried, or failed for good after the last try", async () => {
    const boss = await jobQueue();
    const { review, created } = await upload(localStorage(files));
    const [job] = await boss.fetch(QUEUES.import); // active, as a worker that then died would leave it
    expect(job!.data).toEqual({ importId: created.id });
    await db.import.update({ where: { id: created.id }, data: { status: "running" } });
    await pool.query(`UPDATE pgboss.job SET started_on = now() - interval '1 minute' WHERE id = $1`, [job!.id]);

    const leases = new JobLeases(url);
    await leases.hold([job!.id]);
    expect(await recoverAbandonedJobs(pool, boss, Object.values(QUEUES))).toEqual([]); // its worker is alive
    await leases.close(); // … and now is not

    expect(await recoverAbandonedJobs(pool, boss, Object.values(QUEUES), ON_STOPPED)).toMatchObject([
      { id: job!.id, retried: true },
    ]);
    expect(await jobOf(created.id)).toMatchObject({ state: "retry" });
    expect(await listed(review.id, created.id)).toMatchObject({
      status: "queued",
      error: expect.stringContaining("it will be retried"),
    });

    // Its last try, abandoned too.
    await pool.query(
      `UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute', retry_count = retry_limit WHERE id = $1`,
      [job!.id],
    );
    await db.import.update({ where: { id: created.id }, data: { status: "running" } });
    expect(await recoverAbandonedJobs(pool, boss, Object.values(QUEUES), ON_STOPPED)).toMatchObject([
      { id: job!.id, retried: false },
    ]);
    expect(await jobOf(created.id)).toMatchObject({ state: "failed" });
    expect(await listed(review.id, created.id)).toMatchObject({
      status: "failed",
      error: expect.stringContaining("the worker running it stopped before it finished"),
    });
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "import.failed" } })).toBe(1);
  });

  it("leave no export running either", async () => {
    const boss = await jobQueue();
    const { review, members } = await makeTeam(db);
    const made = await db.export.create({
      data: {
        reviewId: review.id,
        requestedById: members.lead.id,
        kind: "records",
        format: "csv",
        stage: "title_abstract",
      },
    });
    await boss.send(QUEUES.export, { exportId: made.id }, { retryLimit: 1 });
    const [job] = await boss.fetch(QUEUES.export);
    await db.export.update({ where: { id: made.id }, data: { status: "running" } });
    const abandon = () =>
      pool.query(`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute' WHERE id = $1`, [
        job!.id,
      ]);

    await abandon();
    expect(await recoverAbandonedJobs(pool, boss, Object.values(QUEUES), ON_STOPPED)).toMatchObject([
      { id: job!.id, retried: true },
    ]);
    expect(await db.export.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ status: "queued" });

    await pool.query(`UPDATE pgboss.job SET retry_count = retry_limit WHERE id = $1`, [job!.id]);
    await abandon();
    await db.export.update({ where: { id: made.id }, data: { status: "running" } });
    expect(await recoverAbandonedJobs(pool, boss, Object.values(QUEUES), ON_STOPPED)).toMatchObject([
      { id: job!.id, retried: false },
    ]);
    expect(await db.export.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/could not be finished/),
    });
  });

  it("a worker killed in the middle of an import: the next worker to start runs it again within seconds", {
    timeout: 120_000,
  }, async () => {
    const env = { DATABASE_URL: url, SIFT_STORAGE_DIR: files };
    const workers: WorkerProcess[] = [];
    try {
      const { review, created, file } = await upload(pipeStorage(files));
      const first = spawnWorker(env);
      workers.push(first);
      // It marks the import running, then waits for a writer at the other end of the pipe.
      await vi.waitFor(async () => expect((await listed(review.id, created.id)).status).toBe("running"), {
        timeout: 30_000,
        interval: 200,
      });
      await first.kill();
      rmSync(file);
      writeFileSync(file, ris);

      const killedAt = Date.now();
      const second = spawnWorker(env);
      workers.push(second);
      await vi.waitFor(async () => expect((await listed(review.id, created.id)).status).toBe("succeeded"), {
        timeout: 55_000,
        interval: 250,
      });
      // Typically 15 s: the new worker's start, the 10 s a job is given to take its lease, pg-boss's 5 s retry
      // delay. The bound leaves room for a loaded machine; the point is seconds, not the hour of the expiry.
      const seconds = (Date.now() - killedAt) / 1000;
      expect(seconds, second.output()).toBeLessThan(45);
      expect(await listed(review.id, created.id)).toMatchObject({ recordCount: 3, error: null });
      expect(await jobOf(created.id)).toMatchObject({ state: "completed", retry_count: 1 });
      expect(second.output()).toMatch(/was abandoned .* it will run again/);
    } finally {
      for (const w of workers) await w.stop();
    }
  });
});
