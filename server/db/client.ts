import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";
import { guardPool } from "./pg-pool";

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)`: domain functions accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * One pool per process, shared by Prisma and the hot paths that speak SQL directly (screening), so the number of
 * connections is decided here once. Fifty reviewers at once keep about a dozen statements in flight; more
 * connections than that only make PostgreSQL's two cores switch between them.
 */
export const POOL_SIZE = Number(process.env.SIFT_DB_POOL_SIZE ?? 16);

// Held on globalThis: Next.js bundles this module more than once (route handlers, Server Components), while the
// process-wide client below is made only once.
const globalForPools = globalThis as unknown as { siftPools?: WeakMap<Db, pg.Pool> };
const pools = (globalForPools.siftPools ??= new WeakMap<Db, pg.Pool>());

export function createDb(databaseUrl: string): Db {
  const pool = guardPool(new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE }), "database pool");
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool under a client made by createDb, for statements Prisma would split into several round trips. */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: this client was not made by createDb");
  return pool;
}

const globalForDb = globalThis as unknown as { siftDb?: Db };

/** The process-wide client for DATABASE_URL, which the launcher (server/cli/start.ts) sets before serving. */
export function db(): Db {
  if (!globalForDb.siftDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set; start Sift with `npm start`, which provides the database");
    globalForDb.siftDb = createDb(url);
  }
  return globalForDb.siftDb;
}
