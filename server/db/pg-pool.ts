import pg from "pg";

const globalForPool = globalThis as unknown as { siftPool?: pg.Pool };

/** Plain pg connections, for the few jobs Prisma cannot do (COPY for bulk imports). */
export function pgPool(): pg.Pool {
  if (!globalForPool.siftPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForPool.siftPool = new pg.Pool({ connectionString: url, max: 4 });
  }
  return globalForPool.siftPool;
}
