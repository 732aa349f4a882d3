// The metafor script a user downloads: its text, and — where R with metafor is installed — that running it gives
// the engine's numbers. Without R the second part is skipped, and says so.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type AnalysisOptions, analyse } from "./analyse";
import { metaforScript } from "./r-script";
import reference from "./reference/reference.json";
import type { Study } from "./types";

const datasets = reference.datasets as unknown as Record<string, Study[]>;
const bcg = datasets["dat.bcg"] ?? [];

describe("metaforScript", () => {
  it("carries the data and spells out every option", () => {
    const script = metaforScript(bcg.slice(0, 3), { measure: "OR", model: "random", tau2Method: "PM", ci: "wald" });
    expect(script).toContain('study = c("Aronson 1948", "Ferguson & Simes 1949", "Rosenthal et al 1960")');
    expect(script).toContain("ai = c(4, 6, 3)");
    expect(script).toContain('escalc(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat)');
    expect(script).toContain('rma(yi, vi, data = dat, slab = study, method = "PM", test = "z")');
    expect(script).not.toContain("regtest");
  });

  it("writes Mantel–Haenszel, Peto and pooled-SD variances in metafor's terms", () => {
    expect(metaforScript(bcg, { measure: "RR", model: "mh" })).toContain(
      'rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat, slab = study, measure = "RR")',
    );
    expect(metaforScript(bcg, { measure: "OR", model: "peto" })).toContain("rma.peto(");
    const md = metaforScript(datasets["dat.normand1999"] ?? [], { measure: "MD", model: "fixed", vtype: "HO" });
    expect(md).toContain('vtype = "HO"');
    expect(md).toContain('method = "EE"');
  });

  it("escapes study labels for R", () => {
    const odd: Study[] = [{ label: 'O"Brien \\ 2001', data: { kind: "single-binary", events: 3, n: 20 } }];
    expect(metaforScript(odd, { measure: "PLO", model: "fixed" })).toContain('study = c("O\\"Brien \\\\ 2001")');
  });
});

const hasMetafor = spawnSync("Rscript", ["-e", "library(metafor)"], { stdio: "ignore" }).status === 0;
if (!hasMetafor)
  console.warn("r-script.test.ts: Rscript with metafor is not installed; running the scripts in R is skipped");

describe.skipIf(!hasMetafor)("the script run in R gives the engine's numbers", () => {
  const cases: [string, Study[], AnalysisOptions][] = [
    ["RR, REML + HKSJ", bcg, { measure: "RR", model: "random" }],
    ["OR, Mantel–Haenszel", bcg, { measure: "OR", model: "mh" }],
    ["OR, Peto", bcg, { measure: "OR", model: "peto" }],
    [
      "MD, PM + Wald, pooled SD",
      datasets["dat.normand1999"] ?? [],
      { measure: "MD", model: "random", tau2Method: "PM", ci: "wald", vtype: "HO" },
    ],
    ["PFT, DL", datasets["dat.pritz1997"] ?? [], { measure: "PFT", model: "random", tau2Method: "DL" }],
    ["HR, fixed", datasets["dat.bcg log RR as generic"] ?? [], { measure: "HR", model: "fixed" }],
    [
      "NMD, REML",
      (datasets["dat.normand1999"] ?? []).map((s) => ({ ...s, data: { ...s.data, mSham: 0 } }) as Study),
      { measure: "NMD", model: "random" },
    ],
  ];
  it.each(cases)(
    "%s",
    (_name, studies, options) => {
      const dir = mkdtempSync(path.join(tmpdir(), "sift-metafor-"));
      const file = path.join(dir, "analysis.R");
      const check = 'cat("\\nSIFT", sprintf("%.12g", c(res$beta, res$se, res$ci.lb, res$ci.ub, res$tau2)), "\\n")';
      writeFileSync(file, `${metaforScript(studies, options)}${check}\n`);
      const out = execFileSync("Rscript", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      const numbers = (out.split("SIFT")[1] ?? "").trim().split(/\s+/).map(Number);
      const p = analyse(studies, options).pooled;
      const ours = [p?.estimate, p?.se, p?.ciLower, p?.ciUpper, p?.tau2 ?? 0];
      for (const [i, x] of ours.entries())
        expect(Math.abs((x ?? Number.NaN) - (numbers[i] ?? Number.NaN))).toBeLessThan(
          1e-8 * Math.max(1, Math.abs(x ?? 0)),
        );
    },
    60_000,
  );
});
