// Undoing a merge (automatic or not), one pair's or every merge into a kept record. Merging and keeping records
// apart are decided by group (merge-group.ts), a pair being a group of two.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { takeBackLabels } from "../labels/merged-labels";
import type { ActorScope } from "../shared/actor";
import { takeBackFills } from "./field-fills";

async function lockedPair(tx: Tx, reviewId: string, pairId: string) {
  const [row] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM duplicate_pairs WHERE id = ${pairId} AND review_id = ${reviewId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "That pair of records does not exist in this review.");
  return tx.duplicatePair.findUniqueOrThrow({ where: { id: pairId }, include: { recordA: true, recordB: true } });
}

/**
 * Puts a merged record back: it is screened again like any other, the pair stays marked "not duplicates", and
 * the kept record's fields it filled are cleared (those not changed since) and the labels it brought taken back.
 */
export async function undoMerge(db: Db, scope: ActorScope, pairId: string) {
  return db.$transaction(async (tx) => {
    const pair = await lockedPair(tx, scope.reviewId, pairId);
    if (pair.status !== "merged") throw new AppError("STALE", "This pair is not merged, so there is nothing to undo.");
    return restore(tx, scope, pair);
  });
}

async function restore(
  tx: Tx,
  scope: ActorScope,
  pair: { id: string; recordBId: string; automatic: boolean; recordB: { duplicateOfId: string | null } },
) {
  await tx.record.update({ where: { id: pair.recordBId }, data: { duplicateOfId: null } });
  const updated = await tx.duplicatePair.update({
    where: { id: pair.id },
    data: { status: "not_duplicates", decidedById: scope.actorId, decidedAt: new Date() },
  });
  const cleared = await takeBackFills(tx, [pair.recordBId]);
  const labels = await takeBackLabels(tx, [pair.recordBId]);
  await recordAuditEvent(tx, {
    ...scope,
    action: "dedup.merge_undone",
    entityType: "duplicate_pair",
    entityId: pair.id,
    data: {
      restoredId: pair.recordBId,
      wasMergedInto: pair.recordB.duplicateOfId,
      automatic: pair.automatic,
      cleared: cleared.map((c) => c.field),
      labelsTakenBack: labels.map((l) => l.label),
    },
  });
  return updated;
}

/**
 * Undoes every merge into a kept record (a group merged by a person, or automatically at import): each record
 * merged into it is its own again, as if each merge were undone one by one.
 */
export async function undoGroupMerge(db: Db, scope: ActorScope, keptId: string) {
  return db.$transaction(async (tx) => {
    const [kept] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM records WHERE id = ${keptId} AND review_id = ${scope.reviewId} FOR UPDATE`;
    if (!kept) throw new AppError("NOT_FOUND", "That record does not exist in this review.");
    const members = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM records WHERE duplicate_of_id = ${keptId} ORDER BY id FOR UPDATE`;
    const pairs = await tx.duplicatePair.findMany({
      where: { status: "merged", recordBId: { in: members.map((m) => m.id) } },
      include: { recordB: { select: { duplicateOfId: true } } },
      orderBy: { id: "asc" },
    });
    if (members.length === 0)
      throw new AppError("STALE", "Nothing is merged into this record any more; the list has been refreshed.");
    const restored = new Set<string>();
    for (const pair of pairs) {
      if (restored.has(pair.recordBId)) continue;
      await restore(tx, scope, pair);
      restored.add(pair.recordBId);
    }
    // A record that followed another into this one without a pair of its own (older data) comes back too.
    const unpaired = members.filter((m) => !restored.has(m.id)).map((m) => m.id);
    if (unpaired.length > 0) {
      await tx.record.updateMany({ where: { id: { in: unpaired } }, data: { duplicateOfId: null } });
      const cleared = await takeBackFills(tx, unpaired);
      const labels = await takeBackLabels(tx, unpaired);
      for (const id of unpaired)
        await recordAuditEvent(tx, {
          ...scope,
          action: "dedup.merge_undone",
          entityType: "record",
          entityId: id,
          data: {
            restoredId: id,
            wasMergedInto: keptId,
            cleared: cleared.filter((c) => c.donorId === id).map((c) => c.field),
            labelsTakenBack: labels.filter((l) => l.donorId === id).map((l) => l.label),
          },
        });
    }
    return { restored: members.length };
  });
}
