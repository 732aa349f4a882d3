import { createDb, type Db } from "../db/client";
import { openDatabase } from "../db/database";
import { migrate } from "../db/migrate";

/** Runs one CLI command against a migrated database, then lets go of it (and of the embedded server it started). */
export async function withDb<T>(work: (db: Db, url: string) => Promise<T>, options = { migrate: true }): Promise<T> {
  const database = await openDatabase();
  const db = createDb(database.url);
  try {
    if (options.migrate) await migrate(database.url);
    return await work(db, database.url);
  } finally {
    await db.$disconnect();
    await database.close();
  }
}
