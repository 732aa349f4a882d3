// Which code runs each queue's jobs: the only module that knows both the job plumbing (server/jobs) and the
// domains whose work runs as jobs. Imported by start-up code only (`sift worker`, and tests that run jobs).
import { db } from "../db/client";
import { pgPool } from "../db/pg-pool";
import { runDedup } from "../dedup/run-dedup";
import { exportStopped, runExport } from "../export/export-jobs";
import { importStopped, runImport } from "../import/run-import";
import { runWithdrawal, withdrawalJobStopped } from "../import/withdraw-import";
import { enqueueAfterImportPg, type QueueName } from "../jobs/queue";
import type { OnAbandoned } from "../jobs/recovery";
import type { JobHandlers } from "../jobs/workers";
import { retrainRanking } from "../prioritise/retrain";
import { indexRecordsForSearch } from "../record-search/search-index";
import { fileStorage } from "../storage/file-storage";

/** The rows a queue's jobs keep up to date, for when a job stops without finishing (see jobs/recovery.ts). */
export const ON_STOPPED = {
  import: (client, job, reason) =>
    importStopped(client, (job.data as { importId: string }).importId, { retried: job.retried, reason }),
  export: (client, job, reason) =>
    exportStopped(client, (job.data as { exportId: string }).exportId, { retried: job.retried, reason }),
  withdrawal: (client, job, reason) =>
    withdrawalJobStopped(client, (job.data as { importId: string }).importId, { retried: job.retried, reason }),
} satisfies Partial<Record<QueueName, OnAbandoned>>;

const RANKING_BATCH = 50;

export const JOB_HANDLERS: JobHandlers = {
  import: {
    run: async ([job]) => {
      await runImport(
        { db: db(), pool: pgPool(), storage: fileStorage(), enqueueAfterImport: enqueueAfterImportPg },
        job!.data.importId,
      );
    },
    onStopped: ON_STOPPED.import,
  },
  dedup: {
    run: async ([job]) => {
      await runDedup(db(), job!.data.importId);
    },
  },
  "search-index": {
    run: async ([job]) => {
      await indexRecordsForSearch(db(), { importId: job!.data.importId });
    },
  },
  export: {
    run: async ([job]) => {
      await runExport({ db: db(), pool: pgPool(), storage: fileStorage() }, job!.data.exportId);
    },
    onStopped: ON_STOPPED.export,
  },
  withdrawal: {
    run: async ([job]) => {
      await runWithdrawal(db(), job!.data);
    },
    onStopped: ON_STOPPED.withdrawal,
  },
  // pg-boss pauses a polling interval after each fetch that took less, so one job per fetch would cap retraining
  // at a ranking a second; a team deciding every few seconds each needs many. A retraining that fails is failed
  // on its own (retried once), without taking the rest of its batch with it.
  ranking: {
    batchSize: RANKING_BATCH,
    pollingIntervalSeconds: 0.5,
    run: async (batch, fail) => {
      const failed: string[] = [];
      for (const job of batch) {
        await retrainRanking(db(), job.data).catch((err: Error) => {
          console.error(`sift: retraining a ranking failed: ${err.message}`);
          failed.push(job.id);
        });
      }
      await fail(failed);
    },
  },
};
