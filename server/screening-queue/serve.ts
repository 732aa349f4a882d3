// Hands reviewers records to screen. A record is never out with more reviewers than it needs at once: the
// records table row is locked while it is handed out (SKIP LOCKED lets others take the next one meanwhile),
// and a served record that is not decided in time goes back to the pool. Times are stored in UTC, as Prisma does.

import type pg from "pg";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Db, poolOf } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { rows, transaction } from "../db/sql";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import { newId } from "../shared/ids";
import { hasRole } from "../shared/roles";
import type { Stage } from "../shared/stages";
import { eligibleRecords, liveAssignment, servableTo, stageSql, unsettled } from "./eligibility";
import { type OrderSettings, orderedCandidates, orderSettingsColumns } from "./serve-order";

export const SERVE_MINUTES = 30;
const SERVE_ATTEMPTS = 3;

/** Still needs this reviewer's decision: unsettled and not decided by them. */
function openFor(stage: Stage, reviewerId: string): Prisma.Sql {
  const s = stageSql(stage);
  return Prisma.sql`${unsettled(stage)}
    AND NOT EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${s} AND d.reviewer_id = ${reviewerId})`;
}

/** In the pool for this reviewer: unsettled, and servable to them. */
function inPool(stage: Stage, reviewerId: string, needed: number): Prisma.Sql {
  return Prisma.sql`${unsettled(stage)} AND ${servableTo("r", stage, reviewerId, needed)}`;
}

export interface Served {
  /** Record ids for the reviewer: the ones already handed to them first, then new ones, in serve order. */
  ids: string[];
  /** The stage's setting, read in the same statement, so the view of these records need not read it again. */
  blinded: boolean;
}

/**
 * Up to `count` records for this reviewer, in at most two round trips: what they already hold (with the stage's
 * settings), then if that is not enough a transaction that hands out new ones from the pool.
 */
export async function serveRecords(db: Db, scope: ActorScope, stage: Stage, count: number): Promise<Served> {
  const s = stageSql(stage);
  const pool = poolOf(db);
  const [head] = await rows<{
    needed: number;
    blinded: boolean;
    prioritise: boolean;
    sample_id: string | null;
    held: string[] | null;
  }>(
    pool,
    Prisma.sql`
    SELECT st.reviewers_per_record AS needed, st.blinded, ${orderSettingsColumns},
           (SELECT array_agg(h.id ORDER BY h.expires_at NULLS FIRST, h.served_at, h.id) FROM (
              SELECT r.id, a.expires_at, a.served_at FROM screening_assignments a
                JOIN records r ON r.id = a.record_id
               WHERE a.review_id = ${scope.reviewId} AND a.stage = ${s} AND a.reviewer_id = ${scope.actorId} AND ${liveAssignment("a")}
                 AND ${eligibleRecords("r", stage)} AND ${openFor(stage, scope.actorId)}
               ORDER BY a.expires_at NULLS FIRST, a.served_at, r.id
               LIMIT ${count}) h) AS held
      FROM review_stage_settings st
     WHERE st.review_id = ${scope.reviewId} AND st.stage = ${s}`,
  );
  if (!head) throw new Error(`review ${scope.reviewId} has no settings for ${stage}`);
  const held = head.held ?? [];
  const wanted = count - held.length;
  if (wanted <= 0) return { ids: held, blinded: head.blinded };
  const settings = {
    reviewId: scope.reviewId,
    stage,
    reviewerId: scope.actorId,
    prioritise: head.prioritise,
    sampleId: head.sample_id,
  };
  const fresh: string[] = [];
  // Short of records, try again: the candidates' snapshot predates serves that committed while their locks were
  // awaited, so with many reviewers racing for the same records every candidate may have gone. Only a try that
  // found a full list of candidates says more may be there; the second try also covers candidates skipped as
  // locked, so a reviewer is not told nothing is left while others merely hold the records for an instant.
  for (let attempt = 0; attempt < SERVE_ATTEMPTS && fresh.length < wanted; attempt++) {
    const { served, candidates, limit } = await serveFromPool(
      pool,
      scope,
      stage,
      head.needed,
      settings,
      wanted - fresh.length,
    );
    fresh.push(...served);
    if (attempt > 0 && candidates < limit) break;
  }
  return { ids: [...held, ...fresh], blinded: head.blinded };
}

