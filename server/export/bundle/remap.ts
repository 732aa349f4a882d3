// Restoring gives every row a fresh id, so a bundle can be restored beside its original (even twice) without a
// clash: primary keys are renamed, foreign keys follow the rename, and ids quoted elsewhere (an audit event's
// entity id, ids inside JSON such as an audit event's data, lists of ids such as a stopping sample's held
// records) are renamed wherever they appear whole.

import type { Row } from "./bundle-format";
import type { TablePlan } from "./bundle-plan";
import { USERS_TABLE } from "./bundle-plan";

export class BundleDamagedError extends Error {}

export interface IdMaps {
  /** Old row id → new row id, for every row of the bundle. */
  rows: Map<string, string>;
  /** Old user id → the id of the account it maps to here. */
  users: Map<string, string>;
}

/** A column a later pass fills in, because it points at a row inserted after this one (or at its own table). */
export interface DeferredReference {
  table: string;
  primaryKey: string;
  id: string;
  column: string;
  value: string;
}

const JSON_TYPES = new Set(["json", "jsonb"]);

function renameDeep(value: unknown, maps: IdMaps): unknown {
  if (typeof value === "string") return maps.rows.get(value) ?? maps.users.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renameDeep(v, maps));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameDeep(v, maps)]));
  }
  return value;
}

/**
 * The row as it is inserted here. `insertedTables` are the tables already restored: a reference to one of
 * those is set at once, one to any other table of the bundle is deferred.
 */
export function remapRow(
  table: TablePlan,
  row: Row,
  maps: IdMaps,
  insertedTables: Set<string>,
  bundleTables: Set<string>,
) {
  const out: Row = { ...row };
  const deferred: DeferredReference[] = [];
  const fkColumns = new Set<string>();
  if (table.primaryKey) {
    const old = row[table.primaryKey];
    const renamed = typeof old === "string" ? maps.rows.get(old) : undefined;
    if (!renamed) throw new BundleDamagedError(`a row of ${table.name} has no id`);
    out[table.primaryKey] = renamed;
  }
  for (const fk of table.foreignKeys) {
    if (fk.columns.length !== 1) continue;
    const column = fk.columns[0]!;
    fkColumns.add(column);
    const old = row[column];
    if (old === null || old === undefined) continue;
    const nullable = table.columns[column]?.nullable ?? true;
    if (fk.refTable === USERS_TABLE) {
      const user = maps.users.get(String(old));
      if (!user) throw new BundleDamagedError(`${table.name}.${column} names a person who is not in the bundle`);
      out[column] = user;
      continue;
    }
    const renamed = maps.rows.get(String(old));
    if (!bundleTables.has(fk.refTable) || !renamed) {
      if (!nullable)
        throw new BundleDamagedError(
          `${table.name}.${column} points at a ${fk.refTable} row that is not in the bundle`,
        );
      out[column] = null;
      continue;
    }
    if (insertedTables.has(fk.refTable) && fk.refTable !== table.name) {
      out[column] = renamed;
    } else {
      if (!nullable) throw new BundleDamagedError(`${table.name}.${column} cannot be filled in after its row`);
      out[column] = null;
      deferred.push({
        table: table.name,
        primaryKey: table.primaryKey!,
        id: out[table.primaryKey!] as string,
        column,
        value: renamed,
      });
    }
  }
  for (const [column, shape] of Object.entries(table.columns)) {
    if (fkColumns.has(column) || column === table.primaryKey || !(column in row)) continue;
    if (JSON_TYPES.has(shape.type)) out[column] = renameDeep(row[column], maps);
    else if (/_id$/.test(column) && typeof row[column] === "string") out[column] = renameDeep(row[column], maps);
    else if (/_ids$/.test(column) && Array.isArray(row[column])) out[column] = renameDeep(row[column], maps);
  }
  return { row: out, deferred };
}
