// A person's decisions on candidate pairs: merge, not duplicates, and undoing a merge (automatic or not).
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";

async function lockedPair(tx: Tx, reviewId: string, pairId: string) {
  const [row] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM duplicate_pairs WHERE id = ${pairId} AND review_id = ${reviewId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "That pair of records does not exist in this review.");
  return tx.duplicatePair.findUniqueOrThrow({ where: { id: pairId }, include: { recordA: true, recordB: true } });
}

/** Merges B into A (or into the record A was itself merged into), so B counts as a duplicate removed. */
export async function mergePair(db: Db, scope: ActorScope, pairId: string) {
  return db.$transaction(async (tx) => {
    const pair = await lockedPair(tx, scope.reviewId, pairId);
    if (pair.status !== "pending")
      throw new AppError("STALE", "Someone already decided this pair; the list has been refreshed.");
    const keptId = pair.recordA.duplicateOfId ?? pair.recordA.id;
    if (pair.recordB.duplicateOfId)
      throw new AppError("STALE", "The second record was already merged into another one.");
    if (keptId === pair.recordB.id)
      throw new AppError("STALE", "These records were already merged the other way round.");
    await tx.record.update({ where: { id: pair.recordB.id }, data: { duplicateOfId: keptId } });
    // Records that had been merged into B follow it, so every removed record points at a kept one.
    await tx.record.updateMany({ where: { duplicateOfId: pair.recordB.id }, data: { duplicateOfId: keptId } });
    const updated = await tx.duplicatePair.update({
      where: { id: pairId },
      data: { status: "merged", decidedById: scope.actorId, decidedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "dedup.merged",
      entityType: "duplicate_pair",
      entityId: pairId,
      data: { keptId, removedId: pair.recordB.id },
    });
    return updated;
  });
}

export async function markNotDuplicates(db: Db, scope: ActorScope, pairId: string) {
  return db.$transaction(async (tx) => {
    const pair = await lockedPair(tx, scope.reviewId, pairId);
    if (pair.status !== "pending")
      throw new AppError("STALE", "Someone already decided this pair; the list has been refreshed.");
    const updated = await tx.duplicatePair.update({
      where: { id: pairId },
      data: { status: "not_duplicates", decidedById: scope.actorId, decidedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "dedup.not_duplicates",
      entityType: "duplicate_pair",
      entityId: pairId,
    });
    return updated;
  });
}

/** Puts a merged record back: it is screened again like any other, and the pair stays marked "not duplicates". */
export async function undoMerge(db: Db, scope: ActorScope, pairId: string) {
  return db.$transaction(async (tx) => {
    const pair = await lockedPair(tx, scope.reviewId, pairId);
    if (pair.status !== "merged") throw new AppError("STALE", "This pair is not merged, so there is nothing to undo.");
    await tx.record.update({ where: { id: pair.recordBId }, data: { duplicateOfId: null } });
    const updated = await tx.duplicatePair.update({
      where: { id: pairId },
      data: { status: "not_duplicates", decidedById: scope.actorId, decidedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "dedup.merge_undone",
      entityType: "duplicate_pair",
      entityId: pairId,
      data: { restoredId: pair.recordBId, wasMergedInto: pair.recordB.duplicateOfId, automatic: pair.automatic },
    });
    return updated;
  });
}
