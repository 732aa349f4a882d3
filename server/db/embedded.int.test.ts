// The embedded server must come back after its owner was killed with SIGKILL, which skips every shutdown hook.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../config/paths";
import { startEmbeddedDatabase } from "./embedded";

const home = mkdtempSync(path.join(tmpdir(), "sift-embedded-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS one")).rows[0].one;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("restarts after its owner was killed with SIGKILL, and after a stale pid file", async () => {
    const owner = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `const { startEmbeddedDatabase } = await import("./server/db/embedded.ts"); await startEmbeddedDatabase(${JSON.stringify(home)}); console.log("up"); setInterval(() => {}, 1000);`,
      ],
      { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      owner.stdout!.on("data", (d) => String(d).includes("up") && resolve());
      owner.once("exit", (code) => reject(new Error(`owner exited early (${code})`)));
    });
    owner.kill("SIGKILL");

    const second = await startEmbeddedDatabase(home);
    expect(await selectOne(second.serverUrl)).toBe(1);
    await second.stop();

    writeFileSync(path.join(home, "postgres", "postmaster.pid"), "999999\n/nowhere\n");
    const third = await startEmbeddedDatabase(home);
    expect(await selectOne(third.serverUrl)).toBe(1);
    await third.stop();
  }, 60_000);
});
