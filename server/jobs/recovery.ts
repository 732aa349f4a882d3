// Jobs whose worker died (killed, out of memory, its machine gone, its connection cut by a database restart)
// stay "active" in pg-boss until their expiry, an hour later. Every worker looks for them when it starts and
// every few seconds after: an active job whose lease (leases.ts) nobody holds has nobody running it, and is
// failed at once, so pg-boss retries it (every job here can run twice safely) or, after its last try, fails it,
// and the queue's own rows (an import's status) say so in the same transaction.
import type pg from "pg";
import type PgBoss from "pg-boss";
import { JOB_LOCK_SPACE, jobLockKey } from "./leases";

/** A job found abandoned, after pg-boss has been told: `retried` unless that was its last try. */
export interface AbandonedJob {
  id: string;
  queue: string;
  data: unknown;
  retried: boolean;
}

/** What a queue's rows need when one of its jobs was abandoned, on the transaction that fails the job. */
export type OnAbandoned = (client: pg.ClientBase, job: AbandonedJob, reason: string) => Promise<void>;

/** A job this young may not have taken its lease yet: pg-boss marks it active before the handler starts. */
const GRACE_SECONDS = 10;
export const ABANDONED_REASON = "the worker running it stopped before it finished";

// A two-key advisory lock shows in pg_locks as classid = key 1, objid = key 2 (as an unsigned oid), objsubid = 2.
const ABANDONED = `
  WITH leased AS MATERIALIZED (
    SELECT objid FROM pg_locks
    WHERE locktype = 'advisory' AND objsubid = 2 AND classid = $2::bigint::oid
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
  )
  SELECT id::text AS id, name AS queue, data FROM pgboss.job
  WHERE name = ANY($1::text[]) AND state = 'active' AND started_on < now() - make_interval(secs => $3)
    AND (${jobLockKey("id::text")}::bigint & 4294967295)::oid NOT IN (SELECT objid FROM leased)`;

/** pg-boss's fail(name, ids, output, options): its typings leave out the output when given several ids. */
export const failJobs = (
  boss: PgBoss,
  queue: string,
  ids: string[],
  output: object,
  options?: PgBoss.ConnectionOptions,
) =>
  (boss.fail as (name: string, ids: string[], data: object, options?: PgBoss.ConnectionOptions) => Promise<void>)(
    queue,
    ids,
    output,
    options,
  );

/** Fails the abandoned jobs of these queues; returns them. Several workers may run this at once. */
export async function recoverAbandonedJobs(
  pool: pg.Pool,
  boss: PgBoss,
  queues: string[],
  onAbandoned: Partial<Record<string, OnAbandoned>> = {},
): Promise<AbandonedJob[]> {
  const params = [queues, JOB_LOCK_SPACE, GRACE_SECONDS];
  const { rowCount } = await pool.query(ABANDONED, params);
  if (!rowCount) return [];
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One recovery at a time across workers, and the list read again under it: a job is failed once, not once
    // per worker that saw it.
    await client.query("SELECT pg_advisory_xact_lock($1, 0)", [JOB_LOCK_SPACE]);
    const { rows } = await client.query<{ id: string; queue: string; data: unknown }>(ABANDONED, params);
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    for (const queue of new Set(rows.map((r) => r.queue))) {
      const ids = rows.filter((r) => r.queue === queue).map((r) => r.id);
      await failJobs(boss, queue, ids, { message: ABANDONED_REASON }, { db });
    }
    const states = await client.query<{ id: string; state: string }>(
      `SELECT id::text AS id, state::text FROM pgboss.job WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    const retried = new Set(states.rows.filter((r) => r.state === "retry").map((r) => r.id));
    const found = rows.map((r) => ({ ...r, retried: retried.has(r.id) }));
    for (const job of found) await onAbandoned[job.queue]?.(client, job, ABANDONED_REASON);
    await client.query("COMMIT");
    for (const job of found) {
      console.error(
        `sift: ${job.queue} job ${job.id} was abandoned (${ABANDONED_REASON}); ${job.retried ? "it will run again" : "it has failed, out of retries"}`,
      );
    }
    return found;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