/**
 * One transaction, one round trip: the first statement locks candidates (SKIP LOCKED: reviewers asking at once
 * take different ones; a few spare, as some may have been taken before its snapshot) and notes them for the
 * transaction; the second, with a snapshot taken after those locks, hands out the ones still in the pool.
 */
async function serveFromPool(
  pool: pg.Pool,
  scope: ActorScope,
  stage: Stage,
  needed: number,
  settings: OrderSettings,
  wanted: number,
) {
  const s = stageSql(stage);
  const open = inPool(stage, scope.actorId, needed);
  const limit = wanted * 2 + 2;
  const now = new Date();
  const expires = new Date(now.getTime() + SERVE_MINUTES * 60_000);
  const [, noted, inserted] = await transaction(pool, (tx) =>
    tx.batch(
      [
        // A hold lost to a database crash only puts its record back in the pool: no reason to wait for the disk.
        Prisma.sql`SELECT set_config('synchronous_commit', 'off', true)`,
        Prisma.sql`
        SELECT set_config('sift.serve_candidates', COALESCE(string_agg(c.id, ',' ORDER BY c.k1, c.k2), ''), true), count(*)::int AS candidates
          FROM (${orderedCandidates(settings, Prisma.sql`r.review_id = ${scope.reviewId} AND ${eligibleRecords("r", stage)} AND ${open}`, limit)}) c`,
        Prisma.sql`
        WITH candidates AS (SELECT string_to_array(current_setting('sift.serve_candidates'), ',') AS ids),
        chosen AS (
          SELECT r.id, array_position(candidates.ids, r.id) AS place FROM records r, candidates
           WHERE r.id = ANY(candidates.ids) AND ${open}
           ORDER BY place
           LIMIT ${wanted}
        ), served AS (
          INSERT INTO screening_assignments (id, review_id, record_id, stage, reviewer_id, served_at, expires_at)
          -- ids are made by the application: as many as rows chosen could be, one each
          SELECT (${Array.from({ length: wanted }, newId)}::text[])[row_number() OVER ()], ${scope.reviewId}, c.id, ${s}, ${scope.actorId}, ${now.toISOString()}::timestamp, ${expires.toISOString()}::timestamp
            FROM chosen c
          ON CONFLICT (record_id, stage, reviewer_id) DO UPDATE
            SET served_at = EXCLUDED.served_at, expires_at = EXCLUDED.expires_at, allocated_by_id = NULL
          RETURNING record_id)
        SELECT c.id FROM chosen c JOIN served ON served.record_id = c.id ORDER BY c.place`,
      ],
      { commit: true },
    ),
  );
  return {
    served: (inserted as { id: string }[]).map((f) => f.id),
    candidates: (noted as { candidates: number }[])[0]!.candidates,
    limit,
  };
}

/** A lead hands `count` records from the pool to a named reviewer; such allocations do not lapse. */
export async function allocateRecords(
  db: Db,
  scope: { reviewId: string; actorId: string },
  stage: Stage,
  reviewerId: string,
  count: number,
) {
  const member = await db.membership.findFirst({
    where: { reviewId: scope.reviewId, userId: reviewerId, removedAt: null },
  });
  if (!member || !hasRole(member.role, "reviewer")) {
    throw new AppError("INVALID_INPUT", "Records can only be allocated to a reviewer of this review.");
  }
  const { ids } = await serveRecords(db, { reviewId: scope.reviewId, actorId: reviewerId }, stage, count);
  await db.$transaction(async (tx) => {
    await tx.screeningAssignment.updateMany({
      where: { reviewId: scope.reviewId, stage, reviewerId, recordId: { in: ids } },
      data: { expiresAt: null, allocatedById: scope.actorId },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "screening.allocated",
      entityType: "membership",
      entityId: member.id,
      data: { stage, reviewerId, records: ids.length, recordIds: [...ids].sort() },
    });
  });
  return { allocated: ids.length };
}
