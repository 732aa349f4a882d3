// Labels on records: whoever screens puts one on a record or takes it off (on the screening screen, the record
// page), and leads do it for a selection in the record browser. A label is on the record, never on anyone's
// decision, so what a record's labels are never depends on how it was screened. Each change is audited with it:
// one record's as an event about the record; a selection's as one event about the label naming the records it
// changed, which their histories read.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import { newId } from "../shared/ids";

const NO_RECORD = "That record is not in this review.";
const NO_LABEL = "This label was deleted meanwhile: reload the page to see the review's labels.";

/** The labels on a record, in the order of the review's list (by name). */
export async function labelsOfRecord(db: Db | Tx, scope: ActorScope, recordId: string) {
  const record = await db.record.findFirst({ where: { id: recordId, reviewId: scope.reviewId }, select: { id: true } });
  if (!record) throw new AppError("NOT_FOUND", NO_RECORD);
  const rows = await db.recordLabel.findMany({
    where: { recordId },
    select: { label: { select: { id: true, name: true, colour: true, shortcut: true } } },
  });
  return rows.map((r) => r.label).sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

async function labelOf(tx: Tx, reviewId: string, labelId: string) {
  const label = await tx.label.findFirst({ where: { id: labelId, reviewId }, select: { id: true, name: true } });
  if (!label) throw new AppError("NOT_FOUND", NO_LABEL);
  return label;
}

/** Puts the label on the record (`on`) or takes it off; asking for what already holds changes nothing. */
export async function setRecordLabel(
  db: Db,
  scope: ActorScope,
  input: { recordId: string; labelId: string; on: boolean },
) {
  const { reviewId, actorId } = scope;
  return db.$transaction(async (tx) => {
    const record = await tx.record.findFirst({ where: { id: input.recordId, reviewId }, select: { id: true } });
    if (!record) throw new AppError("NOT_FOUND", NO_RECORD);
    const label = await labelOf(tx, reviewId, input.labelId);
    const changed = input.on
      ? await tx.$executeRaw`
          INSERT INTO record_labels (id, review_id, record_id, label_id, added_by_id, created_at)
          VALUES (${newId()}, ${reviewId}, ${record.id}, ${label.id}, ${actorId}, ${new Date().toISOString()}::timestamp)
          ON CONFLICT (record_id, label_id) DO NOTHING`
      : (await tx.recordLabel.deleteMany({ where: { recordId: record.id, labelId: label.id } })).count;
    if (changed > 0)
      await recordAuditEvent(tx, {
        reviewId,
        actorId,
        action: input.on ? "record.label_added" : "record.label_removed",
        entityType: "record",
        entityId: record.id,
        data: { labelId: label.id, label: label.name },
      });
    return { changed: changed > 0, labels: await labelsOfRecord(tx, scope, record.id) };
  });
}

/** A lead's bulk action: the label on (or off) every chosen record of the review; others' ids are ignored. */
export async function labelSelection(
  db: Db,
  scope: ActorScope,
  input: { labelId: string; recordIds: string[]; on: boolean },
) {
  const { reviewId, actorId } = scope;
  const recordIds = [...new Set(input.recordIds)];
  const now = new Date();
  return db.$transaction(async (tx) => {
    const label = await labelOf(tx, reviewId, input.labelId);
    const changed = input.on
      ? await tx.$queryRaw<{ record_id: string }[]>`
          WITH chosen AS (
            SELECT r.id, row_number() OVER (ORDER BY r.id) AS n FROM records r
             WHERE r.review_id = ${reviewId} AND r.id = ANY(${recordIds}::text[]))
          INSERT INTO record_labels (id, review_id, record_id, label_id, added_by_id, created_at)
          SELECT (${recordIds.map(() => newId())}::text[])[c.n], ${reviewId}, c.id, ${label.id}, ${actorId},
                 ${now.toISOString()}::timestamp
            FROM chosen c
          ON CONFLICT (record_id, label_id) DO NOTHING
          RETURNING record_id`
      : await tx.$queryRaw<{ record_id: string }[]>`
          DELETE FROM record_labels
           WHERE label_id = ${label.id} AND review_id = ${reviewId} AND record_id = ANY(${recordIds}::text[])
          RETURNING record_id`;
    const ids = changed.map((c) => c.record_id).sort();
    if (ids.length > 0)
      await recordAuditEvent(tx, {
        reviewId,
        actorId,
        action: input.on ? "label.added_to_records" : "label.removed_from_records",
        entityType: "label",
        entityId: label.id,
        data: { label: label.name, recordIds: ids, selected: recordIds.length },
        createdAt: now,
      });
    return { label: label.name, changed: ids.length, unchanged: recordIds.length - ids.length };
  });
}
