import type { Db } from "../db/client";
import type { DuplicatePairStatus } from "../db/generated/enums.ts";
import { countPendingGroups } from "./group-queries";
import { DEDUP_FIELDS } from "./types";

const SIDE = {
  select: {
    ...DEDUP_FIELDS,
    duplicateOfId: true,
    source: { select: { name: true } },
    import: { select: { fileName: true } },
  },
} as const;

/** Pairs a person decided are not duplicates, the latest first (pending and merged ones are read by group). */
export async function listNotDuplicatePairs(db: Db, reviewId: string, page: { cursor?: string; take: number }) {
  const rows = await db.duplicatePair.findMany({
    where: { reviewId, status: "not_duplicates" },
    include: { recordA: SIDE, recordB: SIDE, decidedBy: { select: { name: true } } },
    orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
    take: page.take + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > page.take;
  return { pairs: rows.slice(0, page.take), nextCursor: more ? rows[page.take - 1]!.id : null };
}

export async function dedupSummary(db: Db, reviewId: string) {
  const [byStatus, removed, records, studyLinks, pendingGroups] = await Promise.all([
    db.duplicatePair.groupBy({ by: ["status", "automatic"], where: { reviewId }, _count: true }),
    db.record.count({ where: { reviewId, duplicateOfId: { not: null } } }),
    db.record.count({ where: { reviewId } }),
    db.studyLink.count({ where: { reviewId } }),
    countPendingGroups(db, reviewId),
  ]);
  const count = (status: DuplicatePairStatus, automatic?: boolean) =>
    byStatus
      .filter((g) => g.status === status && (automatic === undefined || g.automatic === automatic))
      .reduce((n, g) => n + g._count, 0);
  return {
    records,
    duplicatesRemoved: removed,
    pending: count("pending"),
    /** The pending pairs as the groups a person reviews (pairs that chain through a record are one group). */
    pendingGroups,
    mergedAutomatically: count("merged", true),
    mergedByPeople: count("merged", false),
    notDuplicates: count("not_duplicates"),
    /** Pairs of different documents naming one registered trial: kept apart, grouped into studies later. */
    sameStudyLinks: studyLinks,
  };
}
