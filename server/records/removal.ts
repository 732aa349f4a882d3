// A lead removes records before screening for a reason other than duplication (retracted, outside the date
// range, language, other), and restores them. A removed record leaves screening (the queues, the ranker's pool and
// every count go through eligibleRecords), is counted in the PRISMA diagram's "Records removed for other reasons"
// and stays in the records browser under the filter "removed before screening". Only records nobody has screened
// may be removed: a screened record was screened, and excluding it says so. And only records from databases and
// registers: the statement's "removed before screening" box is in their column alone. Each change is written with its audit
// event in one transaction, the records' rows locked first in id order as every bulk change locks them.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { ChosenRecords } from "./browse-input";
import { chosenRecordIds } from "./chosen-records";
import { type RemovalReason, removalReasonText } from "./removal-reasons";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Why each chosen record may not be removed, counted, in the words of the refusal. */
async function refusals(tx: Tx, reviewId: string, recordIds: string[]) {
  const [row] = await tx.$queryRaw<
    { found: number; other_methods: number; duplicate: number; removed: number; screened: number }[]
  >`
    SELECT count(r.id)::int AS found,
           count(*) FILTER (WHERE s.kind NOT IN ('database', 'register'))::int AS other_methods,
           count(*) FILTER (WHERE r.duplicate_of_id IS NOT NULL)::int AS duplicate,
           count(*) FILTER (WHERE rm.record_id IS NOT NULL)::int AS removed,
           count(*) FILTER (WHERE r.duplicate_of_id IS NULL AND rm.record_id IS NULL AND (
             EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = r.id)
             OR EXISTS (SELECT 1 FROM screening_outcomes o WHERE o.record_id = r.id)
             OR EXISTS (SELECT 1 FROM superseded_decisions sd WHERE sd.record_id = r.id)
             OR EXISTS (SELECT 1 FROM reports rep WHERE rep.record_id = r.id)))::int AS screened
      FROM records r JOIN sources s ON s.id = r.source_id LEFT JOIN record_removals rm ON rm.record_id = r.id
     WHERE r.review_id = ${reviewId} AND r.id = ANY(${recordIds}::text[])`;
  return row!;
}

export async function removeBeforeScreening(
  db: Db,
  member: MemberScope,
  input: { reason: RemovalReason; note: string } & ChosenRecords,
) {
  const { reviewId } = member;
  const recordIds = (await chosenRecordIds(db, member, input)).sort();
  if (input.reason === "other" && !input.note.trim())
    throw new AppError("INVALID_INPUT", "Say why the records are removed when the reason is “Other”.");
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM records WHERE review_id = ${reviewId} AND id = ANY(${recordIds}::text[]) ORDER BY id FOR UPDATE`;
    const r = await refusals(tx, reviewId, recordIds);
    const problems = [
      r.found < recordIds.length &&
        `${plural(recordIds.length - r.found, "record is", "records are")} no longer in this review`,
      r.other_methods > 0 &&
        `${plural(r.other_methods, "record comes", "records come")} from other methods (websites, organisations, citation searching), which the PRISMA diagram does not screen by title and abstract`,
      r.duplicate > 0 && `${plural(r.duplicate, "record was", "records were")} already removed as duplicates`,
      r.removed > 0 && `${plural(r.removed, "record was", "records were")} already removed before screening`,
      r.screened > 0 &&
        `${plural(r.screened, "record has", "records have")} been screened already (exclude ${r.screened === 1 ? "it" : "them"} at screening instead, so the diagram counts ${r.screened === 1 ? "it" : "them"} as screened)`,
    ].filter((p): p is string => typeof p === "string");
    if (problems.length > 0)
      throw new AppError(
        "INVALID_INPUT",
        `Nothing was removed: ${problems.join("; ")}. Change the selection and try again.`,
      );
    await tx.recordRemoval.createMany({
      data: recordIds.map((recordId) => ({
        recordId,
        reviewId,
        reason: input.reason,
        note: input.note,
        removedById: member.actorId,
        removedAt: now,
      })),
    });
    // Served records leave the reviewers' hands with them: the queues no longer hold them.
    await tx.screeningAssignment.deleteMany({ where: { reviewId, recordId: { in: recordIds } } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId: member.actorId,
      action: "records.removed_before_screening",
      entityType: "review",
      entityId: reviewId,
      data: { reason: input.reason, note: input.note, records: recordIds.length, recordIds },
      createdAt: now,
    });
    return { removed: recordIds.length, reason: removalReasonText(input.reason, input.note) };
  });
}

/** Puts removed records back: they are screened like any other again. */
export async function restoreRemoved(db: Db, member: MemberScope, input: ChosenRecords) {
  const { reviewId } = member;
  const recordIds = (await chosenRecordIds(db, member, input)).sort();
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM records WHERE review_id = ${reviewId} AND id = ANY(${recordIds}::text[]) ORDER BY id FOR UPDATE`;
    const removed = await tx.recordRemoval.findMany({
      where: { reviewId, recordId: { in: recordIds } },
      select: { recordId: true },
    });
    if (removed.length < recordIds.length)
      throw new AppError(
        "STALE",
        `Nothing was restored: ${plural(recordIds.length - removed.length, "of the chosen records is", "of the chosen records are")} not removed before screening (any more). Reload and try again.`,
      );
    await tx.recordRemoval.deleteMany({ where: { reviewId, recordId: { in: recordIds } } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId: member.actorId,
      action: "records.restored_for_screening",
      entityType: "review",
      entityId: reviewId,
      data: { records: recordIds.length, recordIds },
      createdAt: now,
    });
    return { restored: recordIds.length };
  });
}
