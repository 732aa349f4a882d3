// The records a search and filters select, as the browser reads them: for its page and count, for "select every
// match", and for exporting a selection, so each reads the same records under the same refusals.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import type { MemberScope } from "../shared/actor";
import type { RecordFilters } from "./browse-input";
import { allOf, filterConditions, searchedRecords } from "./browse-sql";
import { parseSearchQuery } from "./search-query";
import { recordVisibility, refuseHiddenFilters } from "./visibility";

/**
 * A browser statement, planned without sequential scans. PostgreSQL prices a scan of records without the cost of
 * fetching each row's search vector from TOAST (2 KB, out of line), so for a common word it chose one several
 * times slower than the GIN index; and every statement here narrows to one review, which has an index of its own,
 * so a sequential scan is never the better plan for them.
 */
export async function readRecords<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL enable_seqscan = off`, db.$queryRaw<T[]>(query)]);
  return rows;
}

/** The records a request selects: the relation they are read from (named r) and the condition on it. */
export interface Selected {
  from: Prisma.Sql;
  where: Prisma.Sql;
}

export async function countSelected(db: Db, { from, where }: Selected): Promise<number> {
  const [row] = await readRecords<{ n: number }>(db, Prisma.sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`);
  return row!.n;
}

/** The records the search and filters select, for whoever may use them (refused otherwise), as a condition on `r`. */
export async function filteredRecords(db: Db, member: MemberScope, filters: RecordFilters) {
  const visibility = await recordVisibility(db, member);
  refuseHiddenFilters(filters, visibility, member.actorId);
  const query = parseSearchQuery(filters.query);
  const conditions = filterConditions("r", filters, member);
  const selectionFor = (fuzzy: boolean): Selected => {
    const searched = searchedRecords("r", member.reviewId, query, fuzzy);
    return {
      from: searched.from,
      where: allOf([Prisma.sql`r.review_id = ${member.reviewId}`, searched.where, ...conditions]),
    };
  };
  return { visibility, query, selectionFor };
}

/**
 * The records the browser lists for these filters, and how many: those with every word searched for, or when
 * none has them all, the titles that look like what was typed (as the browser then shows).
 */
export async function matchingRecords(db: Db, member: MemberScope, filters: RecordFilters) {
  const { visibility, query, selectionFor } = await filteredRecords(db, member, filters);
  let selected = selectionFor(false);
  let total = await countSelected(db, selected);
  if (total === 0 && query.kind === "words" && query.plain) {
    selected = selectionFor(true);
    total = await countSelected(db, selected);
  }
  return { visibility, selected, total };
}
