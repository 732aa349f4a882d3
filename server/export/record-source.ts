// Records with their final decisions at a stage: every record of the stage (the records export), or the records
// chosen in the browser (a selection export); read page by page (keyset on id) so that any number of them streams
// out in constant memory.

import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import { BELOW_STOPPING_THRESHOLD } from "../prioritise/stopping-rule";
import type { ResolvedChoice } from "../records/chosen-records";
import type { Stage } from "../shared/stages";
import type { RecordFilter } from "./export-kinds";
import type { RecordForExport, StageResult } from "./record-rows";
import { TEAM_ANNOTATIONS, teamAnnotations } from "./team-annotations";

const PAGE = 500;

/**
 * `full`: every outcome (leads, and anyone once a stage is unblinded). `resolved-only`: only outcomes a lead
 * settled by resolving a conflict: an agreed outcome, or a conflict still open, would tell a blinded reviewer how
 * a co-reviewer decided. `none`: no outcome, as the record browser shows a stage its caller may not see.
 */
export type OutcomeVisibility = "full" | "resolved-only" | "none";

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

const withOutcomes = (stage: Stage) =>
  ({
    source: { select: { name: true } },
    outcomes: { where: { stage }, include: { override: { include: { actor: { select: { name: true } } } } } },
    conflicts: { where: { stage }, include: { resolvedBy: { select: { name: true } } } },
    ...TEAM_ANNOTATIONS,
  }) satisfies Prisma.RecordInclude;

type Loaded = Prisma.RecordGetPayload<{ include: ReturnType<typeof withOutcomes> }>;

/** A page of records in id order after `after`, with what their rows need, and where the next page starts (null: none). */
type PageReader = (
  after: string | undefined,
  include: ReturnType<typeof withOutcomes>,
) => Promise<{ records: Loaded[]; next: string | null }>;

async function* withResults(
  db: Db,
  reviewId: string,
  visibility: OutcomeVisibility,
  include: ReturnType<typeof withOutcomes>,
  readPage: PageReader,
): AsyncGenerator<{ record: RecordForExport; result: StageResult }> {
  const reasons = new Map((await db.exclusionReason.findMany({ where: { reviewId } })).map((r) => [r.id, r.label]));
  let cursor: string | undefined;
  for (;;) {
    const { records, next } = await readPage(cursor, include);
    for (const { source, outcomes, conflicts, labels, notes, ...r } of records) {
      const outcome = outcomes[0];
      const conflict = conflicts[0];
      const resolved = conflict?.status === "resolved";
      const visible = outcome && (visibility === "full" || (visibility === "resolved-only" && resolved));
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
    if (next === null) return;
    cursor = next;
  }
}

export function recordsWithResults(
  db: Db,
  reviewId: string,
  stage: Stage,
  filter: RecordFilter,
  visibility: OutcomeVisibility,
): AsyncGenerator<{ record: RecordForExport; result: StageResult }> {
  const where = recordWhere(reviewId, stage, filter, visibility);
  return withResults(db, reviewId, visibility, withOutcomes(stage), async (after, include) => {
    const records = await db.record.findMany({
      where: after === undefined ? where : { ...where, id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      include,
    });
    return { records, next: records.length < PAGE ? null : records.at(-1)!.id };
  });
}

/** The records chosen in the browser, with their final decisions at `stage` as far as `visibility` lets them show. */
export function chosenWithResults(
  db: Db,
  reviewId: string,
  stage: Stage,
  choice: ResolvedChoice,
  visibility: OutcomeVisibility,
): AsyncGenerator<{ record: RecordForExport; result: StageResult }> {
  return withResults(db, reviewId, visibility, withOutcomes(stage), async (after, include) => {
    const ids = await choice.idsAfter(after, PAGE);
    const records = await db.record.findMany({ where: { reviewId, id: { in: ids } }, orderBy: { id: "asc" }, include });
    // Paged by the ids, not the records read: one gone meanwhile must not end the export early.
    return { records, next: ids.length < PAGE ? null : ids.at(-1)! };
  });
}
