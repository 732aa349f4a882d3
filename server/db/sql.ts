// Statements built with Prisma.sql (which numbers the parameters) run straight on the pg pool: for hot paths
// where Prisma's one-query-per-call would cost several round trips. pg returns bigint as a string and parses
// timestamps in local time, so such statements return neither (cast to int or text in SQL).
import type pg from "pg";
import type { Prisma } from "./generated/client.ts";

export async function rows<T>(on: pg.Pool | pg.PoolClient, query: Prisma.Sql): Promise<T[]> {
  return (await on.query(query.text, query.values)).rows as T[];
}

/** BEGIN … COMMIT on one pooled connection; ROLLBACK on any error, which is rethrown. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    // A connection that cannot even roll back is not handed to anyone else.
    await client.query("ROLLBACK").catch(() => (broken = true));
    throw err;
  } finally {
    client.release(broken);
  }
}
