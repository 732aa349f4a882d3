// Runs jobs: fetches them from each queue, holds their leases while a handler works, writes how they ended and
// recovers jobs whose worker died. Which code runs a queue's jobs is not known here: start-up code hands the
// handlers in (server/wiring/job-handlers.ts), so this plumbing imports no domain.
import type pg from "pg";
import type PgBoss from "pg-boss";
import { pgPool } from "../db/pg-pool";
import { JobLeases } from "./leases";
import { type JobData, jobQueue, QUEUES, type QueueName } from "./queue";
import { failJobs, type OnAbandoned, recoverAbandonedJobs } from "./recovery";

/** How one queue's jobs are run. */
export interface QueueHandler<Q extends QueueName> {
  /** Jobs fetched at once (default 1), and how long to wait between fetches when there were none (default 1 s). */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  /**
   * Runs a fetched batch. Throwing fails the whole batch; a handler that runs jobs one by one can fail some of
   * them itself (`fail`) and return.
   */
  run(jobs: PgBoss.JobWithMetadata<JobData[Q]>[], fail: (ids: string[]) => Promise<void>): Promise<void>;
  /** What the queue's rows need when a job stops for good without finishing (see recovery.ts). */
  onStopped?: OnAbandoned;
}

/** A handler for every queue: a queue left out would fill with jobs nobody runs. */
export type JobHandlers = { [Q in QueueName]: QueueHandler<Q> };

/** How often a worker looks for jobs whose worker died (recovery.ts). */
const RECOVER_EVERY_MS = 5_000;

/** The rows each queue keeps up to date, for when a job stops without finishing. */
export function onStopped(handlers: JobHandlers): Partial<Record<QueueName, OnAbandoned>> {
  return Object.fromEntries(
    (Object.keys(handlers) as QueueName[]).map((queue) => [queue, handlers[queue].onStopped]),
  ) as Partial<Record<QueueName, OnAbandoned>>;
}

interface Running {
  boss: PgBoss;
  leases: JobLeases;
  recovery: NodeJS.Timeout;
  stopped: Partial<Record<QueueName, OnAbandoned>>;
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
  const { boss, leases, stopped } = running;
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
            await stopped[queue]?.(client, { id: job.id, queue, data: job.data, retried: false }, reason);
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

/** Starts working every queue with its handler, after failing the jobs a worker that died left active. */
export async function startWorkers(handlers: JobHandlers): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = await jobQueue();
  const stopped = onStopped(handlers);
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
    await recoverAbandonedJobs(pgPool(), boss, Object.values(QUEUES), stopped)
      .catch(reportFailure)
      .finally(() => (recovering = false));
  };
  const running: Running = {
    boss,
    leases: new JobLeases(url),
    recovery: setInterval(() => void recoverNow(), RECOVER_EVERY_MS),
    stopped,
  };
  globalForWorkers.siftWorkers = running;
  // Jobs a worker that died left active are picked up now, not when they expire.
  await recoverNow();

  for (const queue of Object.values(QUEUES)) await work(running, queue, handlers[queue]);
}

async function work<Q extends QueueName>(running: Running, queue: Q, handler: QueueHandler<Q>): Promise<void> {
  const { boss } = running;
  const options = {
    batchSize: handler.batchSize ?? 1,
    pollingIntervalSeconds: handler.pollingIntervalSeconds ?? 1,
    includeMetadata: true,
  } as const;
  const fail = async (ids: string[]) => {
    if (ids.length > 0) await boss.fail(queue, ids);
  };
  await boss.work<JobData[Q]>(queue, options, (jobs) =>
    leased(running, queue, jobs, (batch) => handler.run(batch, fail)),
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
