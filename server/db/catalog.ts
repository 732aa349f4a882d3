// The parts of a PostgreSQL schema that Prisma's datamodel decides, read from the live catalog, in a shape
// that two schemas can be compared in. Generated columns are PostgreSQL's to compute, so they are not data: they
// are left out here (and so out of bundles), with the indexes on them, as Prisma's datamodel leaves them out.
// Text search vectors (Prisma's `Unsupported("tsvector")`, absent from its datamodel too) are derived data
// likewise, and left out with their indexes.
import type pg from "pg";

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}
export interface KeyShape {
  name: string;
  columns: string[];
}
export interface ForeignKeyShape extends KeyShape {
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: KeyShape | null;
  uniques: KeyShape[];
  indexes: KeyShape[];
  foreignKeys: ForeignKeyShape[];
}
export interface Catalog {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};
const BOOKKEEPING = "_prisma_migrations";

export async function readCatalog(client: pg.ClientBase, schema = "public"): Promise<Catalog> {
  const tables: Record<string, TableShape> = {};
  const table = (name: string) =>
    (tables[name] ??= { columns: {}, primaryKey: null, uniques: [], indexes: [], foreignKeys: [] });

  const columns = await client.query(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = $1
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' AND a.atttypid <> 'tsvector'::regtype
        AND c.relname <> $2
      ORDER BY c.relname, a.attnum`,
    [schema, BOOKKEEPING],
  );
  for (const row of columns.rows) {
    table(row.table).columns[row.column] = { type: row.type, nullable: row.nullable, default: row.default };
  }

  // Prisma makes uniques as unique indexes (not constraints), so both come from pg_index. Indexes on expressions,
  // on generated columns or on text search vectors are left out with those columns.
  const indexes = await client.query(
    `SELECT t.relname AS table, i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique,
            array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = $1
      WHERE t.relname <> $2 AND ix.indexprs IS NULL
        AND NOT EXISTS (SELECT 1 FROM pg_attribute g WHERE g.attrelid = t.oid AND g.attnum = ANY(ix.indkey)
                                                      AND (g.attgenerated <> '' OR g.atttypid = 'tsvector'::regtype))`,
    [schema, BOOKKEEPING],
  );
  for (const row of indexes.rows) {
    const key = { name: row.name, columns: row.columns };
    if (row.primary) table(row.table).primaryKey = key;
    else if (row.unique) table(row.table).uniques.push(key);
    else table(row.table).indexes.push(key);
  }

  const fks = await client.query(
    `SELECT t.relname AS table, c.conname AS name, r.relname AS ref_table, c.confdeltype AS on_delete,
            c.confupdtype AS on_update,
            array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = $1
      WHERE c.contype = 'f'`,
    [schema],
  );
  for (const row of fks.rows) {
    table(row.table).foreignKeys.push({
      name: row.name,
      columns: row.columns,
      refTable: row.ref_table,
      refColumns: row.ref_columns,
      onDelete: ACTIONS[row.on_delete]!,
      onUpdate: ACTIONS[row.on_update]!,
    });
  }

  const enumRows = await client.query(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = $1
      GROUP BY t.typname`,
    [schema],
  );
  const enums = Object.fromEntries(enumRows.rows.map((r) => [r.name, r.values]));
  return { tables, enums };
}

/** Human-readable differences, empty when the two catalogs agree. Order of keys and indexes does not matter. */
export function diffCatalogs(expected: Catalog, actual: Catalog): string[] {
  const out: string[] = [];
  const sortKeys = <T extends KeyShape>(keys: T[]) =>
    [...keys].sort((a, b) => a.name.localeCompare(b.name)).map((k) => JSON.stringify(k));
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    const e = expected.tables[name];
    const a = actual.tables[name];
    if (!e || !a) {
      out.push(`table ${name}: ${e ? "missing from the database" : "not in schema.prisma"}`);
      continue;
    }
    for (const col of new Set([...Object.keys(e.columns), ...Object.keys(a.columns)])) {
      const ec = JSON.stringify(e.columns[col] ?? null);
      const ac = JSON.stringify(a.columns[col] ?? null);
      if (ec !== ac) out.push(`${name}.${col}: schema ${ec}, database ${ac}`);
    }
    for (const part of ["uniques", "indexes", "foreignKeys"] as const) {
      const ek = sortKeys(e[part]);
      const ak = sortKeys(a[part]);
      for (const k of ek) if (!ak.includes(k)) out.push(`${name} ${part}: missing ${k}`);
      for (const k of ak) if (!ek.includes(k)) out.push(`${name} ${part}: unexpected ${k}`);
    }
    if (JSON.stringify(e.primaryKey) !== JSON.stringify(a.primaryKey)) {
      out.push(`${name} primary key: schema ${JSON.stringify(e.primaryKey)}, database ${JSON.stringify(a.primaryKey)}`);
    }
  }
  for (const en of new Set([...Object.keys(expected.enums), ...Object.keys(actual.enums)])) {
    if (JSON.stringify(expected.enums[en]) !== JSON.stringify(actual.enums[en])) {
      out.push(
        `enum ${en}: schema ${JSON.stringify(expected.enums[en])}, database ${JSON.stringify(actual.enums[en])}`,
      );
    }
  }
  return out;
}
