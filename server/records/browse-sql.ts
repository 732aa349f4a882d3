// The record browser's search and filters as conditions on a row of records, whose alias the statement names.
// Each condition is an index probe per row or an index scan for the whole review: the search through
// record_search_search_vector_idx, the identifiers through the DOI, PMID and NCT indexes, the rest through the
// (record_id, stage) keys of outcomes, decisions, conflicts and reports.
import { Prisma } from "../db/generated/client.ts";
import { sqlAlias } from "../db/sql-alias";
import { eligibleRecords } from "../screening-queue/eligibility";
import type { Stage } from "../shared/stages";
import type { RecordFilters } from "./browse-input";
import type { SearchQuery } from "./search-query";

/** The words of a search as PostgreSQL's query, in the configuration the search vector was built with. */
export const tsquerySql = (tsquery: string) => Prisma.sql`to_tsquery('sift_search'::regconfig, ${tsquery})`;

/**
 * How well record `row` answers a search of words, for ordering by relevance: by its title (then keywords) alone,
 * read from the small title vector beside its search vector; records with the words only in the abstract or
 * authors tie, in import order.
 */
export function relevanceSql(row: string, tsquery: string): Prisma.Sql {
  return Prisma.sql`ts_rank(${sqlAlias(row)}.title_vector, ${tsquerySql(tsquery)})`;
}

/**
 * The records a search is answered from, as a FROM item named `row`, and the condition on them. A search of words
 * reads its matches from record_search's GIN indexes (search vector, or trigrams of titles) inside a subquery that
 * nothing is pushed into (OFFSET 0): beside the review's own index, PostgreSQL would otherwise often read all of a
 * review's records and test each one's search vector, which it prices without the cost of fetching it from TOAST
 * (2 KB, out of line), several times slower than the index. `fuzzy`: titles that look like the words typed, for
 * when no record has them all. Records whose import has not been indexed yet (search-index.ts) are not found by
 * words.
 */
export function searchedRecords(
  row: string,
  reviewId: string,
  query: SearchQuery,
  fuzzy = false,
): { from: Prisma.Sql; where: Prisma.Sql } {
  const r = sqlAlias(row);
  const records = Prisma.sql`records ${r}`;
  switch (query.kind) {
    case "none":
      return { from: records, where: Prisma.sql`true` };
    case "doi":
      return { from: records, where: Prisma.sql`${r}.doi = ${query.doi}` };
    case "pmid":
      return { from: records, where: Prisma.sql`${r}.pmid = ${query.pmid}` };
    case "nct":
      return { from: records, where: Prisma.sql`${r}.nct_ids @> ARRAY[${query.nctId}]::text[]` };
    case "words": {
      // <% is pg_trgm's word similarity: the words typed against the best-matching stretch of the title.
      const match = fuzzy
        ? Prisma.sql`${query.text} <% s.title`
        : Prisma.sql`s.search_vector @@ ${tsquerySql(query.tsquery)}`;
      return {
        from: Prisma.sql`(SELECT m.*, s.title_vector FROM record_search s JOIN records m ON m.id = s.record_id
                           WHERE ${match} AND s.review_id = ${reviewId} OFFSET 0) ${r}`,
        where: Prisma.sql`true`,
      };
    }
  }
}

const stageSql = (stage: Stage) => Prisma.sql`${stage}::stage`;

