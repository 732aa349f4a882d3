// The job handlers every app instance runs (sift start starts them beside the web server).
import type pg from "pg";
import { db } from "../db/client";
import { pgPool } from "../db/pg-pool";
import { runDedup } from "../dedup/run-dedup";
import { runExport } from "../export/export-jobs";
import { runImport } from "../import/run-import";
import { retrainRanking } from "../prioritise/retrain";
import type { RankingScope } from "../prioritise/training-labels";
import { fileStorage } from "../storage/file-storage";
import { jobQueue, QUEUES } from "./queue";

/** Queues the de-duplication of an import on the import's own transaction connection. */
export async function enqueueDedupPg(client: pg.ClientBase, importId: string): Promise<void> {
  const boss = await jobQueue();
  await boss.send(QUEUES.dedup, { importId }, { db: { executeSql: (text, values) => client.query(text, values) } });
}

const RANKING_BATCH = 50;

export async function startWorkers(): Promise<void> {
  const boss = await jobQueue();
  await boss.work<{ importId: string }>(QUEUES.import, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    await runImport({ db: db(), pool: pgPool(), storage: fileStorage(), enqueueDedup: enqueueDedupPg }, job!.data.importId);
  });
  await boss.work<{ importId: string }>(QUEUES.dedup, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    await runDedup(db(), job!.data.importId);
  });
  await boss.work<{ exportId: string }>(QUEUES.export, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    await runExport({ db: db(), pool: pgPool(), storage: fileStorage() }, job!.data.exportId);
  });
  // pg-boss pauses a polling interval after each fetch that took less, so one job per fetch would cap retraining
  // at a ranking a second; a team deciding every few seconds each needs many. A retraining that fails is failed
  // on its own (retried once), without taking the rest of its batch with it.
  await boss.work<RankingScope>(QUEUES.ranking, { batchSize: RANKING_BATCH, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    const failed: string[] = [];
    for (const job of jobs) {
      await retrainRanking(db(), job.data).catch((err: Error) => {
        console.error(`sift: retraining a ranking failed: ${err.message}`);
        failed.push(job.id);
      });
    }
    if (failed.length > 0) await boss.fail(QUEUES.ranking, failed);
  });
}
