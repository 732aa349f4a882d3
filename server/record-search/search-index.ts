// A record's words for the record browser's search are written after its import, by a job of their own, and not
// while the import's COPY runs: generating the vectors and updating two GIN indexes row by row made each imported
// row cost about four times the database CPU of the row itself. Until the job has run, an import's records are
// listed, filtered and screened as usual but not yet found by words; the browser says how many wait
// (`searchIndexPending`). Edits of indexed records are followed by a trigger (migration
// 20261214090000_record_search_table).
import type pg from "pg";
import { type Db, poolOf, type Tx } from "../db/client";

export type SearchIndexScope = { importId: string } | { reviewId: string };

/** Records per statement: each batch is committed on its own, so a large import becomes findable as it goes. */
const BATCH = 5_000;

/**
 * Writes the search rows of the next batch of the scope's records (in id order, after `after`) that have none
 * yet. Idempotent, so a retried job or a second caller is harmless.
 */
function batchSql(scope: SearchIndexScope): string {
  const column = "importId" in scope ? "import_id" : "review_id";
  return `WITH batch AS (
            SELECT r.id, r.review_id, r.title, r.keywords, r.authors, r.abstract FROM records r
             WHERE r.${column} = $1 AND r.id > $2 ORDER BY r.id LIMIT ${BATCH}),
          written AS (
            INSERT INTO record_search (record_id, review_id, title, search_vector, title_vector)
            SELECT b.id, b.review_id, b.title, sift_search_vector(b.title, b.keywords, b.authors, b.abstract),
                   sift_title_vector(b.title, b.keywords)
              FROM batch b
             WHERE NOT EXISTS (SELECT 1 FROM record_search s WHERE s.record_id = b.id)
            ON CONFLICT (record_id) DO NOTHING
            RETURNING 1)
          SELECT (SELECT max(id) FROM batch) AS last, (SELECT count(*)::int FROM batch) AS read,
                 (SELECT count(*)::int FROM written) AS written`;
}

function markIndexedSql(scope: SearchIndexScope): string {
  const column = "importId" in scope ? "id" : "review_id";
  return `UPDATE imports SET search_indexed_at = now() WHERE ${column} = $1 AND search_indexed_at IS NULL`;
}

const scopeValue = (scope: SearchIndexScope) => ("importId" in scope ? scope.importId : scope.reviewId);

/**
 * Indexes the scope's records for search on `client`, batch by batch; `commit` ends each batch's transaction
 * when the caller does not hold one of its own. The number of records indexed.
 */
async function indexInBatches(client: pg.ClientBase, scope: SearchIndexScope, commit: boolean): Promise<number> {
  const value = scopeValue(scope);
  let after = "";
  let indexed = 0;
  for (;;) {
    if (commit) await client.query("BEGIN");
    const { rows } = await client.query<{ last: string | null; read: number; written: number }>(batchSql(scope), [
      value,
      after,
    ]);
    const batch = rows[0]!;
    indexed += batch.written;
    const done = batch.read < BATCH;
    if (done) await client.query(markIndexedSql(scope), [value]);
    if (commit) await client.query("COMMIT");
    if (done) return indexed;
    after = batch.last!;
  }
}

/** Indexes the scope's records for search (the follow-up job of an import); the number of records indexed. */
export async function indexRecordsForSearch(db: Db, scope: SearchIndexScope): Promise<number> {
  const client = await poolOf(db).connect();
  try {
    return await indexInBatches(client, scope, true);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** As indexRecordsForSearch, inside the transaction `client` holds (a restore, say). */
export async function indexRecordsForSearchPg(client: pg.ClientBase, scope: SearchIndexScope): Promise<number> {
  return indexInBatches(client, scope, false);
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
