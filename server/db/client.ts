import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)`: domain functions accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
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
