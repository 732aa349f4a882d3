// Statements built with Prisma.sql (which numbers the parameters) run straight on the pg pool: for hot paths
// where Prisma's one-query-per-call would cost several round trips. pg returns bigint as a string and parses
// timestamps in local time, so such statements return neither (cast to int or text in SQL).
import pg from "pg";
import type { Prisma } from "./generated/client.ts";

export async function rows<T>(on: pg.Pool | pg.PoolClient, query: Prisma.Sql): Promise<T[]> {
  return (await on.query(query.text, query.values)).rows as T[];
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(", ")}]`;
  throw new Error(`cannot inline a ${typeof value} in SQL`);
}

/** The statement with its parameters as escaped literals, so it can share a round trip with BEGIN or COMMIT. */
function inline(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (_, n: string) => literal(query.values[Number(n) - 1]));
}

/**
 * A transaction that costs no round trip of its own: BEGIN travels with the first statement and COMMIT with
 * the last (the simple query protocol takes several statements at once). In between, `query` runs statements
 * with bound parameters as usual. Any error rolls back, and is rethrown.
 */
export async function transaction<T>(pool: pg.Pool, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  let open = false;
  const tx: SqlTransaction = {
    async first<R>(query: Prisma.Sql) {
      open = true;
      const results = (await client.query(`BEGIN; ${inline(query)}`)) as unknown as pg.QueryResult[];
      open = true;
      return results[1]!.rows as R[];
    },
    rows: <R>(query: Prisma.Sql) => rows<R>(client, query),
    async last<R>(query: Prisma.Sql) {
      const results = (await client.query(`${inline(query)}; COMMIT`)) as unknown as pg.QueryResult[];
      open = false;
      return results[0]!.rows as R[];
    },
    async commit() {
      if (open) await client.query("COMMIT");
      open = false;
    },
  };
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (err) {
    // A connection that cannot even roll back is not handed to anyone else.
    if (open) await client.query("ROLLBACK").catch(() => (broken = true));
    throw err;
  } finally {
    client.release(broken);
  }
}

export interface SqlTransaction {
  /** BEGIN and this statement, in one round trip. */
  first<R>(query: Prisma.Sql): Promise<R[]>;
  rows<R>(query: Prisma.Sql): Promise<R[]>;
  /** This statement and COMMIT, in one round trip; nothing may follow it. */
  last<R>(query: Prisma.Sql): Promise<R[]>;
  commit(): Promise<void>;
}
