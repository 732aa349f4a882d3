// The records of a stage with their final decisions, read page by page (keyset on id) so that a review of any
// size streams out in constant memory.

import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import { BELOW_STOPPING_THRESHOLD } from "../prioritise/stopping-rule";
import type { Stage } from "../shared/stages";
import type { RecordFilter } from "./export-kinds";
import type { RecordForExport, StageResult } from "./record-rows";
import { TEAM_ANNOTATIONS, teamAnnotations } from "./team-annotations";

const PAGE = 500;

/**
 * `full`: every outcome (leads, and anyone once a stage is unblinded). Otherwise only outcomes a lead settled
 * by resolving a conflict: an agreed outcome, or a conflict still open, would tell a blinded reviewer how a
 * co-reviewer decided.
 */
export type OutcomeVisibility = "full" | "resolved-only";

function recordWhere(
  reviewId: string,
  stage: Stage,
  filter: RecordFilter,
  visibility: OutcomeVisibility,
): Prisma.RecordWhereInput {
  const where: Prisma.RecordWhereInput = { reviewId, duplicateOfId: null };
  if (stage === "full_text") where.report = { is: { retrievalStatus: "retrieved" } };
  if (filter !== "all") {
    where.outcomes = { some: { stage, status: filter === "included" ? "included" : "excluded" } };
    if (visibility === "resolved-only") where.conflicts = { some: { stage, status: "resolved" } };
  }
  return where;
}

export async function countRecords(
  db: Db,
  reviewId: string,
  stage: Stage,
  filter: RecordFilter,
  visibility: OutcomeVisibility,
) {
  return db.record.count({ where: recordWhere(reviewId, stage, filter, visibility) });
}

export async function* recordsWithResults(
  db: Db,
  reviewId: string,
  stage: Stage,
  filter: RecordFilter,
  visibility: OutcomeVisibility,
): AsyncGenerator<{ record: RecordForExport; result: StageResult }> {
  const reasons = new Map((await db.exclusionReason.findMany({ where: { reviewId } })).map((r) => [r.id, r.label]));
  let cursor: string | undefined;
  for (;;) {
    const page = await db.record.findMany({
      where: recordWhere(reviewId, stage, filter, visibility),
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: {
        source: { select: { name: true } },
        outcomes: { where: { stage }, include: { override: { include: { actor: { select: { name: true } } } } } },
        conflicts: { where: { stage }, include: { resolvedBy: { select: { name: true } } } },
        ...TEAM_ANNOTATIONS,
      },
    });
    for (const { source, outcomes, conflicts, labels, notes, ...r } of page) {
      const outcome = outcomes[0];
      const conflict = conflicts[0];
      const resolved = conflict?.status === "resolved";
      const visible = outcome && (visibility === "full" || resolved);
      const belowThreshold = outcome?.status === "excluded" && outcome.stoppingSampleId !== null;
      // A lead's override is the final verdict, whoever settled the record before (reopen-override.ts).
      const override = outcome?.override ?? null;
      yield {
        record: { ...r, source: source.name, ...teamAnnotations(labels, notes) },
        result: {
          status: visible ? outcome.status : null,
          reason: !visible
            ? null
            : belowThreshold
              ? BELOW_STOPPING_THRESHOLD
              : outcome.reasonId
                ? (reasons.get(outcome.reasonId) ?? null)
                : null,
          settledAt: visible ? outcome.settledAt : null,
          settledBy:
            !visible || !outcome.settledAt
              ? null
              : override
                ? `${override.actor.name} (override)`
                : belowThreshold
                  ? "stopping rule"
                  : resolved
                    ? (conflict.resolvedBy?.name ?? "a lead")
                    : "agreement",
          note: !visible ? "" : override ? override.note : resolved ? conflict.note : "",
        },
      };
    }
    if (page.length < PAGE) return;
    cursor = page.at(-1)!.id;
  }
}
