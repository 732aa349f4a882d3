// `sift export bundle` and `sift restore` run for real against the test database.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../config/paths";
import { buildTestReview } from "../export/review.fixture";
import { testDb } from "../test/integration";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "sift-cli-bundle-"));

function sift(args: string[]) {
  return run(process.execPath, [path.join(projectRoot, "bin/sift.mjs"), ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("sift export bundle / sift restore", () => {
  it("exports a review to a file and restores it under a new slug, owned by the named account", async () => {
    const db = testDb();
    const { review, members } = await buildTestReview(db);
    const file = path.join(dir, "als.sift.gz");
    const exported = await sift(["export", "bundle", "--review", review.slug, "--out", file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file, review: review.slug, people: 5, tables: { records: 4 } });

    const slug = `restored-${Date.now()}`;
    const restored = await sift(["restore", file, "--slug", slug, "--owner", members.lead.email]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ review: slug, peopleMatched: 5, placeholdersCreated: 0 });
    const copy = await db.review.findUniqueOrThrow({ where: { slug } });
    expect(await db.record.count({ where: { reviewId: copy.id } })).toBe(4);
    expect(await db.membership.findFirst({ where: { reviewId: copy.id, userId: members.lead.id } })).toMatchObject({
      role: "owner",
    });
  }, 180_000);

  it("refuses a file that is not a bundle in one line, writing nothing", async () => {
    const bad = path.join(dir, "bad.sift.gz");
    writeFileSync(bad, "hello");
    const slug = `never-${Date.now()}`;
    const result = await sift(["restore", bad, "--slug", slug]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^sift: .*bad\.sift\.gz cannot be restored: the file cannot be read .*; nothing was written$/,
    );
    expect(await testDb().review.findUnique({ where: { slug } })).toBeNull();
    const missing = await sift(["export", "bundle", "--review", "no-such-review"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^sift: /);
  }, 120_000);
});
