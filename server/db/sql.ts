// Statements built with Prisma.sql (which numbers the parameters) run straight on the pg pool: for hot paths
// where Prisma's one-query-per-call would cost several round trips. pg returns bigint as a string and parses
// timestamps in local time, so such statements return neither (cast to int or text in SQL).
//
// Each statement is prepared once per connection and executed by name afterwards: the hot statements are long,
// and PostgreSQL spent more time planning them than running them (a decision: 0.9 ms planning, 0.4 ms running).
// So a statement's text must take a bounded number of forms: values go in parameters, never into the text.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/client.ts";

/** The same name for the same text in every process; `kind` keeps pg's prepared statements apart from ours. */
function statementName(kind: "q" | "b", text: string): string {
  return `sift_${kind}${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
}

export async function rows<T>(on: pg.Pool | pg.PoolClient, query: Prisma.Sql): Promise<T[]> {
  return (await on.query({ name: statementName("q", query.text), text: query.text, values: query.values })).rows as T[];
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return value.length ? `ARRAY[${value.map(literal).join(", ")}]` : "'{}'";
  throw new Error(`cannot inline a ${typeof value} in SQL`);
}

/**
 * EXECUTE of the statement prepared as `name`, its parameters as escaped literals: so it can share a round trip
 * with BEGIN, COMMIT and other statements (the simple query protocol, which takes several, has no parameters).
 */
export function execute(name: string, query: Prisma.Sql): string {
  return query.values.length ? `EXECUTE ${name}(${query.values.map(literal).join(", ")})` : `EXECUTE ${name}`;
}

/** The names of the statements prepared (by `transaction`) on each pooled connection. */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * A transaction that costs no round trip of its own: statements go in batches, one round trip each (the simple
 * query protocol takes several at once), BEGIN travels with the first batch and COMMIT with the one marked
 * `commit`. A statement new to the connection travels with its PREPARE. Each statement still takes its own
 * snapshot, so one that follows a lock in the same batch sees what was committed while the lock was awaited.
 * Any error rolls back, and is rethrown.
 */
export async function transaction<T>(pool: pg.Pool, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const prepared = preparedOn.get(client) ?? new Set<string>();
  preparedOn.set(client, prepared);
  let broken = false;
  let open = false;
  let preparing = false;
  const tx: SqlTransaction = {
    async batch(queries, options) {
      const named = queries.map((query) => ({ query, name: statementName("b", query.text) }));
      const prepares = [...new Map(named.filter((n) => !prepared.has(n.name)).map((n) => [n.name, `PREPARE ${n.name} AS ${n.query.text}`]))];
      const begin = !open;
      open = true;
      preparing = prepares.length > 0;
      const text = [
        ...prepares.map(([, prepare]) => prepare),
        ...(begin ? ["BEGIN"] : []),
        ...named.map((n) => execute(n.name, n.query)),
        ...(options?.commit ? ["COMMIT"] : []),
      ].join(";\n");
      const out = await client.query(text);
      for (const [name] of prepares) prepared.add(name);
      preparing = false;
      const results = (Array.isArray(out) ? out : [out]) as pg.QueryResult[];
      if (options?.commit) open = false;
      const first = prepares.length + (begin ? 1 : 0);
      return results.slice(first, first + queries.length).map((r) => r.rows);
    },
  };
  try {
    const result = await work(tx);
    if (open) await client.query("COMMIT");
    return result;
  } catch (err) {
    // PREPARE is not undone by a rollback, so after a failed batch that carried some, ask which exist. A
    // connection that cannot even roll back is not handed to anyone else.
    const recover = open || preparing ? ["ROLLBACK", ...(preparing ? ["SELECT name FROM pg_prepared_statements"] : [])].join(";\n") : null;
    if (recover) {
      await client
        .query(recover)
        .then((out) => {
          if (!preparing) return;
          const listed = (out as unknown as pg.QueryResult[])[1]!.rows as { name: string }[];
          prepared.clear();
          for (const { name } of listed) prepared.add(name);
        })
        .catch(() => (broken = true));
    }
    throw err;
  } finally {
    client.release(broken);
  }
}

export interface SqlTransaction {
  /** These statements in one round trip (after BEGIN, for the first batch), and COMMIT after them if `commit`. */
  batch(queries: Prisma.Sql[], options?: { commit?: boolean }): Promise<unknown[][]>;
}
