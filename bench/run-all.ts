// Runs every bench in this folder, one after another (side by side they would skew each other's timings), each
// in its own process so that one failing or hanging cannot take the others down with it.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.dirname(benchDir);
const BENCH_TIMEOUT_MS = 15 * 60_000;

const benches = readdirSync(benchDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== path.basename(fileURLToPath(import.meta.url)))
  .sort();

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(benchDir, file)], {
      cwd: projectRoot,
      stdio: "inherit",
    });
    // SIGINT, not SIGKILL: the bench then stops the servers it started and deletes their data.
    const timer = setTimeout(() => {
      console.error(`run-all: ${file} took over ${BENCH_TIMEOUT_MS / 60_000} min; interrupting it`);
      child.kill("SIGINT");
    }, BENCH_TIMEOUT_MS);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const failed: string[] = [];
for (const file of benches) {
  console.log(`\n── ${file} ──`);
  if ((await run(file)) !== 0) failed.push(file);
}
if (failed.length) {
  console.error(`\nrun-all: failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
