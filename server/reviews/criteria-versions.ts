// The review's criteria (inclusion and exclusion text, each stage's exclusion reasons, the highlighted keywords)
// kept as a version after every edit, so a calibration round can say what its team was judging against and the
// settings screen can show how the criteria came to read as they do.

import type { Db, Tx } from "../db/client";
import { STAGES, type Stage } from "../shared/stages";

export const CRITERIA_PARTS = ["criteria", "exclusion_reasons", "keywords"] as const;
export type CriteriaPart = (typeof CRITERIA_PARTS)[number];

type ReasonLabels = Record<Stage, string[]>;

async function currentCriteria(tx: Tx, reviewId: string) {
  const [review, reasons] = await Promise.all([
    tx.review.findUniqueOrThrow({
      where: { id: reviewId },
      select: { inclusionCriteria: true, exclusionCriteria: true, includeKeywords: true, excludeKeywords: true },
    }),
    tx.exclusionReason.findMany({
      where: { reviewId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { stage: true, label: true },
    }),
  ]);
  const exclusionReasons = Object.fromEntries(
    STAGES.map((stage) => [stage, reasons.filter((r) => r.stage === stage).map((r) => r.label)]),
  ) as ReasonLabels;
  return { ...review, exclusionReasons };
}

function partsChanged(
  before: Awaited<ReturnType<typeof currentCriteria>> | null,
  after: Awaited<ReturnType<typeof currentCriteria>>,
): CriteriaPart[] {
  if (!before) return [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed: CriteriaPart[] = [];
  if (before.inclusionCriteria !== after.inclusionCriteria || before.exclusionCriteria !== after.exclusionCriteria)
    changed.push("criteria");
  // Stage by stage: a jsonb object comes back with its keys in its own order.
  if (STAGES.some((stage) => !same(before.exclusionReasons[stage] ?? [], after.exclusionReasons[stage])))
    changed.push("exclusion_reasons");
  if (!same(before.includeKeywords, after.includeKeywords) || !same(before.excludeKeywords, after.excludeKeywords))
    changed.push("keywords");
  return changed;
}

/**
 * Called inside the transaction of any edit of the criteria, after the edit: adds a version when the criteria
 * now differ from the newest version (an edit that changes nothing adds none), and returns the newest version.
 * A review without any version yet gets its first.
 */
export async function recordCriteriaVersion(tx: Tx, scope: { reviewId: string; actorId: string }) {
  // Two edits at once would both read the same newest version and take the same number: one waits for the other.
  await tx.$queryRaw`SELECT 1 FROM reviews WHERE id = ${scope.reviewId} FOR UPDATE`;
  const latest = await tx.criteriaVersion.findFirst({
    where: { reviewId: scope.reviewId },
    orderBy: { number: "desc" },
  });
  const now = await currentCriteria(tx, scope.reviewId);
  const before = latest && {
    inclusionCriteria: latest.inclusionCriteria,
    exclusionCriteria: latest.exclusionCriteria,
    includeKeywords: latest.includeKeywords,
    excludeKeywords: latest.excludeKeywords,
    exclusionReasons: latest.exclusionReasons as ReasonLabels,
  };
  const changed = partsChanged(before, now);
  if (latest && changed.length === 0) return latest;
  return tx.criteriaVersion.create({
    data: { reviewId: scope.reviewId, number: (latest?.number ?? 0) + 1, ...now, changed, actorId: scope.actorId },
  });
}

/** Every version, newest first, with who made it. */
export async function criteriaHistory(db: Db, reviewId: string) {
  const versions = await db.criteriaVersion.findMany({
    where: { reviewId },
    orderBy: { number: "desc" },
    include: { actor: { select: { name: true } } },
  });
  return versions.map(({ actor, actorId: _actorId, exclusionReasons, changed, ...v }) => ({
    ...v,
    exclusionReasons: exclusionReasons as ReasonLabels,
    changed: changed as CriteriaPart[],
    by: actor.name,
  }));
}
