// `sift analyse` as a user runs it: the real command on a CSV file (it needs no database).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../config/paths";

const run = promisify(execFile);
const sift = (args: string[]) =>
  run(process.execPath, [path.join(projectRoot, "bin/sift.mjs"), ...args], { timeout: 60_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

// dat.bcg's first four trials (Colditz et al. 1994), as metafor ships them.
const CSV = `study,events1,n1,events2,n2
Aronson 1948,4,123,11,139
Ferguson & Simes 1949,6,306,29,303
Rosenthal et al 1960,3,231,11,220
Hart & Sutherland 1977,62,13598,248,12867
`;

describe("sift analyse", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sift-analyse-"));
  const input = path.join(dir, "bcg.csv");
  writeFileSync(input, CSV);

  it("prints one JSON object with the issue's fields, and writes the metafor script", async () => {
    const script = path.join(dir, "bcg.R");
    const r = await sift([
      "analyse",
      "--input",
      input,
      "--measure",
      "RR",
      "--model",
      "random",
      "--tau2",
      "DL",
      "--ci",
      "wald",
      "--json",
      "--r-script",
      script,
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining([
        "k",
        "estimate",
        "se",
        "ci_lower",
        "ci_upper",
        "pi_lower",
        "pi_upper",
        "tau2",
        "tau2_ci_lower",
        "tau2_ci_upper",
        "i2",
        "q",
        "q_p",
        "egger_p",
        "studies",
      ]),
    );
    expect(out.k).toBe(4);
    expect(out.tau2_method).toBe("DL");
    expect(out.egger_p).toBeNull();
    expect(out.studies[0]).toMatchObject({ study: "Aronson 1948" });
    expect(out.studies.reduce((s: number, x: { weight: number }) => s + x.weight, 0)).toBeCloseTo(100, 8);
    expect(readFileSync(script, "utf8")).toContain('method = "DL", test = "z"');
  }, 60_000);

  it("stops at bad input with one line naming the row", async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, `${CSV}Broken,12,10,3,30\n`);
    const r = await sift(["analyse", "--input", bad, "--measure", "OR"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("sift: line 6 (Broken): events1 (12) is more than n1 (10)");
    const wrong = await sift(["analyse", "--input", input, "--measure", "MD"]);
    expect(wrong.stderr.trim()).toMatch(
      /^sift: the file has no column m1, sd1, m2, sd2; MD needs study,m1,sd1,n1,m2,sd2,n2$/,
    );
  }, 60_000);

  it("lists the CSV columns in its help", async () => {
    const r = await sift(["analyse", "--help"]);
    expect(r.stdout).toContain("RR, OR, RD         study,events1,n1,events2,n2");
    expect(r.stdout).toMatch(/--measure <measure>.*choices: "MD", "SMD"/s);
  }, 60_000);
});
