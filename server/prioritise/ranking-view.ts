// What screens show of prioritisation: a screener's own relevance scores and model state, and for leads the
// team's includes-found curve. Neither reveals another reviewer's open decision.

import type { Db } from "../db/client";
import { eligibleRecords } from "../screening-queue/eligibility";
import type { ActorScope } from "../shared/actor";
import type { Stage } from "../shared/stages";
import { relevanceAt } from "./rank-order";
import { openSample } from "./stopping";

/** The viewer's own ranking: whether it is on, what it learnt from, relevance of the given records, and whether a stopping sample overrides it. */
export async function myRanking(db: Db, { reviewId, actorId }: ActorScope, stage: Stage, recordIds: string[]) {
  const setting = await db.reviewStageSetting.findUniqueOrThrow({ where: { reviewId_stage: { reviewId, stage } } });
  // Not the ranking itself: an array of every open record, which the statement below reads only where needed.
  const model = await db.rankingModel.findUnique({
    where: { reviewId_stage_reviewerId: { reviewId, stage, reviewerId: actorId } },
    select: { labelled: true, includes: true, trainedAt: true },
  });
  const sample = await openSample(db, reviewId, stage);
  const rows =
    setting.showRelevance && recordIds.length > 0
      ? await db.$queryRaw<{ id: string; place: number; count: number }[]>`
          SELECT k.id, k.place::int AS place, cardinality(m.ranked_record_ids) AS count
            FROM ranking_models m CROSS JOIN LATERAL unnest(m.ranked_record_ids) WITH ORDINALITY AS k(id, place)
           WHERE m.review_id = ${reviewId} AND m.stage = ${stage}::stage AND m.reviewer_id = ${actorId} AND k.id = ANY(${recordIds}::text[])`
      : [];
  return {
    prioritise: setting.prioritise,
    showRelevance: setting.showRelevance,
    /** While a stopping sample is open, records are served in random order whatever the ranking says. */
    sampleOpen: sample !== null,
    model,
    relevance: Object.fromEntries(rows.map((r) => [r.id, relevanceAt(r.place, r.count)])) as Record<string, number>,
  };
}

export interface CurvePoint {
  screened: number;
  included: number;
}

/** At most `points` points of (records settled, includes among them), in the order records settled. */
export function downsampleCurve(included: boolean[], points = 200): CurvePoint[] {
  const curve: CurvePoint[] = [{ screened: 0, included: 0 }];
  const step = Math.max(1, Math.ceil(included.length / points));
  let found = 0;
  included.forEach((inc, i) => {
    if (inc) found++;
    if ((i + 1) % step === 0 || i === included.length - 1) curve.push({ screened: i + 1, included: found });
  });
  return curve;
}

/** Includes found against records screened for the team (leads only: it shows settled outcomes). */
export async function includesCurve(db: Db, reviewId: string, stage: Stage) {
  const settled = await db.screeningOutcome.findMany({
    where: {
      reviewId,
      stage,
      status: { in: ["included", "excluded"] },
      stoppingSampleId: null,
      settledAt: { not: null },
    },
    orderBy: [{ settledAt: "asc" }, { id: "asc" }],
    select: { status: true },
  });
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM records r WHERE r.review_id = ${reviewId} AND ${eligibleRecords("r", stage)}`) as [
    { total: number },
  ];
  return { total, points: downsampleCurve(settled.map((o) => o.status === "included")) };
}
