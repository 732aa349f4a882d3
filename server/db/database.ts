// Finds Sift its database: the server in DATABASE_URL, or else the embedded one under SIFT_HOME.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { siftHome } from "../config/paths";
import { processAlive, startEmbeddedDatabase } from "./embedded";
import { guardClient } from "./pg-pool";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

const APP_DATABASE = "sift";

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "the DATABASE_URL given";
  }
}

export function withDatabaseName(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function checkReachable(url: string): Promise<void> {
  const client = guardClient(
    new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 }),
    "database check",
  );
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new DatabaseUnavailableError(`cannot reach the database at ${describe(url)} (${e.message})`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureDatabaseExists(serverUrl: string, name: string): Promise<string> {
  const client = guardClient(new pg.Client({ connectionString: serverUrl }), "database creation");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (err) {
    // Two processes creating it at once: the loser sees a duplicate, which is the state it wanted.
    if ((err as { code?: string }).code !== "42P04") throw err;
  } finally {
    await client.end();
  }
  return withDatabaseName(serverUrl, name);
}

// ── the app lock: one running Sift owns the embedded server; other commands (the CLI) attach to it ──

interface AppLock {
  pid: number;
  databaseUrl: string;
}

const lockFile = () => path.join(siftHome(), "sift.pid.json");

export function runningApp(): AppLock | null {
  if (!existsSync(lockFile())) return null;
  try {
    const lock = JSON.parse(readFileSync(lockFile(), "utf8")) as AppLock;
    return lock.pid !== process.pid && processAlive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

export function writeAppLock(databaseUrl: string): () => void {
  writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, databaseUrl }), { mode: 0o600 });
  return () => rmSync(lockFile(), { force: true });
}

/**
 * Opens Sift's database: DATABASE_URL when set, else the embedded server (attaching to the one a running
 * Sift already started, or starting it). Throws DatabaseUnavailableError with one clear sentence.
 */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await checkReachable(configured);
    return { url: configured, embedded: false, close: async () => {} };
  }
  const running = runningApp();
  if (running) {
    await checkReachable(running.databaseUrl);
    return { url: running.databaseUrl, embedded: true, close: async () => {} };
  }
  let server: Awaited<ReturnType<typeof startEmbeddedDatabase>>;
  try {
    server = await startEmbeddedDatabase(siftHome(), log);
  } catch (err) {
    throw new DatabaseUnavailableError((err as Error).message);
  }
  try {
    const url = await ensureDatabaseExists(server.serverUrl, APP_DATABASE);
    return { url, embedded: true, close: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
