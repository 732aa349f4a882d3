// The job handlers every app instance runs (sift start starts them beside the web server).
import type pg from "pg";
import type PgBoss from "pg-boss";
import { db } from "../db/client";
import { pgPool } from "../db/pg-pool";
import { runDedup } from "../dedup/run-dedup";
import { exportStopped, runExport } from "../export/export-jobs";
import { importStopped, runImport } from "../import/run-import";
import { retrainRanking } from "../prioritise/retrain";
import type { RankingScope } from "../prioritise/training-labels";
import { fileStorage } from "../storage/file-storage";
import { JobLeases } from "./leases";
import { jobQueue, QUEUES, type QueueName } from "./queue";
import { failJobs, type OnAbandoned, recoverAbandonedJobs } from "./recovery";

/** Queues the de-duplication of an import on the import's own transaction connection. */
export async function enqueueDedupPg(client: pg.ClientBase, importId: string): Promise<void> {
  const boss = await jobQueue();
  await boss.send(QUEUES.dedup, { importId }, { db: { executeSql: (text, values) => client.query(text, values) } });
}

const RANKING_BATCH = 50;
/** How often a worker looks for jobs whose worker died (recovery.ts). */
const RECOVER_EVERY_MS = 5_000;

/** The rows a queue's jobs keep up to date, for when a job stops without finishing (see recovery.ts). */
export const ON_STOPPED: Partial<Record<QueueName, OnAbandoned>> = {
  import: (client, job, reason) =>
    importStopped(client, (job.data as { importId: string }).importId, { retried: job.retried, reason }),
  export: (client, job, reason) =>
    exportStopped(client, (job.data as { exportId: string }).exportId, { retried: job.retried, reason }),
};

interface Running {
  boss: PgBoss;
  leases: JobLeases;
  recovery: NodeJS.Timeout;
}

const globalForWorkers = globalThis as unknown as { siftWorkers?: Running };

/** Runs `work` on `pool` in a transaction. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs a fetched batch under its leases. The outcome is written here, before the leases go: were it left to
 * pg-boss (which writes it after the handler returns, without waiting), a worker recovering abandoned jobs could
 * see a finished job still active with no lease and run it again. A job's last try that fails settles its rows
 * in the same transaction. When the outcome cannot be written (the database is away) the handler throws, so
 * pg-boss's own write can only ever fail the job, never complete one that failed; recovery fails it otherwise.
 */
async function leased<T>(
  running: Running,
  queue: QueueName,
  jobs: PgBoss.JobWithMetadata<T>[],
  work: (jobs: PgBoss.JobWithMetadata<T>[]) => Promise<void>,
) {
  const { boss, leases } = running;
  const ids = jobs.map((j) => j.id);
  await leases.hold(ids);
  try {
    const failure = await work(jobs).then(
      () => null,
      (err: Error) => err,
    );
    if (failure) console.error(`sift: ${queue} job ${ids.join(", ")} failed: ${failure.message}`);
    try {
      if (!failure) await boss.complete(queue, ids);
      else {
        const reason = failure.message;
        await inTransaction(pgPool(), async (client) => {
          const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
          await failJobs(boss, queue, ids, { message: reason }, { db });
          for (const job of jobs) {
            if (job.retryCount < job.retryLimit) continue; // pg-boss runs it again
            await ON_STOPPED[queue]?.(client, { id: job.id, queue, data: job.data, retried: false }, reason);
          }
        });
      }
    } catch (err) {
      throw new Error(`could not record how a ${queue} job ended (${(err as Error).message}); it will be recovered`);
    }
  } finally {
    await leases.release(ids);
  }
}

export async function startWorkers(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = await jobQueue();
  let lastReport = 0;
  const reportFailure = (err: Error) => {
    if (Date.now() - lastReport < 60_000) return;
    lastReport = Date.now();
    console.error(`sift: looking for abandoned jobs failed (${err.message}); trying again`);
  };
  let recovering = false;
  const recoverNow = async () => {
    if (recovering) return;
    recovering = true;
    await recoverAbandonedJobs(pgPool(), boss, Object.values(QUEUES), ON_STOPPED)
      .catch(reportFailure)
      .finally(() => (recovering = false));
  };
  const running: Running = {
    boss,
    leases: new JobLeases(url),
    recovery: setInterval(() => void recoverNow(), RECOVER_EVERY_MS),
  };
  globalForWorkers.siftWorkers = running;
  // Jobs a worker that died left active are picked up now, not when they expire.
  await recoverNow();

  const options = { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true } as const;
  await boss.work<{ importId: string }>(QUEUES.import, options, (jobs) =>
    leased(running, QUEUES.import, jobs, async ([job]) => {
      await runImport(
        { db: db(), pool: pgPool(), storage: fileStorage(), enqueueDedup: enqueueDedupPg },
        job!.data.importId,
      );
    }),
  );
  await boss.work<{ importId: string }>(QUEUES.dedup, options, (jobs) =>
    leased(running, QUEUES.dedup, jobs, async ([job]) => {
      await runDedup(db(), job!.data.importId);
    }),
  );
  await boss.work<{ exportId: string }>(QUEUES.export, options, (jobs) =>
    leased(running, QUEUES.export, jobs, async ([job]) => {
      await runExport({ db: db(), pool: pgPool(), storage: fileStorage() }, job!.data.exportId);
    }),
  );
  // pg-boss pauses a polling interval after each fetch that took less, so one job per fetch would cap retraining
  // at a ranking a second; a team deciding every few seconds each needs many. A retraining that fails is failed
  // on its own (retried once), without taking the rest of its batch with it.
  await boss.work<RankingScope>(
    QUEUES.ranking,
    { batchSize: RANKING_BATCH, pollingIntervalSeconds: 0.5, includeMetadata: true },
    (jobs) =>
      leased(running, QUEUES.ranking, jobs, async (batch) => {
        const failed: string[] = [];
        for (const job of batch) {
          await retrainRanking(db(), job.data).catch((err: Error) => {
            console.error(`sift: retraining a ranking failed: ${err.message}`);
            failed.push(job.id);
          });
        }
        if (failed.length > 0) await boss.fail(QUEUES.ranking, failed);
      }),
  );
}

/** Stops looking for abandoned jobs and lets go of the leases; after stopJobQueue, which waits for running jobs. */
export async function stopWorkers(): Promise<void> {
  const running = globalForWorkers.siftWorkers;
  globalForWorkers.siftWorkers = undefined;
  if (!running) return;
  clearInterval(running.recovery);
  await running.leases.close();
}
