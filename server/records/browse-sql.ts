// The record browser's search and filters as conditions on a row of records, whose alias the statement names.
// Each condition is an index probe per row or an index scan for the whole review: the search through
// records_search_vector_idx, the identifiers through the DOI, PMID and NCT indexes, the rest through the
// (record_id, stage) keys of outcomes, decisions, conflicts and reports.
import { Prisma } from "../db/generated/client.ts";
import { sqlAlias } from "../db/sql-alias";
import { eligibleRecords } from "../screening-queue/eligibility";
import type { Stage } from "../shared/stages";
import type { RecordFilters } from "./browse-input";
import type { SearchQuery } from "./search-query";

/** The words of a search as PostgreSQL's query, in the configuration the search vector was built with. */
export const tsquerySql = (tsquery: string) => Prisma.sql`to_tsquery('sift_search'::regconfig, ${tsquery})`;

/** How well record `row` answers a search of words: title words weigh most, then keywords and authors. */
export function relevanceSql(row: string, tsquery: string): Prisma.Sql {
  return Prisma.sql`ts_rank(${sqlAlias(row)}.search_vector, ${tsquerySql(tsquery)})`;
}

/** The search alone. `fuzzy`: titles that look like the words typed, for when no record has them all. */
export function searchCondition(row: string, query: SearchQuery, fuzzy = false): Prisma.Sql {
  const r = sqlAlias(row);
  switch (query.kind) {
    case "none":
      return Prisma.sql`true`;
    case "doi":
      return Prisma.sql`${r}.doi = ${query.doi}`;
    case "pmid":
      return Prisma.sql`${r}.pmid = ${query.pmid}`;
    case "nct":
      return Prisma.sql`${r}.nct_ids @> ARRAY[${query.nctId}]::text[]`;
    case "words":
      // <% is pg_trgm's word similarity: the words typed against the best-matching stretch of the title.
      return fuzzy
        ? Prisma.sql`${query.text} <% ${r}.title`
        : Prisma.sql`${r}.search_vector @@ ${tsquerySql(query.tsquery)}`;
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
export function filterConditions(row: string, filters: RecordFilters, actorId: string): Prisma.Sql[] {
  const r = sqlAlias(row);
  const stage = filters.stage;
  const out: Prisma.Sql[] = [];
  if (filters.sourceId) out.push(Prisma.sql`${r}.source_id = ${filters.sourceId}`);
  if (filters.importId) out.push(Prisma.sql`${r}.import_id = ${filters.importId}`);
  const pending = Prisma.sql`EXISTS (SELECT 1 FROM duplicate_pairs p WHERE p.status = 'pending' AND p.record_a_id = ${r}.id
                          UNION ALL SELECT 1 FROM duplicate_pairs p WHERE p.status = 'pending' AND p.record_b_id = ${r}.id)`;
  if (filters.duplicates === "merged") out.push(Prisma.sql`${r}.duplicate_of_id IS NOT NULL`);
  if (filters.duplicates === "pending") out.push(pending);
  if (filters.duplicates === "unique") out.push(Prisma.sql`${r}.duplicate_of_id IS NULL AND NOT ${pending}`);
  if (filters.reached === "full_text") out.push(outcomeIs(r, "title_abstract", Prisma.sql`o.status = 'included'`));
  if (filters.reached === "included") out.push(outcomeIs(r, "full_text", Prisma.sql`o.status = 'included'`));
  const retrieved = Prisma.sql`EXISTS (SELECT 1 FROM reports rep WHERE rep.record_id = ${r}.id AND rep.retrieval_status = 'retrieved')`;
  if (filters.fullText === "yes") out.push(retrieved);
  if (filters.fullText === "no") out.push(Prisma.sql`NOT ${retrieved}`);
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
  if (filters.decision !== "any" || filters.decidedBy !== undefined)
    out.push(decisionCondition(row, stage, filters.decidedBy ?? actorId, filters.decision));
  return out;
}

export function allOf(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`true`;
}
