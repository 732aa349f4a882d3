// A record's words for the record browser's search are written after its import, by a job of their own, and not
// while the import's COPY runs: generating the vectors and updating two GIN indexes row by row made each imported
// row cost about four times the database CPU of the row itself. Until the job has run, an import's records are
// listed, filtered and screened as usual but not yet found by words; the browser says how many wait
// (`searchIndexPending`). Edits of indexed records are followed by a trigger (migration
// 20261214090000_record_search_table).
import type pg from "pg";
import type { Db, Tx } from "../db/client";

export type SearchIndexScope = { importId: string } | { reviewId: string };

/**
 * Writes the search rows of the scope's records that have none yet and marks its imports indexed. Idempotent, so
 * a retried job or a second caller is harmless.
 */
function indexSql(scope: SearchIndexScope): { statements: string[]; value: string } {
  const column = "importId" in scope ? "import_id" : "review_id";
  const importsColumn = "importId" in scope ? "id" : "review_id";
  return {
    statements: [
      `INSERT INTO record_search (record_id, review_id, title, search_vector, title_vector)
       SELECT r.id, r.review_id, r.title, sift_search_vector(r.title, r.keywords, r.authors, r.abstract),
              sift_title_vector(r.title, r.keywords)
         FROM records r
        WHERE r.${column} = $1 AND NOT EXISTS (SELECT 1 FROM record_search s WHERE s.record_id = r.id)
       ON CONFLICT (record_id) DO NOTHING`,
      `UPDATE imports SET search_indexed_at = now() WHERE ${importsColumn} = $1 AND search_indexed_at IS NULL`,
    ],
    value: "importId" in scope ? scope.importId : scope.reviewId,
  };
}

/** Indexes the scope's records for search, in one transaction; the number of records indexed. */
export async function indexRecordsForSearch(db: Db, scope: SearchIndexScope): Promise<number> {
  const { statements, value } = indexSql(scope);
  const [indexed] = await db.$transaction(statements.map((text) => db.$executeRawUnsafe(text, value)));
  return indexed ?? 0;
}

/** As indexRecordsForSearch, on a connection inside the caller's transaction (a restore, say). */
export async function indexRecordsForSearchPg(client: pg.ClientBase, scope: SearchIndexScope): Promise<number> {
  const { statements, value } = indexSql(scope);
  let indexed = 0;
  for (const [i, text] of statements.entries()) {
    const result = await client.query(text, [value]);
    if (i === 0) indexed = result.rowCount ?? 0;
  }
  return indexed;
}

/**
 * How many of the review's records cannot be found by words yet: those of finished imports whose indexing job
 * has not run. Read from the imports, not by comparing the two tables' rows, so that it costs nothing at 100,000.
 */
export async function searchIndexPending(db: Db | Tx, reviewId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ pending: bigint | null }[]>`
    SELECT sum(record_count) AS pending FROM imports
     WHERE review_id = ${reviewId} AND status = 'succeeded' AND search_indexed_at IS NULL`;
  return Number(row?.pending ?? 0);
}
