// Which tables make up a review, read from the live catalog rather than listed by hand, so a table added later
// (by any feature) travels in bundles without anyone remembering to add it: every table with a foreign key to
// reviews, then every table with a foreign key to one of those, in an order where parents come first.
import type { Catalog, ForeignKeyShape, TableShape } from "../../db/catalog";
import { DERIVED_TABLES } from "../../db/derived-tables";

/** Tables a review reaches that are left out of bundles on purpose; anything else reachable is included. */
export const EXCLUDED_TABLES: Record<string, string> = {
  screening_assignments:
    "records served to a reviewer and not yet decided: they lapse after 30 minutes and are made again on demand",
  invitations: "invitation links belong to the Sift that sent them; members travel by email instead",
  exports: "files made for download on the original Sift; the bundle is itself one",
  ranking_models: "derived from the decisions in the bundle; the next retraining makes them again",
  ...DERIVED_TABLES,
};

export const ROOT_TABLE = "reviews";
/** A text column of this name holds a key in file storage: the file it names travels with its row. */
export const FILE_KEY_COLUMN = "file_key";
export const USERS_TABLE = "users";

export interface TablePlan {
  name: string;
  /** The single-column primary key that restore renames, or null for a composite key. */
  primaryKey: string | null;
  primaryKeyColumns: string[];
  /** How rows are chosen: the root by its id, every other table through one foreign key to a table before it. */
  scope: { column: string; parent: string; parentColumn: string } | null;
  foreignKeys: ForeignKeyShape[];
  columns: TableShape["columns"];
  /** Columns holding storage keys of files that travel in the bundle with the row. */
  fileColumns: string[];
}

export interface BundlePlan {
  tables: TablePlan[];
  excluded: { name: string; reason: string }[];
}

function singleColumn(fk: ForeignKeyShape): boolean {
  return fk.columns.length === 1 && fk.refColumns.length === 1;
}

export function planBundle(catalog: Catalog): BundlePlan {
  const { tables } = catalog;
  if (!tables[ROOT_TABLE] || !tables[USERS_TABLE]) throw new Error("the database has no reviews or users table");
  const included = new Map<string, TablePlan["scope"]>([[ROOT_TABLE, null]]);
  const excluded = new Map<string, string>();
  // Fixpoint: a table joins once one of its foreign keys points at a table already in; a NOT NULL key is
  // preferred as the scope, since a nullable one would leave out rows that do not use it.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, table] of Object.entries(tables)) {
      if (included.has(name) || excluded.has(name) || name === USERS_TABLE) continue;
      const candidates = table.foreignKeys.filter(
        (fk) => singleColumn(fk) && fk.refTable !== name && included.has(fk.refTable),
      );
      if (candidates.length === 0) continue;
      if (EXCLUDED_TABLES[name]) {
        excluded.set(name, EXCLUDED_TABLES[name]);
        continue;
      }
      const fk =
        candidates.find((c) => c.refTable === ROOT_TABLE && !table.columns[c.columns[0]!]!.nullable) ??
        candidates.find((c) => !table.columns[c.columns[0]!]!.nullable) ??
        candidates.find((c) => c.refTable === ROOT_TABLE) ??
        candidates[0]!;
      included.set(name, { column: fk.columns[0]!, parent: fk.refTable, parentColumn: fk.refColumns[0]! });
      grew = true;
    }
  }
  return {
    tables: dependencyOrder(tables, included),
    excluded: [...excluded].map(([name, reason]) => ({ name, reason })),
  };
}

/** Parents before children; a cycle (or a self-reference) is left for restore to fill in after the inserts. */
function dependencyOrder(tables: Catalog["tables"], included: Map<string, TablePlan["scope"]>): TablePlan[] {
  const ordered: TablePlan[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (placed.has(name) || visiting.has(name)) return;
    visiting.add(name);
    const table = tables[name]!;
    const scope = included.get(name)!;
    if (scope) visit(scope.parent);
    for (const fk of table.foreignKeys) if (fk.refTable !== name && included.has(fk.refTable)) visit(fk.refTable);
    visiting.delete(name);
    placed.add(name);
    const pk = table.primaryKey?.columns ?? [];
    ordered.push({
      name,
      primaryKey: pk.length === 1 ? pk[0]! : null,
      primaryKeyColumns: pk,
      scope,
      foreignKeys: table.foreignKeys,
      columns: table.columns,
      fileColumns: Object.entries(table.columns)
        .filter(([column, shape]) => column === FILE_KEY_COLUMN && shape.type === "text")
        .map(([column]) => column),
    });
  };
  for (const name of [...included.keys()].sort()) visit(name);
  return ordered;
}

/** The WHERE clause choosing one review's rows of a table, through its chain of scope keys up to the review. */
export function scopeCondition(plan: BundlePlan, tableName: string, alias = "t", depth = 0): string {
  const table = plan.tables.find((t) => t.name === tableName)!;
  if (!table.scope) return `${alias}."id" = $1`;
  const parentAlias = `p${depth}`;
  const parent = table.scope.parent;
  if (parent === ROOT_TABLE) return `${alias}."${table.scope.column}" = $1`;
  return `${alias}."${table.scope.column}" IN (SELECT ${parentAlias}."${table.scope.parentColumn}" FROM "${parent}" ${parentAlias} WHERE ${scopeCondition(plan, parent, parentAlias, depth + 1)})`;
}
