// For the integration tests that kill workers and restart databases: a real `sift worker` process, and storage
// whose uploads are named pipes, so an import blocks reading its file for as long as a test needs it running.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config/paths";
import { checkKey, type FileStorage } from "../storage/file-storage";
import { localStorage } from "../storage/local-storage";

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL: no shutdown, no goodbye to the database, as when a machine dies or the kernel's OOM killer acts. */
  kill(): Promise<void>;
  /** SIGTERM, as `sift start` stops it. */
  stop(): Promise<void>;
}

export function spawnWorker(env: { DATABASE_URL: string; SIFT_STORAGE_DIR: string }): WorkerProcess {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin/sift.mjs"), "worker"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await ended;
  };
  return { child, output: () => output, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}

/** Local storage under `root`, except that put() leaves a named pipe where the file would be. */
export function pipeStorage(root: string): FileStorage {
  return {
    ...localStorage(root),
    async put(key, body) {
      let bytes = 0;
      for await (const chunk of body) bytes += (chunk as Buffer).length;
      const file = path.join(root, ...checkKey(key).split("/"));
      mkdirSync(path.dirname(file), { recursive: true });
      execFileSync("mkfifo", [file]);
      return { bytes };
    },
  };
}
