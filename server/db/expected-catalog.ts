// What PostgreSQL's catalog must hold for a Prisma datamodel, following the names and types Prisma Migrate
// itself generates. Pure: the drift test feeds it the DMMF of prisma/schema.prisma.
import type { Catalog, TableShape } from "./catalog";

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}
export interface DmmfIndex {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}
export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}
export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

// PostgreSQL's identifier limit; Prisma trims the body of a generated name and keeps its suffix.
const MAX_IDENTIFIER = 63;

export function constraintName(table: string, columns: string[], suffix: string): string {
  const body = `${table}_${columns.join("_")}`;
  return body.slice(0, MAX_IDENTIFIER - suffix.length - 1) + "_" + suffix;
}

function columnOf(field: DmmfField): string {
  return field.dbName ?? field.name;
}

// As format_type() and pg_get_expr() print a type name: quoted only where PostgreSQL would need it.
function typeName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function literal(value: unknown): string {
  return `'${String(value).replaceAll("'", "''")}'`;
}

function columnDefault(field: DmmfField, type: string, enumDbNames: Map<string, string>): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    const fn = (value as { name: string }).name;
    if (fn === "now") return "CURRENT_TIMESTAMP";
    if (fn === "uuid") return null; // filled in by the client, not the database
    throw new Error(`default ${fn}() on ${field.name} is not mapped yet`);
  }
  if (Array.isArray(value)) {
    if (value.length > 0) throw new Error(`non-empty list default on ${field.name} is not supported`);
    return `ARRAY[]::${type}`;
  }
  if (field.kind === "enum") return `${literal(value)}::${typeName(enumDbNames.get(field.type)!)}`;
  if (field.type === "BigInt") return String(value); // the DMMF carries BigInt defaults as strings
  if (typeof value === "string") return field.type === "Json" ? `${literal(value)}::jsonb` : `${literal(value)}::text`;
  return String(value);
}

export function expectedCatalog(dm: Datamodel): Catalog {
  const enumDbNames = new Map(dm.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const modelsByName = new Map(dm.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const fieldColumn = (m: DmmfModel, name: string) => {
    const f = m.fields.find((x) => x.name === name);
    if (!f) throw new Error(`${m.name}.${name} not found`);
    return columnOf(f);
  };

  const tables: Record<string, TableShape> = {};
  for (const model of dm.models) {
    const table = tableOf(model);
    const shape: TableShape = { columns: {}, primaryKey: null, uniques: [], indexes: [], foreignKeys: [] };
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const base = field.kind === "enum" ? typeName(enumDbNames.get(field.type)!) : SCALAR_TYPES[field.type];
      if (!base) throw new Error(`unsupported type ${field.type} on ${model.name}.${field.name}`);
      if (field.nativeType) throw new Error(`native types are not mapped yet (${model.name}.${field.name})`);
      const type = field.isList ? `${base}[]` : base;
      shape.columns[columnOf(field)] = {
        type,
        // Prisma Migrate leaves scalar-list columns nullable although the client treats them as required.
        nullable: field.isList || !field.isRequired,
        default: columnDefault(field, type, enumDbNames),
      };
    }
    for (const index of dm.indexes.filter((i) => i.model === model.name)) {
      const columns = index.fields.map((f) => fieldColumn(model, f.name));
      if (index.type === "id") shape.primaryKey = { name: index.dbName ?? `${table}_pkey`, columns };
      else if (index.type === "unique")
        shape.uniques.push({ name: index.dbName ?? constraintName(table, columns, "key"), columns });
      else if (index.type === "normal")
        shape.indexes.push({ name: index.dbName ?? constraintName(table, columns, "idx"), columns });
    }
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = modelsByName.get(field.type)!;
      const columns = field.relationFromFields.map((n) => fieldColumn(model, n));
      const required = field.relationFromFields.every((n) => model.fields.find((f) => f.name === n)?.isRequired);
      shape.foreignKeys.push({
        name: constraintName(table, columns, "fkey"),
        columns,
        refTable: tableOf(target),
        refColumns: (field.relationToFields ?? []).map((n) => fieldColumn(target, n)),
        onDelete: REFERENTIAL_ACTIONS[field.relationOnDelete ?? (required ? "Restrict" : "SetNull")]!,
        onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? "Cascade"]!,
      });
    }
    tables[table] = shape;
  }
  const enums = Object.fromEntries(dm.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { tables, enums };
}
