// Gives the integration tests a database of their own: a fresh embedded cluster per run in a temporary folder
// (never the user's .sift), or a fresh database on the server in TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureDatabaseExists, withDatabaseName } from "../db/database";
import { startEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  // A cluster per run, so two test runs at once (two terminals, or CI beside a developer) never stop each other's.
  const home = external ? null : mkdtempSync(path.join(tmpdir(), "sift-test-"));
  const server = home ? await startEmbeddedDatabase(home) : null;
  const serverUrl = external ? withDatabaseName(external, "postgres") : server!.serverUrl;
  const name = `sift_test_${Date.now().toString(36)}_${process.pid}`;
  const databaseUrl = await ensureDatabaseExists(serverUrl, name);
  await migrate(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("serverUrl", serverUrl);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    await server?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  };
}
