import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config/paths";

const SOURCES = [
  "app",
  "server",
  "prisma",
  "public",
  "proxy.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "package.json",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (SKIP.has(entry) || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function distDir(): string {
  return path.join(projectRoot, process.env.SIFT_DIST_DIR ?? ".next");
}

/** A build is needed when there is none, or when a source file changed after it was made. */
export function buildIsStale(): boolean {
  const marker = path.join(distDir(), "BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(projectRoot, s)) > built);
}

export function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}
