// Statements built with Prisma.sql (which numbers the parameters) run straight on the pg pool: for hot paths
// where Prisma's one-query-per-call would cost several round trips. pg returns bigint as a string and parses
// timestamps in local time, so such statements return neither (cast to int or text in SQL).
//
// One rule for counts, here and in Prisma's $queryRaw (which returns bigint as a BigInt): cast them to int in the
// SQL (count(*)::int), so they reach JavaScript as plain numbers with nothing to convert. What Sift counts, the
// rows of a review, stays far below 2^31, and a count that did not would fail the cast rather than come back wrong.
//
// Each statement is prepared once per connection and executed by name afterwards: the hot statements are long,
// and PostgreSQL spent more time planning them than running them (a decision: 0.9 ms planning, 0.4 ms running).
// So a statement's text must take a bounded number of forms: values go in parameters, never into the text.
// Behind a connection pooler in transaction mode (PgBouncer and the like, which some managed PostgreSQL services
// put in front), each transaction may get a different server connection and a prepared statement goes missing:
// the first sign of that switches the process to sending statements whole.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/client.ts";

/** The same name for the same text in every process; `kind` keeps pg's prepared statements apart from ours. */
function statementName(kind: "q" | "b", text: string): string {
  return `sift_${kind}${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
}

let preparing = true;

/** What a failed statement calls for: tried again without preparing, or on a fresh connection, or neither. */
function remedy(err: unknown): "stop preparing" | "new connection" | null {
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  // 26000: a statement we prepared does not exist; 42P05: one we did not prepare does.
  if (preparing && (code === "26000" || code === "42P05")) return "stop preparing";
  // A migration changed a table under a prepared statement: that connection's statements are stale.
  if (code === "0A000" && message?.includes("cached plan must not change result type")) return "new connection";
  return null;
}

/**
 * `work` on a pooled connection, once more on another if the first failed in a way `remedy` can fix. `work` may
 * call `discard` to keep its connection from being handed to anyone else.
 */
async function onConnection<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, discard: () => void) => Promise<T>,
  retried = false,
): Promise<T> {
  const client = await pool.connect();
  let discarded = false;
  let fix: ReturnType<typeof remedy> = null;
  try {
    return await work(client, () => (discarded = true));
  } catch (err) {
    fix = remedy(err);
    if (!fix || retried) throw err;
  } finally {
    client.release(discarded || fix !== null);
  }
  if (fix === "stop preparing") {
    preparing = false;
    console.error(
      "sift: prepared statements went missing between transactions (a pooler in transaction mode?); sending statements whole",
    );
  }
  return onConnection(pool, work, true);
}

export async function rows<T>(pool: pg.Pool, query: Prisma.Sql): Promise<T[]> {
  return onConnection(pool, async (client) => {
    const config = preparing
      ? { name: statementName("q", query.text), text: query.text, values: query.values }
      : { text: query.text, values: query.values };
    return (await client.query(config)).rows as T[];
  });
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

/** The statement itself with its parameters as escaped literals, for when nothing is prepared. */
export function inline(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (_, n: string) => literal(query.values[Number(n) - 1]));
}

/** The names of the statements prepared (by `transaction`) on each pooled connection. */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * A transaction that costs no round trip of its own: statements go in batches, one round trip each (the simple
 * query protocol takes several at once), BEGIN travels with the first batch and COMMIT with the one marked
 * `commit`. A statement new to the connection travels with its PREPARE. Each statement still takes its own
 * snapshot, so one that follows a lock in the same batch sees what was committed while the lock was awaited.
 * Any error rolls back, and is rethrown; `work` may be run twice (see onConnection), so it must do nothing but
 * its batches.
 */
export async function transaction<T>(pool: pg.Pool, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  return onConnection(pool, async (client, discard) => {
    const prepared = preparedOn.get(client) ?? new Set<string>();
    preparedOn.set(client, prepared);
    let open = false;
    let carriesPrepare = false;
    const tx: SqlTransaction = {
      async batch(queries, options) {
        const named = queries.map((query) => ({ query, name: statementName("b", query.text) }));
        const prepares = preparing
          ? [
              ...new Map(
                named.filter((n) => !prepared.has(n.name)).map((n) => [n.name, `PREPARE ${n.name} AS ${n.query.text}`]),
              ),
            ]
          : [];
        const begin = !open;
        open = true;
        carriesPrepare = prepares.length > 0;
        const text = [
          ...prepares.map(([, prepare]) => prepare),
          ...(begin ? ["BEGIN"] : []),
          ...named.map((n) => (preparing ? execute(n.name, n.query) : inline(n.query))),
          ...(options?.commit ? ["COMMIT"] : []),
        ].join(";\n");
        const out = await client.query(text);
        for (const [name] of prepares) prepared.add(name);
        carriesPrepare = false;
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
      if (open) {
        await client
          .query(carriesPrepare ? "ROLLBACK;\nSELECT name FROM pg_prepared_statements" : "ROLLBACK")
          .then((out) => {
            if (!carriesPrepare) return;
            const listed = (out as unknown as pg.QueryResult[])[1]!.rows as { name: string }[];
            prepared.clear();
            for (const { name } of listed) prepared.add(name);
          })
          .catch(discard);
      }
      throw err;
    }
  });
}

export interface SqlTransaction {
  /** These statements in one round trip (after BEGIN, for the first batch), and COMMIT after them if `commit`. */
  batch(queries: Prisma.Sql[], options?: { commit?: boolean }): Promise<unknown[][]>;
}
