// The counts behind screening progress, read from the counts the database keeps (migration
// 20261218031500_screening_counts): a handful of keyed rows per review and stage, whatever the review's size. Only
// "left for me" also reads the live assignments, since an assignment lapsing changes it without any write.
import type { Db } from "../db/client";
import { liveAssignment, stageSql } from "../screening-queue/eligibility";
import type { Stage } from "../shared/stages";

export interface ProgressCounts {
  total: number;
  included: number;
  excluded: number;
  conflicts: number;
  /** Settled, in conflict, or holding all the decisions they need. */
  complete: number;
  /** Decided by me. */
  mine: number;
  /** Awaiting me: mine to screen (assigned), or the pool could hand them to me now. */
  left_for_me: number;
}

/** Deltas a review may gather at a stage before a reader folds them into its counts. */
const FOLD_AFTER = 200;

/** The review's counts at the stage by key (see ScreeningCountDelta in prisma/schema.prisma). */
export async function stageCounts(db: Db, reviewId: string, stage: Stage): Promise<Map<string, number>> {
  const s = stageSql(stage);
  const rows = await db.$queryRaw<{ key: string; n: number; deltas: number }[]>`
    SELECT key, sum(n)::int AS n, count(*) FILTER (WHERE delta)::int AS deltas FROM (
      SELECT key, n, false AS delta FROM screening_counts WHERE review_id = ${reviewId} AND stage = ${s}
      UNION ALL
      SELECT key, n, true FROM screening_count_deltas WHERE review_id = ${reviewId} AND stage = ${s}) k
     GROUP BY key`;
  if (rows.reduce((sum, r) => sum + r.deltas, 0) > FOLD_AFTER) await foldDeltas(db, reviewId, stage);
  return new Map(rows.map((r) => [r.key, r.n]));
}

/**
 * Moves the deltas into the counts, one statement: the deltas deleted are exactly those added, and a concurrent
 * fold waits for this one's deletions and then skips them. Counter rows are taken in key order, so two folds
 * never deadlock.
 */
export async function foldDeltas(db: Db, reviewId: string, stage: Stage) {
  const s = stageSql(stage);
  await db.$executeRaw`
    WITH moved AS (DELETE FROM screening_count_deltas WHERE review_id = ${reviewId} AND stage = ${s} RETURNING key, n)
    INSERT INTO screening_counts (review_id, stage, key, n)
    SELECT ${reviewId}, ${s}, key, sum(n) FROM moved GROUP BY key ORDER BY key
    ON CONFLICT (review_id, stage, key) DO UPDATE SET n = screening_counts.n + EXCLUDED.n`;
}

/** Each reviewer's decisions on the records the stage screens. */
export function decisionsByReviewer(counts: Map<string, number>): Map<string, number> {
  const by = new Map<string, number>();
  for (const [key, n] of counts) if (key.startsWith("by:") && n > 0) by.set(key.slice(3), n);
  return by;
}

export async function progressCounts(
  db: Db,
  scope: { reviewId: string; reviewerId: string },
  stage: Stage,
  needed: number,
  /** The stage's counts, when the caller has read them already. */
  known?: Map<string, number>,
): Promise<ProgressCounts> {
  const { reviewId, reviewerId: me } = scope;
  const [counts, assigned] = await Promise.all([
    known ?? stageCounts(db, reviewId, stage),
    assignmentCorrection(db, scope, stage, needed),
  ]);
  const n = (key: string) => counts.get(key) ?? 0;
  let openComplete = 0;
  let servable = 0;
  for (const [key, value] of counts) {
    const open = /^open:(\d+)$/.exec(key);
    if (open) {
      if (Number(open[1]) >= needed) openComplete += value;
      else servable += value;
    }
    const mine = key.startsWith(`open-by:${me}:`) ? Number(key.slice(`open-by:${me}:`.length)) : null;
    if (mine !== null && mine < needed) servable -= value;
  }
  const [included, excluded, conflicts] = [n("included"), n("excluded"), n("conflict")];
  return {
    total: n("total"),
    included,
    excluded,
    conflicts,
    complete: included + excluded + conflicts + openComplete,
    mine: n(`by:${me}`),
    left_for_me: servable + assigned,
  };
}

/**
 * The counts take an open record I have not decided as servable to me while it has fewer decisions than
 * `needed`. Live assignments change that, record by record: one assigned to me is mine whatever it holds, and
 * one assigned to others is servable only while its decisions and their assignments stay under `needed`.
 * This reads only the live assignments (a handful per reviewer, or a lead's allocations).
 */
async function assignmentCorrection(
  db: Db,
  scope: { reviewId: string; reviewerId: string },
  stage: Stage,
  needed: number,
): Promise<number> {
  const s = stageSql(stage);
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(
             (CASE WHEN a.mine OR c.decisions + a.n < ${needed} THEN 1 ELSE 0 END)
             - (CASE WHEN c.decisions < ${needed} THEN 1 ELSE 0 END)), 0)::int AS n
      FROM (SELECT record_id, count(*) AS n, bool_or(reviewer_id = ${scope.reviewerId}) AS mine
              FROM screening_assignments a
             WHERE review_id = ${scope.reviewId} AND stage = ${s} AND ${liveAssignment("a")}
             GROUP BY record_id) a
      JOIN screening_record_counts c ON c.record_id = a.record_id AND c.stage = ${s}
     WHERE (c.status IS NULL OR c.status = 'awaiting') AND NOT (${scope.reviewerId} = ANY (c.deciders))`;
  return row!.n;
}
