// The statements that move a withdrawn import's rows into withdrawn_rows and out of their tables, one pair per
// table of the archive plan (archive-plan.ts). Table and column names come from the catalog and are checked
// here; values go in as parameters ($1 the review, $2 the import).
import type { ArchivedTable } from "./archive-plan";

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checked(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`unexpected name in the catalog: ${name}`);
  return name;
}

const quoted = (name: string) => `"${checked(name)}"`;

/** The ids of the rows of `table` already moved by this withdrawal, whose import is the parameter `importParam`. */
export function withdrawnIdsOf(table: string, importParam = "$2"): string {
  return `SELECT w.id FROM withdrawn_rows w WHERE w.import_id = ${importParam} AND w.table_name = '${checked(table)}'`;
}

/**
 * Copies the rows of `table` that leave with the withdrawal into withdrawn_rows, locking them first so a change
 * made meanwhile waits, then finds them gone, instead of being lost from the copy. `chosen` picks the root
 * table's rows; every other table's rows are those pointing at a row already moved.
 */
export function archiveStatement(table: ArchivedTable, chosen?: string): string {
  const columns = table.columns.map((c) => `t.${quoted(c)}`).join(", ");
  const where =
    chosen ?? table.parents.map((p) => `t.${quoted(p.column)} IN (${withdrawnIdsOf(p.table)})`).join(" OR ");
  if (!where) throw new Error(`no rows of ${table.name} can be chosen`);
  return `INSERT INTO withdrawn_rows (id, review_id, import_id, table_name, data, file_key)
    SELECT x.id, $1, $2, '${checked(table.name)}', to_jsonb(x), ${table.hasFile ? "x.file_key" : "NULL"}
      FROM (SELECT ${columns} FROM ${quoted(table.name)} t WHERE ${where} FOR UPDATE OF t) x`;
}

/** Deletes what archiveStatement copied ($1 the import); run children first, so nothing cascades uncopied. */
export function deleteStatement(table: ArchivedTable): string {
  return `DELETE FROM ${quoted(table.name)} t WHERE t.id IN (${withdrawnIdsOf(table.name, "$1")})`;
}

/** The import's own records. */
export const WITHDRAWN_RECORDS = "t.import_id = $2";

/**
 * Studies left with no report once the import's reports are moved: every report they had is a withdrawn one.
 * A study keeping a report of another import stays, with its extraction and appraisal.
 */
export const EMPTIED_STUDIES = `t.review_id = $1
  AND t.id IN (SELECT (w.data->>'study_id') FROM withdrawn_rows w
                WHERE w.import_id = $2 AND w.table_name = 'reports' AND w.data->>'study_id' IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM reports rep WHERE rep.study_id = t.id AND rep.id NOT IN (${withdrawnIdsOf("reports")}))`;
