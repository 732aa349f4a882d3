// Labels follow duplicate merges: the kept record carries the labels of the records merged into it, so screening
// sees them on the one record left to screen. A label the kept record did not have already is added with the
// record it came from (merged_from_id), and undoing that merge takes back exactly those, so undo leaves the kept
// record's own labels as they were. Both run inside the merge's (or undo's) transaction, whose audit events name
// the labels.
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import { newId } from "../shared/ids";

export interface CarriedLabel {
  donorId: string;
  label: string;
}

/** Puts on `keptId` the labels of `from` (a label two of them share comes with the first by id) it lacks. */
async function carry(tx: Tx, keptId: string, from: Prisma.RecordLabelWhereInput): Promise<CarriedLabel[]> {
  const held = await tx.recordLabel.findMany({
    where: from,
    orderBy: [{ labelId: "asc" }, { recordId: "asc" }],
    select: { reviewId: true, labelId: true, addedById: true, recordId: true, label: { select: { name: true } } },
  });
  const first = new Map<string, (typeof held)[number]>();
  for (const h of held) if (!first.has(h.labelId)) first.set(h.labelId, h);
  const created = await tx.recordLabel.createManyAndReturn({
    data: [...first.values()].map((h) => ({
      id: newId(),
      reviewId: h.reviewId,
      recordId: keptId,
      labelId: h.labelId,
      addedById: h.addedById,
      mergedFromId: h.recordId,
    })),
    skipDuplicates: true,
    select: { labelId: true, mergedFromId: true },
  });
  return created
    .map((c) => ({ donorId: c.mergedFromId!, label: first.get(c.labelId)!.label.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Merging `donorIds` into `keptId`: their labels go on it where it lacks them. A label two donors share comes with
 * the first (by id); undoing that one's merge hands it to the other (takeBackLabels).
 */
export async function carryLabels(tx: Tx, keptId: string, donorIds: readonly string[]): Promise<CarriedLabel[]> {
  if (donorIds.length === 0) return [];
  return carry(tx, keptId, { recordId: { in: [...donorIds] } });
}

/**
 * Undoing the merges of `donorIds`: the labels they brought leave the record they were merged into, unless a
 * record still merged into it has the label too, which then carries it instead.
 */
export async function takeBackLabels(tx: Tx, donorIds: readonly string[]): Promise<CarriedLabel[]> {
  if (donorIds.length === 0) return [];
  const taken = await tx.recordLabel.findMany({
    where: { mergedFromId: { in: [...donorIds] } },
    select: { id: true, recordId: true, labelId: true, mergedFromId: true, label: { select: { name: true } } },
  });
  await tx.recordLabel.deleteMany({ where: { id: { in: taken.map((t) => t.id) } } });
  for (const keptId of new Set(taken.map((t) => t.recordId)))
    await carry(tx, keptId, {
      record: { duplicateOfId: keptId },
      labelId: { in: taken.filter((t) => t.recordId === keptId).map((t) => t.labelId) },
    });
  return taken
    .map((t) => ({ donorId: t.mergedFromId!, label: t.label.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
