// Runs the real `sift` command against the test database.
import { execFile } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../config/paths";
import { makeTeam, testDb, uniqueEmail } from "../test/integration";

const run = promisify(execFile);

function sift(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [path.join(projectRoot, "bin/sift.mjs"), ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), ...env },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("sift CLI", () => {
  it("creates a user, refuses the same email again in one line, and reports migrations", async () => {
    const email = uniqueEmail("cli");
    const created = await sift(["user", "create", "--email", email, "--name", "CLI User"], { SIFT_PASSWORD: "cli password 123" });
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining(`created ${email}`) });
    const again = await sift(["user", "create", "--email", email, "--name", "Again", "--password", "cli password 123"]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe("sift: An account with this email already exists. Sign in instead.");
    const status = await sift(["db", "status"]);
    expect(status).toMatchObject({ code: 0, stdout: expect.stringMatching(/^applied {2}\d+_init$/m) });
    const reviews = await sift(["review", "list", "--member", email, "--json"]);
    expect(reviews).toMatchObject({ code: 0, stdout: "" });
  });

  it("says in one line that the database is unreachable, and that a port is taken", async () => {
    const down = await sift(["db", "status"], { DATABASE_URL: "postgresql://sift:x@127.0.0.1:1/sift" });
    expect(down.code).toBe(1);
    expect(down.stderr.trim()).toMatch(/^sift: cannot reach the database at 127\.0\.0\.1:1\/sift \(.*ECONNREFUSED.*\)$/);

    const blocker = net.createServer().listen(0);
    await new Promise((r) => blocker.once("listening", r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const taken = await sift(["start", "--port", String(port)]);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain(`sift: port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("import --dry-run prints one JSON line per file and fails on a file that is no export", async () => {
    const good = path.join(projectRoot, "server/import/__fixtures__/als-small.ris");
    const result = await sift(["import", "--dry-run", good, path.join(projectRoot, "package.json")]);
    expect(result.code).toBe(1);
    const [first, second] = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(first).toEqual({ file: good, format: "ris", records: 3, skipped: 0, diagnostics: [] });
    expect(second.error).toMatch(/not a bibliographic export/);
  });

  it("import --review --source imports for real, de-duplicates and reports it", async () => {
    const { review } = await makeTeam(testDb());
    const files = ["als-small.ris", "als-small-embase.ris"].map((f) => path.join(projectRoot, "server/import/__fixtures__", f));
    const first = await sift(["import", "--review", review.slug, "--source", "PubMed", files[0]!]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: "succeeded", format: "ris", records: 3, skipped: 0, duplicatesMerged: 0 });
    const second = await sift(["import", "--review", review.slug, "--source", "Embase", files[1]!]);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: "succeeded", records: 2, duplicatesMerged: 1 });
    const sources = await testDb().source.findMany({ where: { reviewId: review.id }, orderBy: { name: "asc" } });
    expect(sources.map((s) => [s.name, s.kind])).toEqual([["Embase", "database"], ["PubMed", "database"]]);
  });
});