function outcomeIs(row: Prisma.Sql, stage: Stage, condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM screening_outcomes o WHERE o.record_id = ${row}.id AND o.stage = ${stageSql(stage)} AND ${condition})`;
}

function outcomeCondition(row: string, stage: Stage, outcome: RecordFilters["outcome"]): Prisma.Sql | null {
  const r = sqlAlias(row);
  switch (outcome) {
    case "any":
      return null;
    case "undecided":
      return Prisma.sql`${eligibleRecords(row, stage)} AND NOT ${outcomeIs(r, stage, Prisma.sql`o.status <> 'awaiting'`)}`;
    case "conflict":
      return outcomeIs(r, stage, Prisma.sql`o.status = 'conflict'`);
    case "included":
      return outcomeIs(r, stage, Prisma.sql`o.status = 'included'`);
    case "excluded":
      return outcomeIs(r, stage, Prisma.sql`o.status = 'excluded'`);
  }
}

function decisionCondition(row: string, stage: Stage, reviewerId: string, decision: RecordFilters["decision"]) {
  const r = sqlAlias(row);
  const mine = Prisma.sql`SELECT 1 FROM screening_decisions d WHERE d.record_id = ${r}.id AND d.stage = ${stageSql(stage)} AND d.reviewer_id = ${reviewerId}`;
  switch (decision) {
    case "any":
      return Prisma.sql`EXISTS (${mine})`;
    case "none":
      return Prisma.sql`NOT EXISTS (${mine})`;
    default:
      return Prisma.sql`EXISTS (${mine} AND d.verdict = ${decision}::verdict)`;
  }
}

/**
 * Every filter but the search, for `actorId`'s request; the caller has already refused filters the actor may not
 * use (visibility.ts).
 */
export function filterConditions(
  row: string,
  filters: RecordFilters,
  scope: { reviewId: string; actorId: string },
): Prisma.Sql[] {
  const r = sqlAlias(row);
  const stage = filters.stage;
  const out: Prisma.Sql[] = [];
  if (filters.sourceId) out.push(Prisma.sql`${r}.source_id = ${filters.sourceId}`);
  if (filters.importId) out.push(Prisma.sql`${r}.import_id = ${filters.importId}`);
  // The review's pending pairs are few: read once through their index and hashed, not probed for every record.
  const pending = Prisma.sql`${r}.id IN (
    SELECT p.record_a_id FROM duplicate_pairs p WHERE p.review_id = ${scope.reviewId} AND p.status = 'pending'
    UNION SELECT p.record_b_id FROM duplicate_pairs p WHERE p.review_id = ${scope.reviewId} AND p.status = 'pending')`;
  if (filters.duplicates === "merged") out.push(Prisma.sql`${r}.duplicate_of_id IS NOT NULL`);
  if (filters.duplicates === "pending") out.push(pending);
  if (filters.duplicates === "unique") out.push(Prisma.sql`${r}.duplicate_of_id IS NULL AND NOT (${pending})`);
  const removal = Prisma.sql`EXISTS (SELECT 1 FROM record_removals rm WHERE rm.record_id = ${r}.id)`;
  if (filters.removed === "removed") out.push(removal);
  if (filters.removed === "not_removed") out.push(Prisma.sql`NOT ${removal}`);
  if (filters.reached === "full_text") out.push(outcomeIs(r, "title_abstract", Prisma.sql`o.status = 'included'`));
  if (filters.reached === "included") out.push(outcomeIs(r, "full_text", Prisma.sql`o.status = 'included'`));
  const retrieved = Prisma.sql`EXISTS (SELECT 1 FROM reports rep WHERE rep.record_id = ${r}.id AND rep.retrieval_status = 'retrieved')`;
  if (filters.fullText === "yes") out.push(retrieved);
  if (filters.fullText === "no") out.push(Prisma.sql`NOT ${retrieved}`);
  if (filters.labelId)
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM record_labels l WHERE l.record_id = ${r}.id AND l.label_id = ${filters.labelId})`,
    );
  if (filters.study)
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM reports rep WHERE rep.record_id = ${r}.id AND rep.study_id = ${filters.study})`,
    );
  const outcome = outcomeCondition(row, stage, filters.outcome);
  if (outcome) out.push(outcome);
  if (filters.exclusionReasonId)
    out.push(outcomeIs(r, stage, Prisma.sql`o.status = 'excluded' AND o.reason_id = ${filters.exclusionReasonId}`));
  if (filters.conflict !== "any")
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM conflicts c WHERE c.record_id = ${r}.id AND c.stage = ${stageSql(stage)} AND c.status = ${filters.conflict}::conflict_status)`,
    );
  if (filters.changed !== "any") {
    // Records a lead reopened or overrode at the stage, even if they have since been settled again.
    const kind = filters.changed === "reopened" ? "reopen" : "override";
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM outcome_changes ch WHERE ch.record_id = ${r}.id AND ch.stage = ${stageSql(stage)} AND ch.kind = ${kind}::outcome_change_kind)`,
    );
  }
  if (filters.decision !== "any" || filters.decidedBy !== undefined)
    out.push(decisionCondition(row, stage, filters.decidedBy ?? scope.actorId, filters.decision));
  return out;
}

export function allOf(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`true`;
}
