// Jobs run in a child process of `sift start`, never on the web server's event loop: de-duplicating a large
// import is seconds of CPU that would otherwise stall every page and API call of that instance. The child also
// runs at a lower CPU priority, so on a small machine retraining rankings and importing take the cores the web
// server leaves idle instead of competing with requests.
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../config/paths";
import { isLoopback, niceBackends } from "../db/backend-priority";
import { db, poolOf } from "../db/client";
import { isConnectionError, pgPool } from "../db/pg-pool";
import { stopJobQueue } from "../jobs/queue";
import { startWorkers, stopWorkers } from "../jobs/workers";
import { JOB_HANDLERS } from "../wiring/job-handlers";

const RESTART_DELAY_MS = 1000;
const WORKER_NICENESS = 10;

/** Starts the worker child and keeps it running; the returned function stops it. */
export function superviseWorker(databaseUrl: string): () => Promise<void> {
  let child: ChildProcess | undefined;
  let stopping = false;
  const launch = () => {
    child = spawn(process.execPath, [path.join(projectRoot, "bin/sift.mjs"), "worker"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      // The IPC channel closes when this process dies, however it dies; the worker exits with it.
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    try {
      if (child.pid) os.setPriority(child.pid, Math.min(19, os.getPriority() + WORKER_NICENESS));
    } catch (err) {
      console.error(
        `sift: could not lower the job worker's priority (${(err as Error).message}); it runs at normal priority`,
      );
    }
    child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`sift: the job worker stopped (${code ?? signal}); starting it again`);
      setTimeout(launch, RESTART_DELAY_MS);
    });
  };
  launch();
  return async () => {
    stopping = true;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
}

/** `sift worker`: works queued jobs until told to stop or until its parent goes away. */
export async function runWorker(): Promise<void> {
  const stop = async () => {
    await stopJobQueue().catch(() => {});
    await stopWorkers().catch(() => {});
    process.exit(0);
  };
  // pg-boss writes a job's outcome without waiting for it, so with the database away (restarting) that write
  // fails as an unhandled rejection, which would end the worker and every job it runs. Such a job stays active
  // with nobody's lease and is recovered once the database is back (jobs/recovery.ts); anything else still ends
  // the process, as it would have.
  process.on("unhandledRejection", (reason) => {
    if (!isConnectionError(reason)) throw reason;
    console.error(`sift: the job queue could not reach the database (${(reason as Error).message}); carrying on`);
  });
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  process.once("disconnect", () => void stop());
  // Supervised beside the web server and its database: its queries yield too (see backend-priority.ts).
  if (process.send && isLoopback(process.env.DATABASE_URL ?? "")) {
    for (const pool of [poolOf(db()), pgPool()]) niceBackends(pool, os.getPriority());
  }
  await startWorkers(JOB_HANDLERS);
}
