// A migrated database on a fresh embedded PostgreSQL in a temporary folder, for benches that load their own data;
// the cluster and the folder go when the work ends, however it ends.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabaseExists } from "../../server/db/database";
import { startEmbeddedDatabase } from "../../server/db/embedded";
import { migrate } from "../../server/db/migrate";

export async function withFreshDatabase<T>(
  label: string,
  work: (bench: { url: string; dir: string }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sift-bench-${label}-`));
  const server = await startEmbeddedDatabase(path.join(dir, "home"));
  try {
    const url = await ensureDatabaseExists(server.serverUrl, "bench");
    await migrate(url);
    return await work({ url, dir });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
