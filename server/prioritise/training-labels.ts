// What one reviewer's ranking may learn from. Blinding: a reviewer's own decisions, and the outcomes of records
// whose outcome they may see (every settled record for leads and unblinded stages; only lead-resolved records
// while blinded). Never another reviewer's open decision, so the served order cannot leak it.

import { type Db, poolOf } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { rows } from "../db/sql";
import { eligibleRecords, stageSql } from "../screening-queue/eligibility";
import type { Role } from "../shared/roles";
import type { Stage } from "../shared/stages";
import { seesOthers } from "../shared/visibility";
import type { TextRecord } from "./features";
import { decodeLabels, LABEL_CODE } from "./label-codes";
import { fingerprintOf } from "./ranker-cache";

export interface RankingScope {
  reviewId: string;
  stage: Stage;
  reviewerId: string;
}

export interface TrainingLabels {
  /** Of the stage's records in id order, as md5(string_agg(id, ',' ORDER BY id)): see ranker-cache.ts. */
  fingerprint: string;
  /** Index (in id order) → 1 (include) or 0 (exclude), for the records this reviewer's ranking may learn from. */
  labels: Map<number, 0 | 1>;
  /**
   * Indices of the records that still need this reviewer: the only ones worth ranking, since serving skips the
   * rest. Which records others have finished is what serving already acts on, so leaving them out of the
   * ranking reveals nothing more; how anyone decided stays out of it.
   */
  open: number[];
}

/**
 * What the reviewer's ranking learns from, as one row: the stage's fingerprint and a character per record, so
 * a retraining after each decision moves a few kilobytes, not the stage. Null when the reviewer is not a member
 * or the stage is not prioritised: then there is nothing to train.
 */
export async function trainingLabels(db: Db, scope: RankingScope): Promise<TrainingLabels | null> {
  const pool = poolOf(db);
  const s = stageSql(scope.stage);
  const [who] = await rows<{ role: Role; blinded: boolean; needed: number }>(
    pool,
    Prisma.sql`
    SELECT m.role::text AS role, st.blinded, st.reviewers_per_record AS needed
      FROM memberships m
      JOIN review_stage_settings st ON st.review_id = m.review_id AND st.stage = ${s} AND st.prioritise
     WHERE m.review_id = ${scope.reviewId} AND m.user_id = ${scope.reviewerId} AND m.removed_at IS NULL`,
  );
  if (!who) return null;
  const visibleOutcome = seesOthers(who.role, who.blinded)
    ? Prisma.sql`TRUE`
    : Prisma.sql`EXISTS (SELECT 1 FROM conflicts c WHERE c.record_id = r.id AND c.stage = ${s} AND c.status = 'resolved')`;
  // Records excluded in bulk below a stopping threshold were never screened: they teach the model nothing.
  const [stage] = await rows<{ fingerprint: string | null; codes: string | null }>(
    pool,
    Prisma.sql`
    SELECT md5(string_agg(r.id, ',' ORDER BY r.id)) AS fingerprint,
           string_agg(CASE WHEN o.status = 'included' AND o.stopping_sample_id IS NULL AND ${visibleOutcome} THEN ${LABEL_CODE.include}
                           WHEN o.status = 'excluded' AND o.stopping_sample_id IS NULL AND ${visibleOutcome} THEN ${LABEL_CODE.exclude}
                           WHEN d.verdict = 'include' THEN ${LABEL_CODE.include}
                           WHEN d.verdict = 'exclude' THEN ${LABEL_CODE.exclude}
                           WHEN d.id IS NULL AND COALESCE(o.status, 'awaiting') = 'awaiting' AND COALESCE(n.decisions, 0) < ${who.needed}
                             THEN ${LABEL_CODE.open}
                           ELSE ${LABEL_CODE.neither} END, '' ORDER BY r.id) AS codes
      FROM records r
      LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
      LEFT JOIN screening_decisions d ON d.record_id = r.id AND d.stage = ${s} AND d.reviewer_id = ${scope.reviewerId}
      LEFT JOIN (SELECT record_id, count(*)::int AS decisions FROM screening_decisions
                  WHERE review_id = ${scope.reviewId} AND stage = ${s} GROUP BY record_id) n ON n.record_id = r.id
     WHERE r.review_id = ${scope.reviewId} AND ${eligibleRecords("r", scope.stage)}`,
  );
  return { fingerprint: stage?.fingerprint ?? fingerprintOf([]), ...decodeLabels(stage?.codes ?? "") };
}

/** The stage's record ids in id order. */
export async function stageRecordIds(db: Db, scope: RankingScope): Promise<string[]> {
  const found = await rows<{ id: string }>(
    poolOf(db),
    Prisma.sql`
    SELECT r.id FROM records r
     WHERE r.review_id = ${scope.reviewId} AND ${eligibleRecords("r", scope.stage)}
     ORDER BY r.id`,
  );
  return found.map((r) => r.id);
}

/** The text the features are built from, of these records of the review. */
export async function recordTexts(db: Db, reviewId: string, ids: string[]): Promise<Map<string, TextRecord>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: string; title: string; abstract: string | null; keywords: string[] | null }>(
    poolOf(db),
    Prisma.sql`
    SELECT r.id, r.title, r.abstract, r.keywords FROM records r
     WHERE r.review_id = ${reviewId} AND r.id = ANY(${ids}::text[])`,
  );
  return new Map(found.map((r) => [r.id, { title: r.title, abstract: r.abstract ?? "", keywords: r.keywords ?? [] }]));
}
