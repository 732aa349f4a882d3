// Gives the integration tests a database of their own: a fresh one per run on the test cluster (embedded,
// under .sift-test, never the user's .sift) or on the server in TEST_DATABASE_URL.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { projectRoot } from "../config/paths";
import { ensureDatabaseExists, withDatabaseName } from "../db/database";
import { startEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import pg from "pg";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? null : await startEmbeddedDatabase(path.join(projectRoot, ".sift-test"));
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
  };
}
