// The counts behind screening progress, in one statement. Decisions and live assignments are each aggregated once
// per record and joined, instead of a decision count and a "could the pool serve me this" check run per record:
// at 90,000 records those subqueries ran 180,000 times.
import type { Db } from "../db/client";
import { eligibleRecords, liveAssignment, stageSql } from "../screening-queue/eligibility";
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

export async function progressCounts(
  db: Db,
  scope: { reviewId: string; reviewerId: string },
  stage: Stage,
  needed: number,
): Promise<ProgressCounts> {
  const { reviewId, reviewerId: me } = scope;
  const s = stageSql(stage);
  // Counts with no GROUP BY: always one row. A record's holders are its decisions and live assignments; the pool
  // serves it to me while fewer than `needed` hold it and none of them is me (as servableTo says per record).
  const rows = await db.$queryRaw<ProgressCounts[]>`
    WITH d AS (
      SELECT record_id, count(*) AS n, bool_or(reviewer_id = ${me}) AS mine
        FROM screening_decisions WHERE review_id = ${reviewId} AND stage = ${s} GROUP BY record_id
    ), a AS (
      SELECT record_id, count(*) AS n, bool_or(reviewer_id = ${me}) AS mine
        FROM screening_assignments a
       WHERE review_id = ${reviewId} AND stage = ${s} AND ${liveAssignment("a")} GROUP BY record_id
    )
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE o.status = 'included')::int AS included,
           count(*) FILTER (WHERE o.status = 'excluded')::int AS excluded,
           count(*) FILTER (WHERE o.status = 'conflict')::int AS conflicts,
           count(*) FILTER (WHERE o.status IN ('included', 'excluded', 'conflict')
                              OR coalesce(d.n, 0) >= ${needed})::int AS complete,
           count(*) FILTER (WHERE d.mine)::int AS mine,
           count(*) FILTER (WHERE d.mine IS NOT TRUE AND (o.status IS NULL OR o.status = 'awaiting') AND (
             a.mine OR (a.mine IS NOT TRUE AND coalesce(d.n, 0) + coalesce(a.n, 0) < ${needed})
           ))::int AS left_for_me
      FROM records r
      LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
      LEFT JOIN d ON d.record_id = r.id
      LEFT JOIN a ON a.record_id = r.id
     WHERE r.review_id = ${reviewId} AND ${eligibleRecords("r", stage)}`;
  return rows[0]!;
}
