// The records chosen in the browser, resolved for the member who chose them when an action on them runs: their
// filters are read again then (so an export made later has what matches then), with that member's decisions and
// under their refusals, never anyone else's. Filters naming what is not in the review (gone since the page was
// loaded, or made up), and ids of records that are not, are refused rather than read as "no record".
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { ChosenRecords, RecordFilters } from "./browse-input";
import { countSelected, matchingRecords, readRecords, type Selected } from "./selected-records";
import { type RecordVisibility, recordVisibility } from "./visibility";

export interface ResolvedChoice {
  /** How many records are chosen. */
  total: number;
  /** What the member may see of them, as the browser shows it. */
  visibility: RecordVisibility;
  /** The next `limit` chosen ids after `after`, in id (import) order. */
  idsAfter(after: string | undefined, limit: number): Promise<string[]>;
}

const STALE = "reload the records page and choose again";

async function refuseStaleFilters(db: Db, reviewId: string, filters: RecordFilters): Promise<void> {
  const checks: [string | undefined, (id: string) => Promise<unknown>, string][] = [
    [filters.sourceId, (id) => db.source.findFirst({ where: { id, reviewId } }), "source"],
    [filters.importId, (id) => db.import.findFirst({ where: { id, reviewId } }), "import"],
    [filters.labelId, (id) => db.label.findFirst({ where: { id, reviewId } }), "label"],
    [filters.study, (id) => db.study.findFirst({ where: { id, reviewId } }), "study"],
    [filters.exclusionReasonId, (id) => db.exclusionReason.findFirst({ where: { id, reviewId } }), "exclusion reason"],
    [filters.decidedBy, (id) => db.membership.findFirst({ where: { userId: id, reviewId } }), "reviewer"],
  ];
  for (const [id, find, what] of checks) {
    if (id !== undefined && !(await find(id)))
      throw new AppError("STALE", `The ${what} these records were filtered by is not in this review: ${STALE}.`);
  }
}

function pagedIds(db: Db, { from, where }: Selected) {
  return (after: string | undefined, limit: number) =>
    readRecords<{ id: string }>(
      db,
      Prisma.sql`SELECT r.id FROM ${from} WHERE ${where} ${after === undefined ? Prisma.empty : Prisma.sql`AND r.id > ${after}`}
                  ORDER BY r.id LIMIT ${limit}`,
    ).then((rows) => rows.map((r) => r.id));
}

export async function resolveChosenRecords(
  db: Db,
  member: MemberScope,
  chosen: ChosenRecords,
): Promise<ResolvedChoice> {
  if (chosen.filters === undefined && !chosen.recordIds?.length)
    throw new AppError("INVALID_INPUT", "Choose the records first.");
  if (chosen.filters !== undefined && chosen.recordIds !== undefined)
    throw new AppError("INVALID_INPUT", "Choose the records either by their filters or one by one, not both.");
  if (chosen.filters) {
    await refuseStaleFilters(db, member.reviewId, chosen.filters);
    const { visibility, selected } = await matchingRecords(db, member, chosen.filters);
    const except = [...new Set(chosen.exceptIds ?? [])];
    const narrowed: Selected = except.length
      ? { from: selected.from, where: Prisma.sql`${selected.where} AND r.id <> ALL(${except}::text[])` }
      : selected;
    return { visibility, total: await countSelected(db, narrowed), idsAfter: pagedIds(db, narrowed) };
  }
  const ids = [...new Set(chosen.recordIds)];
  const selected: Selected = {
    from: Prisma.sql`records r`,
    where: Prisma.sql`r.review_id = ${member.reviewId} AND r.id = ANY(${ids}::text[])`,
  };
  const total = await countSelected(db, selected);
  if (total < ids.length)
    throw new AppError(
      "STALE",
      `${ids.length - total === 1 ? "One of the chosen records is" : `${ids.length - total} of the chosen records are`} not in this review (any more): ${STALE}.`,
    );
  return { visibility: await recordVisibility(db, member), total, idsAfter: pagedIds(db, selected) };
}

/**
 * Every chosen id, for a lead's bulk action (labels, allocation, removal): all the records the filters select,
 * however many, or the ids ticked as given, so that the action itself says which of them it could not take.
 */
export async function chosenRecordIds(db: Db, member: MemberScope, chosen: ChosenRecords): Promise<string[]> {
  if (chosen.filters === undefined && chosen.recordIds?.length) return [...new Set(chosen.recordIds)];
  const resolved = await resolveChosenRecords(db, member, chosen);
  const ids: string[] = [];
  for (let page = await resolved.idsAfter(undefined, ID_PAGE); page.length > 0; ) {
    ids.push(...page);
    page = page.length < ID_PAGE ? [] : await resolved.idsAfter(page.at(-1), ID_PAGE);
  }
  return ids;
}

const ID_PAGE = 20_000;
