// Runs the real `sift` command against the test database.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { resetPassword } from "../auth/password-reset";
import { resetTokenHash } from "../auth/reset-link";
import { verifyCredentials } from "../auth/users";
import { projectRoot } from "../config/paths";
import { ensureDatabaseExists } from "../db/database";
import { DEMO_ACCOUNTS } from "../demo/seed-demo";
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

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0);
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe("sift CLI", () => {
  it("creates a user, refuses the same email again in one line, and reports migrations", async () => {
    const email = uniqueEmail("cli");
    const created = await sift(["user", "create", "--email", email, "--name", "CLI User"], {
      SIFT_PASSWORD: "cli password 123",
    });
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining(`created ${email}`) });
    const again = await sift(["user", "create", "--email", email, "--name", "Again", "--password", "cli password 123"]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe("sift: An account with this email already exists. Sign in instead.");
    const status = await sift(["db", "status"]);
    expect(status).toMatchObject({ code: 0, stdout: expect.stringMatching(/^applied {2}\d+_init$/m) });
    const reviews = await sift(["review", "list", "--member", email, "--json"]);
    expect(reviews).toMatchObject({ code: 0, stdout: "" });
  });

  it("prints a one-time password reset link for an account, and says so plainly for an unknown address", async () => {
    const email = uniqueEmail("forgot");
    await sift(["user", "create", "--email", email, "--name", "Forgetful"], { SIFT_PASSWORD: "first password 123" });
    const reset = await sift(["user", "reset-password", email.toUpperCase()], { SIFT_URL: "https://sift.example.org" });
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/^https:\/\/sift\.example\.org\/reset-password\/[A-Za-z0-9_-]{32}\n$/);
    expect(reset.stderr).toContain(`hand this link to ${email}; it works once`);
    const token = reset.stdout.trim().split("/").pop()!;
    const db = testDb();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const link = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(link).toMatchObject({ channel: "cli", usedAt: null, tokenHash: resetTokenHash(token) });
    expect((link.expiresAt.getTime() - link.createdAt.getTime()) / 3_600_000).toBe(24);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset_issued", entityId: user.id } })).toBe(1);
    await resetPassword(db, token, "second password 456");
    expect((await verifyCredentials(db, { email, password: "second password 456" })).id).toBe(user.id);

    const unknown = await sift(["user", "reset-password", "nobody-at-all@test.sift"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("sift: No account has the email nobody-at-all@test.sift.");
  });

  it("says in one line that the database is unreachable, and that a port is taken", async () => {
    const down = await sift(["db", "status"], { DATABASE_URL: "postgresql://sift:x@127.0.0.1:1/sift" });
    expect(down.code).toBe(1);
    expect(down.stderr.trim()).toMatch(
      /^sift: cannot reach the database at 127\.0\.0\.1:1\/sift \(.*ECONNREFUSED.*\)$/,
    );

    const blocker = net.createServer().listen(0);
    await new Promise((r) => blocker.once("listening", r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const taken = await sift(["start", "--port", String(port)], { SIFT_URL: "http://localhost" });
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
    const [first, second] = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(first).toEqual({ file: good, format: "ris", records: 3, skipped: 0, diagnostics: [] });
    expect(second.error).toMatch(/not a bibliographic export/);
  });

  it("import --review --source imports for real, de-duplicates and reports it", async () => {
    const { review } = await makeTeam(testDb());
    const files = ["als-small.ris", "als-small-embase.ris"].map((f) =>
      path.join(projectRoot, "server/import/__fixtures__", f),
    );
    const first = await sift(["import", "--review", review.slug, "--source", "PubMed", files[0]!]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      status: "succeeded",
      format: "ris",
      records: 3,
      skipped: 0,
      duplicatesMerged: 0,
    });
    const second = await sift(["import", "--review", review.slug, "--source", "Embase", files[1]!]);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: "succeeded", records: 2, duplicatesMerged: 1 });
    const sources = await testDb().source.findMany({ where: { reviewId: review.id }, orderBy: { name: "asc" } });
    expect(sources.map((s) => [s.name, s.kind])).toEqual([
      ["Embase", "database"],
      ["PubMed", "database"],
    ]);
  });

  it("import does not import a file the review holds already unless --allow-duplicate says to", async () => {
    const { review } = await makeTeam(testDb());
    const file = path.join(projectRoot, "server/import/__fixtures__", "als-small.ris");
    expect((await sift(["import", "--review", review.slug, "--source", "PubMed", file])).code).toBe(0);
    const again = await sift(["import", "--review", review.slug, "--source", "PubMed", file]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({
      status: "awaiting_confirmation",
      error: expect.stringMatching(/holds this file already/),
      duplicateCheck: { reason: "same_file" },
    });
    const allowed = await sift(["import", "--review", review.slug, "--source", "PubMed", "--allow-duplicate", file]);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ status: "succeeded", records: 3, duplicatesMerged: 3 });
  });

  it("refuses to start for other people without SIFT_URL or a trusted proxy, saying which to set", async () => {
    const refused = await sift(["start", "--port", "1"], { SIFT_URL: "", SIFT_TRUST_PROXY: "" });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      "sift: with DATABASE_URL, set SIFT_URL to the address people open Sift at (e.g. https://sift.example.org), " +
        "or SIFT_TRUST_PROXY=1 if a proxy you control sets X-Forwarded-Host; otherwise invitation links would " +
        "follow whatever host a request names",
    );
    const typo = await sift(["start", "--port", "1"], { SIFT_URL: "", SIFT_TRUST_PROXY: "true" });
    expect(typo.stderr.trim()).toMatch(/^sift: SIFT_TRUST_PROXY is "true"; set it to 1 /);
  });

  it("demo reset refuses DATABASE_URL's database without --force", async () => {
    const refused = await sift(["demo", "reset"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^sift: DATABASE_URL is set: this would put the demo review .* add --force/);
  });

  it("start puts the demo review into DATABASE_URL's database only when --demo asks for it", {
    timeout: 240_000,
  }, async () => {
    // A database of its own, to see exactly what start writes, and a stand-in build that Next fails to load
    // right after the demo step, so the test needs neither a real build nor a free port for long.
    const dist = `.next-cli-demo-${randomBytes(4).toString("hex")}`;
    mkdirSync(path.join(projectRoot, dist));
    writeFileSync(path.join(projectRoot, dist, "BUILD_ID"), "stand-in");
    // Dated ahead, so sources edited meanwhile never make start think it must build for real.
    const later = new Date(Date.now() + 24 * 3600_000);
    utimesSync(path.join(projectRoot, dist, "BUILD_ID"), later, later);
    const home = mkdtempSync(path.join(tmpdir(), "sift-cli-demo-"));
    const demoAccounts = async (args: string[]) => {
      const url = await ensureDatabaseExists(inject("serverUrl"), `sift_cli_demo_${randomBytes(4).toString("hex")}`);
      const started = await sift(["start", "--port", String(await freePort()), ...args], {
        DATABASE_URL: url,
        SIFT_URL: "http://localhost",
        SIFT_DIST_DIR: dist,
        SIFT_HOME: home,
      });
      expect(started.stdout).toContain("applied migrations");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM users WHERE email = ANY($1)`,
          [DEMO_ACCOUNTS.map((a) => a.email)],
        );
        return rows[0]!.n;
      } finally {
        await client.end();
      }
    };
    try {
      expect(await demoAccounts([])).toBe(0);
      expect(await demoAccounts(["--demo"])).toBe(DEMO_ACCOUNTS.length);
    } finally {
      rmSync(path.join(projectRoot, dist), { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
