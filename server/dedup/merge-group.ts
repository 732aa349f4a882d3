// A person's decisions on a group of duplicates: merge every record into the one kept (filling its empty fields
// from the others), or say one record is not a duplicate of the rest. Each change is written with its audit events
// in one transaction; the events are the pairs' own (dedup.merged, dedup.not_duplicates), so a record's history
// tells them like any merge.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import { carryLabels } from "../labels/merged-labels";
import type { ActorScope } from "../shared/actor";
import { groupPendingPairs, type PendingGroup } from "./duplicate-groups";
import { FILLABLE_FIELDS, type FillableRecord, planFills } from "./fill-plan";
import { recordsWithWork } from "./group-queries";
import { rankForKeeping } from "./kept-record";

export interface GroupInput {
  /** The group's pending pairs as the screen showed them. */
  pairIds: string[];
}

const CHANGED =
  "Someone decided part of this group meanwhile, or an import changed it; the list has been refreshed, look again.";

const MEMBER_FIELDS = {
  id: true,
  title: true,
  createdAt: true,
  duplicateOfId: true,
  ...Object.fromEntries(FILLABLE_FIELDS.map((f) => [f, true])),
} as { id: true; title: true; createdAt: true; duplicateOfId: true } & Record<(typeof FILLABLE_FIELDS)[number], true>;

interface LockedPair {
  id: string;
  status: string;
  record_a_id: string;
  record_b_id: string;
  score: number;
}

/** Locks the pairs and their records, and checks they still form the one pending group the screen showed. */
async function lockedGroup(tx: Tx, reviewId: string, pairIds: readonly string[]) {
  const pairs = await tx.$queryRaw<LockedPair[]>`
    SELECT id, status::text, record_a_id, record_b_id, score FROM duplicate_pairs
     WHERE review_id = ${reviewId} AND id = ANY(${[...pairIds]}::text[]) ORDER BY id FOR UPDATE`;
  if (pairs.length !== new Set(pairIds).size || pairs.some((p) => p.status !== "pending"))
    throw new AppError("STALE", CHANGED);
  const ends = [...new Set(pairs.flatMap((p) => [p.record_a_id, p.record_b_id]))];
  const endRows = await tx.$queryRaw<{ id: string; duplicate_of_id: string | null }[]>`
    SELECT id, duplicate_of_id FROM records WHERE id = ANY(${ends}::text[]) ORDER BY id FOR UPDATE`;
  const keptOf = new Map(endRows.filter((r) => r.duplicate_of_id).map((r) => [r.id, r.duplicate_of_id!]));
  const groups = groupPendingPairs(
    pairs.map((p) => ({ id: p.id, aId: p.record_a_id, bId: p.record_b_id, score: p.score })),
    keptOf,
  );
  if (groups.length !== 1 || groups[0]!.recordIds.length < 2) throw new AppError("STALE", CHANGED);
  const group: PendingGroup = groups[0]!;
  await tx.$queryRaw`SELECT id FROM records WHERE id = ANY(${group.recordIds}::text[]) ORDER BY id FOR UPDATE`;
  const around = [...new Set([...ends, ...group.recordIds])];
  const grown = await tx.duplicatePair.count({
    where: {
      reviewId,
      status: "pending",
      id: { notIn: [...pairIds] },
      OR: [{ recordAId: { in: around } }, { recordBId: { in: around } }],
    },
  });
  if (grown > 0) throw new AppError("STALE", CHANGED);
  return { pairs, group, keptOf };
}

function label(title: string): string {
  const short = title.length > 80 ? `${title.slice(0, 77)}…` : title;
  return short ? `“${short}”` : "an untitled record";
}

/**
 * Merges every record of the group into `keptId`: each points at it (with whatever was merged into it), the
 * kept record's empty fields are filled from the others (most complete first, each fill a row so undo is exact),
 * it gets the labels of the others it lacks (server/labels/merged-labels.ts),
 * each merged record gets the merged pair that undo works from, and the group's other pending pairs, about records
 * now one, are deleted (named in the audit events). Merging away a record with screening or full-text work sets
 * that work aside, so it needs `confirmWork`.
 */
