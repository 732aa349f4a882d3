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
export function inline(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (_, n: string) => literal(query.values[Number(n) - 1]));
}

/**
 * A transaction that costs no round trip of its own: statements go in batches, one round trip each (the simple
 * query protocol takes several at once), BEGIN travels with the first batch and COMMIT with the one marked
 * `commit`. Each statement still takes its own snapshot, so one that follows a lock in the same batch sees what
 * was committed while the lock was awaited. Any error rolls back, and is rethrown.
 */
export async function transaction<T>(pool: pg.Pool, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  let open = false;
  const tx: SqlTransaction = {
    async batch(queries, options) {
      const begin = !open;
      open = true;
      const text = [...(begin ? ["BEGIN"] : []), ...queries.map(inline), ...(options?.commit ? ["COMMIT"] : [])].join(";\n");
      const out = await client.query(text);
      const results = (Array.isArray(out) ? out : [out]) as pg.QueryResult[];
      if (options?.commit) open = false;
      return results.slice(begin ? 1 : 0, (begin ? 1 : 0) + queries.length).map((r) => r.rows);
    },
  };
  try {
    const result = await work(tx);
    if (open) await client.query("COMMIT");
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
  /** These statements in one round trip (after BEGIN, for the first batch), and COMMIT after them if `commit`. */
  batch(queries: Prisma.Sql[], options?: { commit?: boolean }): Promise<unknown[][]>;
}
