// The review's Overview: per stage how far screening is, what the caller can do next, and for whoever sees the
// team's decisions each reviewer's progress and pace and when the stage would be done. Blind-safe by the same
// rule as screening progress: while a stage is blinded a reviewer or observer gets only their own part of it,
// since the team's counts (even how many records have all their decisions) move with a co-reviewer's decisions.

import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { screeningProgress } from "../screening/progress";
import { eligibleRecords, stageSql } from "../screening-queue/eligibility";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { STAGES, type Stage } from "../shared/stages";
import { PACE_DAYS, projectFinish } from "./projection";

async function stageWork(db: Db, reviewId: string, stage: Stage, reviewersPerRecord: number) {
  const s = stageSql(stage);
  const [row] = await db.$queryRaw<{ awaiting: number; needed: number }[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE n.decisions > 0 AND n.decisions < ${reviewersPerRecord}
                              AND (o.status IS NULL OR o.status = 'awaiting'))::int AS awaiting,
           coalesce(sum(greatest(${reviewersPerRecord} - n.decisions, 0))
                      FILTER (WHERE o.status IS NULL OR o.status = 'awaiting'), 0)::int AS needed
      FROM records r
      LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
      CROSS JOIN LATERAL (SELECT count(*)::int AS decisions FROM screening_decisions d
                           WHERE d.record_id = r.id AND d.stage = ${s}) n
     WHERE r.review_id = ${reviewId} AND ${eligibleRecords("r", stage)}`);
  return row!;
}

/** Decisions per reviewer at each stage, all time, in the pace window and in the last hour (a session's pace). */
async function decisionsByReviewer(db: Db, reviewId: string) {
  return db.$queryRaw<
    { reviewer_id: string; name: string; stage: Stage; total: number; recent: number; last_hour: number }[]
  >(Prisma.sql`
    SELECT d.reviewer_id, u.name, d.stage, count(*)::int AS total,
           count(*) FILTER (WHERE d.created_at > now() - make_interval(days => ${PACE_DAYS}))::int AS recent,
           count(*) FILTER (WHERE d.created_at > now() - interval '1 hour')::int AS last_hour
      FROM screening_decisions d JOIN users u ON u.id = d.reviewer_id
     WHERE d.review_id = ${reviewId}
     GROUP BY d.reviewer_id, u.name, d.stage
     ORDER BY u.name`);
}

export async function reviewOverview(db: Db, member: MemberScope, now = new Date()) {
  const { reviewId, actorId } = member;
  const settings = await db.reviewStageSetting.findMany({ where: { reviewId } });
  const decisions = await decisionsByReviewer(db, reviewId);
  const stages = [];
  for (const stage of STAGES) {
    const setting = settings.find((x) => x.stage === stage);
    if (!setting) continue;
    const progress = await screeningProgress(db, member, stage);
    const mine = decisions.find((d) => d.stage === stage && d.reviewer_id === actorId);
    const own = { decided: progress.mine.decided, remaining: progress.mine.remaining, lastWeek: mine?.recent ?? 0 };
    if (progress.team.complete === null) {
      stages.push({ stage, records: progress.total, mine: own, team: null });
      continue;
    }
    const work = await stageWork(db, reviewId, stage, setting.reviewersPerRecord);
    const atStage = decisions.filter((d) => d.stage === stage);
    const recent = atStage.reduce((sum, d) => sum + d.recent, 0);
    stages.push({
      stage,
      records: progress.total,
      mine: own,
      team: {
        decided: progress.team.complete,
        awaitingAnotherReviewer: work.awaiting,
        conflicts: progress.team.conflictsByStatus?.open ?? 0,
        remaining: progress.total - progress.team.complete,
        decisionsNeeded: work.needed,
        reviewers: atStage.map((d) => ({
          id: d.reviewer_id,
          name: d.name,
          decisions: d.total,
          lastWeek: d.recent,
          lastHour: d.last_hour,
        })),
        projection: projectFinish(work.needed, recent, now),
      },
    });
  }
  const [extractions, appraisals] = await Promise.all([
    db.extraction.count({ where: { reviewId, extractorId: actorId, isConsensus: false, completedAt: null } }),
    db.appraisal.count({ where: { reviewId, appraiserId: actorId, isConsensus: false, completedAt: null } }),
  ]);
  const isLead = hasRole(member.role, "lead");
  return {
    paceDays: PACE_DAYS,
    stages,
    /** What the caller can do next: records to screen, conflicts to resolve (leads), work assigned to them. */
    next: {
      screen: hasRole(member.role, "reviewer")
        ? stages.map((s) => ({ stage: s.stage, records: s.mine.remaining })).filter((s) => s.records > 0)
        : [],
      conflicts: isLead
        ? stages.map((s) => ({ stage: s.stage, conflicts: s.team?.conflicts ?? 0 })).filter((s) => s.conflicts > 0)
        : [],
      extractions,
      appraisals,
    },
  };
}

export type ReviewOverview = Awaited<ReturnType<typeof reviewOverview>>;
