// Screening progress. What a reviewer sees while blinded never depends on another reviewer's decision on a
// record that is not yet resolved: such records are all "not yet resolved", whatever their state.
import type { Db } from "../db/client";
import type { Role, Stage } from "../db/generated/enums.ts";
import { hasRole } from "../team/roles";
import { eligibleRecords, stageSql } from "./eligibility";

export interface Viewer {
  userId: string;
  role: Role;
}

/** Leads and owners resolve conflicts, so they see everything; others see others' work only when unblinded. */
export async function seesOthersDecisions(db: Db, reviewId: string, stage: Stage, viewer: Viewer): Promise<boolean> {
  if (hasRole(viewer.role, "lead")) return true;
  const setting = await db.reviewStageSetting.findUniqueOrThrow({ where: { reviewId_stage: { reviewId, stage } } });
  return !setting.blinded;
}

export async function screeningProgress(db: Db, reviewId: string, stage: Stage, viewer: Viewer) {
  const s = stageSql(stage);
  const [counts] = await db.$queryRaw<
    { total: bigint; included: bigint; excluded: bigint; conflicts: bigint; mine: bigint; left_for_me: bigint }[]
  >`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE o.status = 'included') AS included,
           count(*) FILTER (WHERE o.status = 'excluded') AS excluded,
           count(*) FILTER (WHERE o.status = 'conflict') AS conflicts,
           count(*) FILTER (WHERE mine.id IS NOT NULL) AS mine,
           count(*) FILTER (WHERE mine.id IS NULL AND (o.status IS NULL OR o.status = 'awaiting')) AS left_for_me
      FROM records r
      LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
      LEFT JOIN screening_decisions mine ON mine.record_id = r.id AND mine.stage = ${s} AND mine.reviewer_id = ${viewer.userId}
     WHERE r.review_id = ${reviewId} AND ${eligibleRecords("r", stage)}`;
  const n = (v: bigint | undefined) => Number(v ?? 0);
  const total = n(counts?.total);
  const resolved = n(counts?.included) + n(counts?.excluded);
  const perReviewer = await db.screeningDecision.groupBy({ by: ["reviewerId"], where: { reviewId, stage }, _count: true });
  const names = await db.user.findMany({ where: { id: { in: perReviewer.map((p) => p.reviewerId) } }, select: { id: true, name: true } });
  const full = await seesOthersDecisions(db, reviewId, stage, viewer);
  return {
    stage,
    total,
    mine: { decided: n(counts?.mine), remaining: n(counts?.left_for_me) },
    team: {
      resolved,
      included: n(counts?.included),
      excluded: n(counts?.excluded),
      unresolved: total - resolved,
      /** Only for those who may see others' decisions: a conflict tells how someone else decided. */
      conflicts: full ? n(counts?.conflicts) : null,
      /** How many decisions each person made: a count, never which way. */
      decisionsBy: perReviewer
        .map((p) => ({ reviewerId: p.reviewerId, name: names.find((u) => u.id === p.reviewerId)?.name ?? "?", decisions: p._count }))
        .sort((a, b) => b.decisions - a.decisions),
    },
  };
}
