import pg from "pg";

const globalForPool = globalThis as unknown as { siftPool?: pg.Pool };

/** Plain pg connections, for the few jobs Prisma cannot do (COPY for bulk imports). */
export function pgPool(): pg.Pool {
  if (!globalForPool.siftPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForPool.siftPool = guardPool(new pg.Pool({ connectionString: url, max: 4 }), "bulk connections");
  }
  return globalForPool.siftPool;
}

// Class 08 (connection exception), 57P01–57P03 (the server is shutting down, crashed or starting), and what
// node-postgres and the socket report when the server goes away without a word.
const CONNECTION_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect/i;

/** True when `err` says the database went away (a restart, a failover, a lost network), not that a statement was wrong. */
export function isConnectionError(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
  return typeof message === "string" && CONNECTION_MESSAGES.test(message);
}

const REPORT_EVERY_MS = 10_000;

/** One line per outage and kind of connection, not one per connection the restart ended. */
function reporter(label: string): (err: Error) => void {
  let last = 0;
  return (err) => {
    if (Date.now() - last < REPORT_EVERY_MS) return;
    last = Date.now();
    console.error(`sift: ${label}: the database connection was lost (${err.message}); reconnecting as needed`);
  };
}

/**
 * node-postgres reports a connection that dies (PostgreSQL restarting ends every session with 57P01) as an
 * `error` event on the pool when the connection was idle, and on the client itself when it was checked out; an
 * event nobody listens to ends the process. With these listeners the dead connection is dropped, the statement in
 * flight (if any) fails on its own, and the next one gets a new connection.
 */
export function guardPool(pool: pg.Pool, label: string): pg.Pool {
  const report = reporter(label);
  pool.on("error", report);
  pool.on("connect", (client) => client.on("error", report));
  return pool;
}

/** The same for a connection made on its own, outside any pool: its failed statement still rejects. */
export function guardClient<C extends pg.Client>(client: C, label: string): C {
  client.on("error", reporter(label));
  return client;
}
