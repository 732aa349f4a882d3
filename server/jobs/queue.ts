// Long work (imports, de-duplication) runs as jobs in PostgreSQL through pg-boss, so any app instance can pick
// up any job and a crashed instance's job is retried by another. This is the plumbing only: a domain sends a job
// by its queue's name and data, and the handlers that run them are registered by start-up code
// (server/wiring/job-handlers.ts), so sending a job never imports the code that runs it.
import type pg from "pg";
import PgBoss from "pg-boss";
import type { Tx } from "../db/client";
import { isConnectionError } from "../db/pg-pool";
import type { Stage } from "../shared/stages";

export const QUEUES = {
  /** data: { importId } */
  import: "import",
  /** data: { importId } — compares an import's records with the review's earlier ones */
  dedup: "dedup",
  /** data: { importId } — writes an import's records' words for the record browser's search */
  searchIndex: "search-index",
  /** data: { exportId } — builds an export's file into storage */
  export: "export",
  /** data: { reviewId, stage, reviewerId } — retrains one reviewer's ranking of a stage's records */
  ranking: "ranking",
  /** data: { reviewId, actorId, importId, downstreamKey } — takes a large withdrawn import's records out */
  withdrawal: "withdrawal",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What each queue's jobs carry. */
export interface JobData {
  import: { importId: string };
  dedup: { importId: string };
  "search-index": { importId: string };
  export: { exportId: string };
  ranking: { reviewId: string; stage: Stage; reviewerId: string };
  withdrawal: { reviewId: string; actorId: string; importId: string; downstreamKey: string };
}

// A job whose worker died is retried after it expires; imports are idempotent (all or nothing), so that is safe.
const QUEUE_POLICY = { retryLimit: 3, retryDelay: 5, expireInMinutes: 60 };
// Retraining coalesces: per singleton key (review, stage, reviewer) at most one job waits while one runs, so a
// burst of decisions costs two trainings, and the waiting one reads every decision made before it starts.
const QUEUE_POLICIES: Partial<Record<QueueName, object>> = {
  ranking: { policy: "stately", retryLimit: 1, retryDelay: 5, expireInMinutes: 15 },
};

const globalForQueue = globalThis as unknown as { siftQueue?: Promise<PgBoss> };

/** The process's queue client, started once. Web instances only send; workers.ts also works. */
export function jobQueue(): Promise<PgBoss> {
  globalForQueue.siftQueue ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString: url, max: 4 });
    // A database restart ends each of the queue's connections: one line for it, not one per connection.
    let lastLost = 0;
    boss.on("error", (err) => {
      if (isConnectionError(err) && Date.now() - lastLost < 10_000) return;
      if (isConnectionError(err)) lastLost = Date.now();
      console.error("sift: job queue error:", err.message);
    });
    await boss.start();
    for (const name of Object.values(QUEUES))
      await boss.createQueue(name, { name, ...(QUEUE_POLICIES[name] ?? QUEUE_POLICY) });
    return boss;
  })();
  return globalForQueue.siftQueue;
}

export async function stopJobQueue(): Promise<void> {
  const boss = await globalForQueue.siftQueue?.catch(() => undefined);
  globalForQueue.siftQueue = undefined;
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}

/**
 * Enqueues a job inside the caller's transaction, so the job exists exactly when the change that needs it was
 * committed (an import row never waits for a job that was lost, nor a job for a row that was rolled back).
 */
export async function enqueueInTransaction<Q extends QueueName>(tx: Tx, queue: Q, data: JobData[Q]): Promise<void> {
  const boss = await jobQueue();
  await boss.send(queue, data, {
    ...QUEUE_POLICY,
    db: { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe(text, ...(values ?? [])) }) },
  });
}

/**
 * Queues what follows a read import, on the import's own transaction connection: its de-duplication and its
 * indexing for search, two jobs that two workers can run side by side.
 */
export async function enqueueAfterImportPg(client: pg.ClientBase, importId: string): Promise<void> {
  const boss = await jobQueue();
  const data: JobData["dedup"] & JobData["search-index"] = { importId };
  const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
  await boss.send(QUEUES.dedup, data, { db });
  await boss.send(QUEUES.searchIndex, data, { db });
}
