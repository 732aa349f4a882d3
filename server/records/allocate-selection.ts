// A lead allocates the records chosen in the browser to one reviewer. Assignments are written the way the
// screening queue's allocateRecords writes them (no expiry, the lead as allocator, the same audit event), and
// under the queue's rules: only records the stage still screens, that the reviewer has not decided, and that
// fewer reviewers hold than the stage needs (or that the reviewer already holds, whose hold then stops lapsing).
// The records' rows are locked first, in id order, as serving locks them, so a record is never over-allocated
// by a serve or another allocation running at the same moment.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { eligibleRecords, liveAssignment, servableTo, stageSql, unsettled } from "../screening-queue/eligibility";
import type { MemberScope } from "../shared/actor";
import { newId } from "../shared/ids";
import { hasRole } from "../shared/roles";
import type { Stage } from "../shared/stages";
import type { ChosenRecords } from "./browse-input";
import { chosenRecordIds } from "./chosen-records";

export async function allocateSelection(
  db: Db,
  member: MemberScope,
  input: { stage: Stage; reviewerId: string } & ChosenRecords,
) {
  const { reviewId } = member;
  const { stage, reviewerId } = input;
  const recordIds = await chosenRecordIds(db, member, input);
  const assignee = await db.membership.findFirst({ where: { reviewId, userId: reviewerId, removedAt: null } });
  if (!assignee || !hasRole(assignee.role, "reviewer"))
    throw new AppError("INVALID_INPUT", "Records can only be allocated to a reviewer of this review.");
  const s = stageSql(stage);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const settings = await tx.reviewStageSetting.findUniqueOrThrow({
      where: { reviewId_stage: { reviewId, stage } },
    });
    await tx.$queryRaw`SELECT id FROM records WHERE review_id = ${reviewId} AND id = ANY(${recordIds}::text[]) ORDER BY id FOR UPDATE`;
    const written = await tx.$queryRaw<{ record_id: string }[]>`
      WITH chosen AS (
        SELECT r.id, row_number() OVER (ORDER BY r.id) AS n FROM records r
         WHERE r.review_id = ${reviewId} AND r.id = ANY(${recordIds}::text[])
           AND ${eligibleRecords("r", stage)} AND ${unsettled(stage)}
           AND NOT EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${s} AND d.reviewer_id = ${reviewerId})
           AND (EXISTS (SELECT 1 FROM screening_assignments a WHERE a.record_id = r.id AND a.stage = ${s}
                           AND a.reviewer_id = ${reviewerId} AND ${liveAssignment("a")})
                OR ${servableTo("r", stage, reviewerId, settings.reviewersPerRecord)})
      )
      INSERT INTO screening_assignments (id, review_id, record_id, stage, reviewer_id, allocated_by_id, served_at, expires_at)
      SELECT (${recordIds.map(() => newId())}::text[])[c.n], ${reviewId}, c.id, ${s}, ${reviewerId}, ${member.actorId},
             ${now.toISOString()}::timestamp, NULL
        FROM chosen c
      ON CONFLICT (record_id, stage, reviewer_id) DO UPDATE
        SET expires_at = NULL, allocated_by_id = EXCLUDED.allocated_by_id, served_at = EXCLUDED.served_at
      RETURNING record_id`;
    const allocated = written.map((w) => w.record_id).sort();
    await recordAuditEvent(tx, {
      reviewId,
      actorId: member.actorId,
      action: "screening.allocated",
      entityType: "membership",
      entityId: assignee.id,
      data: { stage, reviewerId, records: allocated.length, selected: recordIds.length, recordIds: allocated },
      createdAt: now,
    });
    return { allocated: allocated.length, skipped: recordIds.length - allocated.length };
  });
}
