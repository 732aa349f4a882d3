// A review's own list of team labels: leads make, rename, recolour, re-key and delete them; everyone reads them,
// with how many records each is on (labels are not decisions, so the count tells no one how anyone screened).
// Each change is audited in its own transaction, and a deletion says which records lost the label, so their
// histories keep it.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import { checkLabelName, checkShortcut, type LabelColour, MAX_LABELS, sameLabelName } from "./label-rules";

export interface LabelInput {
  name: string;
  colour: LabelColour;
  shortcut?: string | null;
}

const GONE = "This label was deleted meanwhile.";

export async function listLabels(db: Db, scope: ActorScope) {
  const labels = await db.label.findMany({
    where: { reviewId: scope.reviewId },
    select: { id: true, name: true, colour: true, shortcut: true, _count: { select: { records: true } } },
  });
  return labels
    .map(({ _count, ...label }) => ({ ...label, records: _count.records }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id));
}

export type LabelSummary = Awaited<ReturnType<typeof listLabels>>[number];

/** The name and shortcut checked against the rules and the review's other labels (read in the transaction). */
async function checked(tx: Tx, reviewId: string, input: LabelInput, labelId: string | null) {
  const others = (
    await tx.label.findMany({ where: { reviewId }, select: { id: true, name: true, shortcut: true } })
  ).filter((l) => l.id !== labelId);
  const name = checkLabelName(input.name);
  if ("error" in name) throw new AppError("INVALID_INPUT", name.error);
  const twin = others.find((l) => sameLabelName(l.name, name.name));
  if (twin) throw new AppError("INVALID_INPUT", `The review already has a label “${twin.name}”.`);
  const shortcut = checkShortcut(input.shortcut, others);
  if ("error" in shortcut) throw new AppError("INVALID_INPUT", shortcut.error);
  return { name: name.name, colour: input.colour, shortcut: shortcut.shortcut, others: others.length };
}

export async function createLabel(db: Db, scope: ActorScope, input: LabelInput) {
  const { reviewId, actorId } = scope;
  return db.$transaction(async (tx) => {
    // One label list change at a time per review, so two leads cannot give two labels one name or key.
    await tx.$queryRaw`SELECT id FROM reviews WHERE id = ${reviewId} FOR UPDATE`;
    const { others, ...fields } = await checked(tx, reviewId, input, null);
    if (others >= MAX_LABELS) throw new AppError("INVALID_INPUT", `A review has at most ${MAX_LABELS} labels.`);
    const label = await tx.label.create({ data: { reviewId, ...fields } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "label.created",
      entityType: "label",
      entityId: label.id,
      data: fields,
    });
    return label;
  });
}

export async function updateLabel(db: Db, scope: ActorScope, input: LabelInput & { labelId: string }) {
  const { reviewId, actorId } = scope;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM reviews WHERE id = ${reviewId} FOR UPDATE`;
    const before = await tx.label.findFirst({ where: { id: input.labelId, reviewId } });
    if (!before) throw new AppError("NOT_FOUND", GONE);
    const { others: _others, ...fields } = await checked(tx, reviewId, input, before.id);
    const label = await tx.label.update({ where: { id: before.id }, data: fields });
    const from = { name: before.name, colour: before.colour, shortcut: before.shortcut };
    if (JSON.stringify(from) !== JSON.stringify(fields))
      await recordAuditEvent(tx, {
        reviewId,
        actorId,
        action: "label.changed",
        entityType: "label",
        entityId: label.id,
        data: { from, to: fields },
      });
    return label;
  });
}

/**
 * `records` is how many records the lead was told carry the label; if more or fewer do by now, nothing is deleted
 * and the lead is asked again with the new number.
 */
export async function deleteLabel(db: Db, scope: ActorScope, input: { labelId: string; records: number }) {
  const { reviewId, actorId } = scope;
  return db.$transaction(async (tx) => {
    const label = await tx.label.findFirst({ where: { id: input.labelId, reviewId } });
    if (!label) throw new AppError("NOT_FOUND", GONE);
    const carrying = await tx.$queryRaw<{ record_id: string }[]>`
      SELECT record_id FROM record_labels WHERE label_id = ${label.id} ORDER BY record_id FOR UPDATE`;
    if (carrying.length !== input.records)
      throw new AppError(
        "CONFIRM_REQUIRED",
        `“${label.name}” is now on ${carrying.length} ${carrying.length === 1 ? "record" : "records"}, not ${input.records}: confirm again to delete it.`,
      );
    await tx.label.delete({ where: { id: label.id } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "label.deleted",
      entityType: "label",
      entityId: label.id,
      data: { name: label.name, colour: label.colour, recordIds: carrying.map((r) => r.record_id) },
    });
    return { deleted: label.name, records: carrying.length };
  });
}
