// `sift export prisma-2020` run for real against the test database.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../config/paths";
import { makeTeam, testDb } from "../test/integration";

const run = promisify(execFile);

function sift(args: string[]) {
  return run(process.execPath, [path.join(projectRoot, "bin/sift.mjs"), ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    timeout: 60_000,
    encoding: "buffer",
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr.toString() }),
    (e: { code: number; stdout: Buffer; stderr: Buffer }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr.toString(),
    }),
  );
}

describe("sift export prisma-2020", () => {
  it("writes the template CSV to standard output and the PNG to a file, warning of identities that fail", async () => {
    const db = testDb();
    const { review } = await makeTeam(db);
    const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
    await db.record.createMany({
      data: ["One", "Two"].map((title) => ({ reviewId: review.id, sourceId: source.id, title })),
    });

    const csv = await sift(["export", "prisma-2020", "--review", review.slug, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.toString()).toMatch(/^database_specific_results,.*,"PubMed, 2"$/m);
    expect(csv.stdout.toString()).toMatch(/^records_screened,.*,2$/m);
    // Neither record has been screened yet, so "screened = excluded + sought" cannot hold.
    expect(csv.stderr).toContain(
      "sift: warning: records_screened = records_excluded + dbr_sought_reports does not hold (2 vs 0); 2 behind it",
    );

    const out = path.join(await mkdtemp(path.join(os.tmpdir(), "sift-prisma-")), "flow.png");
    const png = await sift(["export", "prisma", "--review", review.slug, "--format", "png", "--out", out]);
    expect(png.code).toBe(0);
    expect((await readFile(out)).subarray(1, 4).toString()).toBe("PNG");
  });

  it("refuses an unknown format and an unknown review in one line", async () => {
    const format = await sift(["export", "prisma", "--review", "whatever", "--format", "docx"]);
    expect(format).toMatchObject({ code: 1, stderr: 'sift: unknown format "docx"; use one of svg, png, pdf, csv\n' });
    const review = await sift(["export", "prisma", "--review", "no-such-review", "--format", "csv"]);
    expect(review).toMatchObject({ code: 1, stderr: 'sift: No review has the handle "no-such-review".\n' });
  });
});
