// PostgreSQL stops and starts again under a running worker and a running import: the worker and the web side
// (this process: Prisma, the bulk pool, the job queue) carry on, the import is run again whole, and nothing is
// left "running". A cluster of its own in a temporary folder, since stopping the shared one would break the
// other test files of the run.
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "../db/client";
import { ensureDatabaseExists } from "../db/database";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import { pgPool } from "../db/pg-pool";
import { createImport } from "../import/create-import";
import { listImports } from "../import/import-queries";
import type { FileStorage } from "../storage/file-storage";
import { localStorage } from "../storage/local-storage";
import { makeTeam } from "../test/integration";
import { enqueueInTransaction, jobQueue, QUEUES, stopJobQueue } from "./queue";
import { pipeStorage, spawnWorker, type WorkerProcess } from "./worker.fixture";

const home = mkdtempSync(path.join(tmpdir(), "sift-restart-"));
const files = path.join(home, "files");
let server: EmbeddedDatabase | undefined;
let url: string;
let db: Db;
let worker: WorkerProcess | undefined;

/** `n` records, each about 100 bytes, with titles that tell them apart. */
function risFile(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `TY  - JOUR\nTI  - Trial number ${i} of stem cells in ALS\nAU  - Author, A.\nPY  - 2020\nER  - \n\n`,
  ).join("");
}

beforeAll(async () => {
  server = await startEmbeddedDatabase(home);
  url = await ensureDatabaseExists(server.serverUrl, "sift_restart");
  await migrate(url);
  process.env.DATABASE_URL = url;
  db = createDb(url);
  await jobQueue();
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await stopJobQueue().catch(() => {});
  await db?.$disconnect();
  await pgPool().end();
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
}, 60_000);

async function upload(storage: FileStorage, text: string) {
  const { review, members } = await makeTeam(db);
  const created = await createImport(
    { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
    { reviewId: review.id, actorId: members.lead.id },
    { fileName: "pubmed.ris", body: Readable.from([Buffer.from(text)]), source: { name: "PubMed", kind: "database" } },
  );
  return { review, created, file: path.join(files, created.fileKey!) };
}

const listed = async (reviewId: string, importId: string) =>
  (await listImports(db, reviewId)).find((i) => i.id === importId)!;

describe("a database restart under a running worker and a running import", () => {
  it("loses nothing and leaves nothing running", { timeout: 90_000 }, async () => {
    worker = spawnWorker({ DATABASE_URL: url, SIFT_STORAGE_DIR: files });
    const full = risFile(3000);
    const { review, created, file } = await upload(pipeStorage(files), full);
    await vi.waitFor(async () => expect((await listed(review.id, created.id)).status).toBe("running"), {
      timeout: 30_000,
      interval: 200,
    });
    // Half the file, then nothing: the import is in the middle of its COPY when the database goes.
    const writer = createWriteStream(file);
    writer.write(full.slice(0, full.length / 2));
    await vi.waitFor(async () => expect((await listed(review.id, created.id)).parsedCount).toBeGreaterThan(0), {
      timeout: 20_000,
      interval: 200,
    });
    // Every pool here holds idle connections that the shutdown ends, as a web server's would.
    await Promise.all([db.user.count(), pgPool().query("SELECT 1"), (await jobQueue()).getQueueSize(QUEUES.import)]);

    const port = Number(new URL(server!.serverUrl).port);
    await server!.stop();
    writer.destroy(); // the rest of the file arrives after the restart, as the whole file read again
    rmSync(file);
    writeFileSync(file, full);
    await sleep(2_000);
    server = await startEmbeddedDatabase(home, undefined, { port });

    await vi.waitFor(async () => expect((await listed(review.id, created.id)).status).toBe("succeeded"), {
      timeout: 45_000,
      interval: 500,
    });
    expect(await listed(review.id, created.id)).toMatchObject({
      recordCount: 3000,
      parsedCount: 3000,
      skippedCount: 0,
      error: null,
    });
    expect(await db.record.count({ where: { importId: created.id } })).toBe(3000);
    expect(worker.child.exitCode, worker.output()).toBeNull();

    // The web side still works: an upload after the restart is taken, and the same worker imports it.
    const after = await upload(localStorage(files), risFile(5));
    await vi.waitFor(async () => expect((await listed(after.review.id, after.created.id)).status).toBe("succeeded"), {
      timeout: 20_000,
      interval: 250,
    });

    // Nothing left running: no import, no job (de-duplication included) nobody is working on.
    await vi.waitFor(
      async () => {
        expect(await db.import.count({ where: { status: { in: ["queued", "running"] } } })).toBe(0);
        const { rows } = await pgPool().query(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`,
        );
        expect(rows[0].n).toBe(0);
      },
      { timeout: 20_000, interval: 250 },
    );
    expect(worker.child.exitCode, worker.output()).toBeNull();
  });
});
