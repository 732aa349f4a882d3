// On one machine with its database (the embedded one, or any on loopback), a niced job worker's queries would
// still run at full priority in PostgreSQL's backend processes. This lowers each backend the pool connects to
// the same niceness, so a retraining's reads and writes also yield to the web server's requests.
import os from "node:os";
import type pg from "pg";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopback(databaseUrl: string): boolean {
  try {
    return LOOPBACK.has(new URL(databaseUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * Nices the backend of each new connection to `niceness`, by the process id PostgreSQL sends when a session
 * starts (no query, so nothing queues ahead of the pool's own); a refusal (another user's process) is reported once.
 */
export function niceBackends(pool: pg.Pool, niceness: number): void {
  let reported = false;
  pool.on("connect", (client) => {
    const pid = (client as pg.PoolClient & { processID: number | null }).processID;
    try {
      if (pid) os.setPriority(pid, niceness);
    } catch (err) {
      if (!reported)
        console.error(`sift: the worker's database sessions keep their priority (${(err as Error).message})`);
      reported = true;
    }
  });
}
