// Which rows leave the review with a withdrawn import, read from the live catalog rather than listed by hand, so a
// table added later that hangs off records (labels, notes…) is withdrawn and kept with them without anyone
// remembering to add it: every table whose foreign key would delete or block with a withdrawn row, and every table
// hanging off those, parents first. A foreign key that sets null (a report's study, a record's duplicate-of) leaves
// its row in the review; the withdrawal repairs those itself.
import type { Catalog, ForeignKeyShape } from "../db/catalog";
import { DERIVED_TABLES } from "../db/derived-tables";

export interface ArchivedTable {
  name: string;
  /** Its columns as stored (generated ones are PostgreSQL's to compute and are left out, as in bundles). */
  columns: string[];
  /** The foreign keys that take a row with them: column → the archived table it points at. */
  parents: { column: string; table: string }[];
  /** Whether it has a `file_key` column, whose file is kept with the row. */
  hasFile: boolean;
}

/** Foreign keys whose row cannot stay once the row it points at is gone. */
const FOLLOWS = new Set(["CASCADE", "NO ACTION", "RESTRICT"]);

function followed(fk: ForeignKeyShape, name: string): boolean {
  return fk.columns.length === 1 && fk.refTable !== name && FOLLOWS.has(fk.onDelete);
}

/**
 * The tables a withdrawal archives starting from `root` (whose rows are chosen by the caller), root first and
 * every table after the tables it points at. Tables in `exclude` are never entered (another phase archives
 * them), nor derived ones (their rows go with the rows they were made from). Throws for a table the archive cannot hold: one without a single-column text `id`.
 */
export function archivePlan(catalog: Catalog, root: string, exclude: readonly string[] = []): ArchivedTable[] {
  const { tables } = catalog;
  if (!tables[root]) throw new Error(`the database has no ${root} table`);
  const inPlan = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, table] of Object.entries(tables)) {
      if (inPlan.has(name) || exclude.includes(name) || DERIVED_TABLES[name]) continue;
      if (table.foreignKeys.some((fk) => followed(fk, name) && inPlan.has(fk.refTable))) {
        inPlan.add(name);
        grew = true;
      }
    }
  }
  const ordered: ArchivedTable[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (placed.has(name)) return;
    if (path.includes(name)) throw new Error(`tables ${[...path, name].join(" → ")} point at each other in a circle`);
    const table = tables[name]!;
    const parents = table.foreignKeys
      .filter((fk) => followed(fk, name) && inPlan.has(fk.refTable))
      .map((fk) => ({ column: fk.columns[0]!, table: fk.refTable }));
    for (const parent of parents) visit(parent.table, [...path, name]);
    const pk = table.primaryKey?.columns ?? [];
    if (pk.length !== 1 || pk[0] !== "id" || table.columns.id?.type !== "text")
      throw new Error(`rows of ${name} cannot be withdrawn: the table has no single text id`);
    placed.add(name);
    ordered.push({
      name,
      columns: Object.keys(table.columns),
      parents: name === root ? [] : parents,
      hasFile: table.columns.file_key?.type === "text",
    });
  };
  visit(root, []);
  for (const name of [...inPlan].sort()) visit(name, []);
  return ordered;
}
