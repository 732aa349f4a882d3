// Runs real `sift start` processes the way a user does (production build, embedded PostgreSQL in its own
// SIFT_HOME) but bound to loopback. Whatever is started here is stopped and removed, even on Ctrl-C.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../server/db/free-port";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

const START_TIMEOUT_MS = 60_000;
// Only when `sift start` finds the build stale after our check (someone saved a file) and rebuilds first.
const REBUILD_TIMEOUT_MS = 5 * 60_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_MS = 50;
const OUTPUT_CHUNKS_KEPT = 200;

export interface RunningServer {
  url: string;
  /** From spawning `sift start` to the first 200 on GET /. */
  startupMs: number;
  /** The sources changed after ensureBuilt, so startupMs includes a `next build` and measures nothing useful. */
  rebuilt: boolean;
  stop(): Promise<void>;
}

// Run newest first on a signal, so servers stop before their SIFT_HOME is deleted under them.
const cleanups = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => {});
    process.exit(130);
  });
}

/** Builds, untimed, when the build is missing or older than the sources: the same check `sift start` makes. */
export async function ensureBuilt(): Promise<void> {
  process.env.SIFT_ROOT ??= projectRoot; // server/config/paths reads it once, when first imported
  const { buildIsStale, runBuild } = await import("../../server/cli/build");
  if (!buildIsStale()) return;
  console.log("bench: building the app first (not timed)…");
  await runBuild();
}

/** A fresh SIFT_HOME, deleted afterwards. */
export async function withTempHome<T>(fn: (home: string) => Promise<T>): Promise<T> {
  const home = mkdtempSync(path.join(os.tmpdir(), "sift-bench-"));
  const remove = async () => rmSync(home, { recursive: true, force: true });
  cleanups.add(remove);
  try {
    return await fn(home);
  } finally {
    cleanups.delete(remove);
    await remove();
  }
}

function serverEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SIFT_HOME: home, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL; // a bench must never write to a real database, and it measures the embedded one
  return env;
}

async function answers200(url: string, deadline: number): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now()))) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch (err) {
    // fetch reports "not listening yet" (and resets while Next starts) as a TypeError; anything else is a bug.
    if (err instanceof TypeError || (err as Error).name === "TimeoutError") return false;
    throw err;
  }
}

/** Starts `sift start --no-demo` on a free loopback port and resolves once GET / answers 200. */
export async function startServer(home: string): Promise<RunningServer> {
  await ensureBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, "bin/sift.mjs"), "start", "--port", String(port), "--host", "127.0.0.1", "--no-demo"],
    { cwd: projectRoot, env: serverEnv(home), stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const output: string[] = [];
  let rebuilt = false;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    if (text.includes("building the app")) rebuilt = true;
    output.push(text);
    if (output.length > OUTPUT_CHUNKS_KEPT) output.shift();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);

  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    cleanups.delete(stop);
    if (!running()) return;
    child.kill("SIGINT"); // `sift start` then stops its embedded PostgreSQL before it exits
    const kill = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(kill);
  };
  cleanups.add(stop);

  // Never abort a rebuild half-way: its `next build` child would go on writing .next on its own.
  const deadline = () => started + START_TIMEOUT_MS + (rebuilt ? REBUILD_TIMEOUT_MS : 0);
  while (performance.now() < deadline()) {
    if (!running()) {
      await stop();
      throw new Error(`sift start exited (${child.exitCode ?? child.signalCode}) before serving:\n${output.join("")}`);
    }
    if (await answers200(`${url}/`, deadline())) {
      return { url, startupMs: performance.now() - started, rebuilt, stop };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  await stop();
  throw new Error(`${url}/ did not answer 200 in time; server output:\n${output.join("")}`);
}