export async function mergeGroup(
  db: Db,
  scope: ActorScope,
  input: GroupInput & { keptId: string; confirmWork?: boolean },
) {
  return db.$transaction(async (tx) => {
    const { pairs, group, keptOf } = await lockedGroup(tx, scope.reviewId, input.pairIds);
    if (!group.recordIds.includes(input.keptId))
      throw new AppError("INVALID_INPUT", "The record to keep must be one of the group's records.");
    const members = await tx.record.findMany({ where: { id: { in: group.recordIds } }, select: MEMBER_FIELDS });
    if (members.length !== group.recordIds.length || members.some((m) => m.duplicateOfId))
      throw new AppError("STALE", CHANGED);
    const work = await recordsWithWork(tx, group.recordIds);
    const removed = members.filter((m) => m.id !== input.keptId);
    const atRisk = removed.filter((m) => work.has(m.id));
    if (atRisk.length > 0 && !input.confirmWork)
      throw new AppError(
        "CONFIRM_REQUIRED",
        `${atRisk.map((m) => label(m.title)).join(" and ")} ${atRisk.length === 1 ? "has" : "have"} screening decisions or a full text. Merging ${atRisk.length === 1 ? "it" : "them"} away sets that work aside (undoing the merge brings it back): keep ${atRisk.length === 1 ? "it" : "one of them"} instead, or confirm.`,
      );

    const kept = members.find((m) => m.id === input.keptId)!;
    const donors = rankForKeeping(
      removed.map((m) => ({ ...m, hasWork: work.has(m.id), fields: m as Record<string, unknown> })),
    );
    const fills = planFills(kept as unknown as FillableRecord, donors as unknown as FillableRecord[]);
    const now = new Date();
    if (fills.length > 0) {
      await tx.record.update({
        where: { id: kept.id },
        data: Object.fromEntries(fills.map((f) => [f.field, f.value])) as Prisma.RecordUpdateInput,
      });
      await tx.recordFieldFill.createMany({
        data: fills.map((f) => ({
          reviewId: scope.reviewId,
          recordId: kept.id,
          donorId: f.donorId,
          field: f.field,
          value: f.value as Prisma.InputJsonValue,
          createdAt: now,
        })),
      });
    }

    const removedIds = removed.map((m) => m.id);
    await tx.record.updateMany({ where: { id: { in: removedIds } }, data: { duplicateOfId: kept.id } });
    // Records merged into a removed one follow it, so every removed record points at a kept one.
    await tx.record.updateMany({ where: { duplicateOfId: { in: removedIds } }, data: { duplicateOfId: kept.id } });
    const carried = await carryLabels(tx, kept.id, removedIds);

    const rootOf = (id: string) => keptOf.get(id) ?? id;
    const used = new Set<string>();
    const mergedPairs = new Map<string, string>();
    for (const m of removed) {
      const between = (p: LockedPair) =>
        (p.record_a_id === kept.id && p.record_b_id === m.id) || (p.record_a_id === m.id && p.record_b_id === kept.id);
      const pending = pairs.find(between);
      const score = Math.max(
        ...pairs.filter((p) => rootOf(p.record_a_id) === m.id || rootOf(p.record_b_id) === m.id).map((p) => p.score),
      );
      const decided = { status: "merged" as const, automatic: false, decidedById: scope.actorId, decidedAt: now };
      // recordA is the kept record of a merged pair; an earlier decision on these two (both ways) gives way to it.
      const existing = await tx.duplicatePair.findMany({
        where: {
          OR: [
            { recordAId: kept.id, recordBId: m.id },
            { recordAId: m.id, recordBId: kept.id },
          ],
        },
      });
      const keep = existing.find((p) => p.id === pending?.id) ?? existing.find((p) => p.recordAId === kept.id);
      for (const p of existing) if (p !== keep) await tx.duplicatePair.delete({ where: { id: p.id } });
      const pair = keep
        ? await tx.duplicatePair.update({
            where: { id: keep.id },
            data: { ...decided, recordAId: kept.id, recordBId: m.id },
          })
        : await tx.duplicatePair.create({
            data: {
              ...decided,
              reviewId: scope.reviewId,
              recordAId: kept.id,
              recordBId: m.id,
              score,
              evidence: { group: "merged with its group" },
            },
          });
      used.add(pair.id);
      mergedPairs.set(m.id, pair.id);
    }
    const resolved = pairs.filter((p) => !used.has(p.id)).map((p) => p.id);
    await tx.duplicatePair.deleteMany({ where: { id: { in: resolved } } });

    for (const m of removed) {
      await recordAuditEvent(tx, {
        ...scope,
        action: "dedup.merged",
        entityType: "duplicate_pair",
        entityId: mergedPairs.get(m.id)!,
        data: {
          keptId: kept.id,
          removedId: m.id,
          group: group.recordIds,
          filled: fills.filter((f) => f.donorId === m.id).map((f) => f.field),
          labelsCarried: carried.filter((c) => c.donorId === m.id).map((c) => c.label),
          pairsResolved: resolved,
          workSetAside: work.has(m.id),
        },
      });
    }
    return {
      keptId: kept.id,
      merged: removedIds.length,
      filled: fills.map((f) => ({ field: f.field, donorId: f.donorId })),
      labelsCarried: carried.map((c) => c.label),
    };
  });
}

/** One record of the group is a different document: every pending pair between it and the rest is kept apart. */
export async function markNotDuplicateOfGroup(db: Db, scope: ActorScope, input: GroupInput & { recordId: string }) {
  return db.$transaction(async (tx) => {
    const { pairs, group, keptOf } = await lockedGroup(tx, scope.reviewId, input.pairIds);
    if (!group.recordIds.includes(input.recordId))
      throw new AppError("INVALID_INPUT", "That record is not one of the group's records.");
    const rootOf = (id: string) => keptOf.get(id) ?? id;
    const apart = pairs.filter(
      (p) => (rootOf(p.record_a_id) === input.recordId) !== (rootOf(p.record_b_id) === input.recordId),
    );
    const now = new Date();
    await tx.duplicatePair.updateMany({
      where: { id: { in: apart.map((p) => p.id) } },
      data: { status: "not_duplicates", decidedById: scope.actorId, decidedAt: now },
    });
    for (const p of apart)
      await recordAuditEvent(tx, {
        ...scope,
        action: "dedup.not_duplicates",
        entityType: "duplicate_pair",
        entityId: p.id,
        data: { recordId: input.recordId, group: group.recordIds },
      });
    return { keptApart: apart.length };
  });
}
