// Hands reviewers records to screen. A record is never out with more reviewers than it needs at once: the
// records table row is locked while it is handed out (SKIP LOCKED lets others take the next one meanwhile),
// and a served record that is not decided in time goes back to the pool.
import { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/client";
import type { Stage } from "../db/generated/enums.ts";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors/app-error";
import { hasRole } from "../team/roles";
import { eligibleRecords, stageSql } from "./eligibility";

export const SERVE_MINUTES = 30;

interface Scope {
  reviewId: string;
  reviewerId: string;
}

async function needed(db: Pick<Db, "reviewStageSetting">, reviewId: string, stage: Stage): Promise<number> {
  const setting = await db.reviewStageSetting.findUniqueOrThrow({ where: { reviewId_stage: { reviewId, stage } } });
  return setting.reviewersPerRecord;
}

/** Up to `count` record ids for this reviewer: the ones already handed to them first, then new ones. */
export async function serveRecords(db: Db, scope: Scope, stage: Stage, count: number): Promise<string[]> {
  const need = await needed(db, scope.reviewId, stage);
  return db.$transaction(async (tx) => {
    const s = stageSql(stage);
    const open = Prisma.sql`(o.status IS NULL OR o.status = 'awaiting')
      AND NOT EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${s} AND d.reviewer_id = ${scope.reviewerId})`;
    const held = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM screening_assignments a
        JOIN records r ON r.id = a.record_id
        LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
       WHERE a.review_id = ${scope.reviewId} AND a.stage = ${s} AND a.reviewer_id = ${scope.reviewerId}
         AND (a.expires_at IS NULL OR a.expires_at > now()) AND ${eligibleRecords("r", stage)} AND ${open}
       ORDER BY a.expires_at NULLS FIRST, a.served_at, r.id
       LIMIT ${count}`;
    const stillOpen = Prisma.sql`${open}
         AND NOT EXISTS (SELECT 1 FROM screening_assignments a WHERE a.record_id = r.id AND a.stage = ${s}
                AND a.reviewer_id = ${scope.reviewerId} AND (a.expires_at IS NULL OR a.expires_at > now()))
         AND (SELECT count(*) FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${s})
           + (SELECT count(*) FROM screening_assignments a WHERE a.record_id = r.id AND a.stage = ${s}
                AND a.reviewer_id <> ${scope.reviewerId} AND (a.expires_at IS NULL OR a.expires_at > now())) < ${need}`;
    const wanted = count - held.length;
    // Lock candidates first, then count again in a new statement: the first statement's snapshot can predate
    // another reviewer's assignment committed just before we got the lock. Holding the lock, counts are final.
    const locked =
      wanted <= 0
        ? []
        : await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM records r
        LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
       WHERE r.review_id = ${scope.reviewId} AND ${eligibleRecords("r", stage)} AND ${stillOpen}
       ORDER BY r.id
       LIMIT ${wanted * 2 + 2}
       FOR UPDATE OF r SKIP LOCKED`;
    const fresh =
      locked.length === 0
        ? []
        : await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM records r
        LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
       WHERE r.id IN (${Prisma.join(locked.map((l) => l.id))}) AND ${stillOpen}
       ORDER BY r.id
       LIMIT ${wanted}`;
    const expiresAt = new Date(Date.now() + SERVE_MINUTES * 60_000);
    for (const { id } of fresh) {
      await tx.screeningAssignment.upsert({
        where: { recordId_stage_reviewerId: { recordId: id, stage, reviewerId: scope.reviewerId } },
        create: { reviewId: scope.reviewId, recordId: id, stage, reviewerId: scope.reviewerId, expiresAt },
        update: { servedAt: new Date(), expiresAt, allocatedById: null },
      });
    }
    return [...held, ...fresh].map((r) => r.id);
  });
}

/** A lead hands `count` records from the pool to a named reviewer; such allocations do not lapse. */
export async function allocateRecords(db: Db, scope: { reviewId: string; actorId: string }, stage: Stage, reviewerId: string, count: number) {
  const member = await db.membership.findFirst({ where: { reviewId: scope.reviewId, userId: reviewerId, removedAt: null } });
  if (!member || !hasRole(member.role, "reviewer")) {
    throw new AppError("INVALID_INPUT", "Records can only be allocated to a reviewer of this review.");
  }
  const ids = await serveRecords(db, { reviewId: scope.reviewId, reviewerId }, stage, count);
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
      data: { stage, reviewerId, records: ids.length },
    });
  });
  return { allocated: ids.length };
}
