// Screening progress. What a reviewer sees while blinded never depends on how another reviewer decided.
import type { Db } from "../db/client";
import type { ConflictStatus } from "../db/generated/enums.ts";
import { seesOthersDecisions } from "../reviews/stage-visibility";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import type { Stage } from "../shared/stages";
import { decisionsByReviewer, progressCounts, stageCounts } from "./progress-counts";

/**
 * A member's view of a stage's screening progress, as screening.progress and each decision's reply give it.
 * `team` is all nulls for whoever may not see others' decisions at the stage.
 */
export interface ScreeningProgress {
  stage: Stage;
  /** Records the stage screens. */
  total: number;
  mine: { decided: number; remaining: number };
  team: {
    complete: number | null;
    resolved: number | null;
    included: number | null;
    excluded: number | null;
    conflicts: number | null;
    conflictsByStatus: { open: number; resolved: number; withdrawn: number } | null;
    decisionsBy: { reviewerId: string; name: string; decisions: number }[] | null;
  };
}

export async function screeningProgress(db: Db, member: MemberScope, stage: Stage): Promise<ScreeningProgress> {
  const { reviewId } = member;
  const setting = await db.reviewStageSetting.findUniqueOrThrow({ where: { reviewId_stage: { reviewId, stage } } });
  const stageFigures = await stageCounts(db, reviewId, stage);
  const counts = await progressCounts(
    db,
    { reviewId, reviewerId: member.actorId },
    stage,
    setting.reviewersPerRecord,
    stageFigures,
  );
  const { total } = counts;
  /** Remaining: records still needing my decision that are mine to screen or that the pool could serve me now. */
  // Observers never screen, and what the pool could hand them would move as others decide.
  const screens = hasRole(member.role, "reviewer");
  const mine = { decided: counts.mine, remaining: screens ? counts.left_for_me : 0 };
  /** Records with all the decisions they need, however they came out. */
  const { complete } = counts;
  if (!(await seesOthersDecisions(db, member, stage))) {
    // Whether a record settled or went to conflict, even as a count that moves after one's own decision,
    // tells a blinded reviewer how the other reviewer decided; so they get none of it. Nor how many records
    // have all their decisions: that count moves when a co-reviewer decides a record one has decided, which
    // tells them the co-reviewer has been there (blinding.int.test.ts compares exactly that).
    return {
      stage,
      total,
      mine,
      team: {
        complete: null,
        resolved: null,
        included: null,
        excluded: null,
        conflicts: null,
        conflictsByStatus: null,
        decisionsBy: null,
      },
    };
  }
  const perReviewer = [...decisionsByReviewer(stageFigures)];
  const [conflictGroups, names] = await Promise.all([
    db.conflict.groupBy({ by: ["status"], where: { reviewId, stage }, _count: true }),
    db.user.findMany({ where: { id: { in: perReviewer.map(([id]) => id) } }, select: { id: true, name: true } }),
  ]);
  const conflictCount = (status: ConflictStatus) => conflictGroups.find((g) => g.status === status)?._count ?? 0;
  return {
    stage,
    total,
    mine,
    team: {
      complete,
      resolved: counts.included + counts.excluded,
      included: counts.included,
      excluded: counts.excluded,
      conflicts: counts.conflicts,
      conflictsByStatus: {
        open: conflictCount("open"),
        resolved: conflictCount("resolved"),
        withdrawn: conflictCount("withdrawn"),
      },
      decisionsBy: perReviewer
        .map(([reviewerId, decisions]) => ({
          reviewerId,
          name: names.find((u) => u.id === reviewerId)?.name ?? "?",
          decisions,
        }))
        .sort((a, b) => b.decisions - a.decisions),
    },
  };
}
