// Every measure × model × option against metafor's own results (reference/make-reference.R wrote
// reference/reference.json with R's metafor; the numbers are committed so this test needs no R).
import { describe, expect, it } from "vitest";
import { analyse, resolveOptions } from "./analyse";
import { eggerTest } from "./egger";
import { leaveOneOut } from "./leave-one-out";
import { metaRegression } from "./meta-regression";
import reference from "./reference/reference.json";
import { subgroupAnalysis } from "./subgroups";
import type { Measure, Model, Study, Tau2Method, VarianceType } from "./types";

interface Case {
  name: string;
  options: { measure: Measure; model: Model; vtype: VarianceType; tau2?: Tau2Method; ci?: "wald" | "hksj" };
  data: string;
  expected: Record<string, number | number[] | null>;
}
const datasets = reference.datasets as unknown as Record<string, Study[]>;
const cases = reference.cases as unknown as Case[];

/** Agreement to 1e-10 relative to the size of the number (absolute below 1): the engine runs metafor's own algorithms. */
function close(actual: number | null | undefined, expected: unknown, what: string) {
  if (expected === null || expected === undefined || expected === "NA") return;
  expect(actual, what).not.toBeNull();
  const e = Number(expected);
  expect(Math.abs((actual as number) - e), `${what}: ${actual} vs metafor ${e}`).toBeLessThanOrEqual(
    1e-10 * Math.max(1, Math.abs(e)),
  );
}

describe("the engine agrees with metafor", () => {
  it("covers every measure and model", () => {
    const covered = new Set(cases.map((c) => `${c.options.measure} ${c.options.model}`));
    for (const m of ["MD", "SMD", "ROM", "RR", "OR", "RD", "HR", "PLO", "PFT", "MN"])
      for (const model of ["random", "fixed"]) expect(covered).toContain(`${m} ${model}`);
    for (const m of ["RR", "OR", "RD"]) expect(covered).toContain(`${m} mh`);
    expect(covered).toContain("OR peto");
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const studies = datasets[c.data] ?? [];
    const result = analyse(studies, {
      measure: c.options.measure,
      model: c.options.model,
      tau2Method: c.options.tau2,
      ci: c.options.ci,
      vtype: c.options.vtype,
    });
    const x = c.expected;
    result.studies.forEach((s, i) => {
      close(s.yi, (x.yi as number[])[i], `yi[${i}]`);
      close(s.vi, (x.vi as number[])[i], `vi[${i}]`);
      close(s.weight, (x.weights as number[])[i], `weight[${i}]`);
    });
    const p = result.pooled;
    expect(p).not.toBeNull();
    if (!p) return;
    close(p.estimate, x.estimate, "estimate");
    close(p.se, x.se, "se");
    close(p.ciLower, x.ci_lower, "ci_lower");
    close(p.ciUpper, x.ci_upper, "ci_upper");
    close(p.statistic, x.statistic, "statistic");
    close(p.pValue, x.p, "p");
    close(p.q, x.q, "Q");
    close(p.qP, x.q_p, "Q p");
    close(p.i2, x.i2, "I²");
    close(p.h2, x.h2, "H²");
    if (c.options.model === "random") {
      close(p.tau2, x.tau2, "τ²");
      close(p.piLower, x.pi_lower, "pi_lower");
      close(p.piUpper, x.pi_upper, "pi_upper");
      close(p.tau2CiLower, x.tau2_ci_lower, "τ² CI lower");
      close(p.tau2CiUpper, x.tau2_ci_upper, "τ² CI upper");
      close(p.i2CiLower, x.i2_ci_lower, "I² CI lower");
      close(p.i2CiUpper, x.i2_ci_upper, "I² CI upper");
    }
  });
});

describe("sensitivity, subgroups, meta-regression and Egger's test agree with metafor on dat.bcg", () => {
  const studies = datasets["dat.bcg"] ?? [];
  const chosen = { measure: "RR", model: "random", tau2Method: "REML", ci: "hksj" } as const;
  const options = resolveOptions(chosen);
  const bcg = reference.bcg;

  it("leave-one-out (leave1out)", () => {
    const out = leaveOneOut(options, studies);
    out.forEach((o, i) => {
      close(o.pooled.estimate, bcg.leave_one_out.estimate[i], `estimate without ${o.label}`);
      close(o.pooled.se, bcg.leave_one_out.se[i], `se without ${o.label}`);
      close(o.pooled.tau2, bcg.leave_one_out.tau2[i], `τ² without ${o.label}`);
      close(o.pooled.i2, bcg.leave_one_out.i2[i], `I² without ${o.label}`);
    });
  });

  it("subgroups by allocation and the test for subgroup differences", () => {
    const analysis = subgroupAnalysis(options, studies);
    for (const expected of bcg.subgroups.groups) {
      const g = analysis.subgroups.find((s) => s.name === expected.name);
      close(g?.estimate, expected.estimate, `${expected.name} estimate`);
      close(g?.se, expected.se, `${expected.name} se`);
      close(g?.pooled?.tau2, expected.tau2, `${expected.name} τ²`);
    }
    close(analysis.qBetween, bcg.subgroups.q_between, "Q between");
    close(analysis.p, bcg.subgroups.q_between_p, "Q between p");
  });

  it("meta-regression on absolute latitude (REML + Knapp–Hartung)", () => {
    const effects = analyse(studies, chosen).studies.map((s) => ({ yi: s.yi, vi: s.vi, corrected: false }));
    const reg = metaRegression(
      effects,
      studies.map((s) => s.covariate ?? Number.NaN),
    );
    const x = bcg.meta_regression;
    close(reg.intercept, x.intercept, "intercept");
    close(reg.slope, x.slope, "slope");
    close(reg.se[0], x.se[0], "intercept se");
    close(reg.se[1], x.se[1], "slope se");
    close(reg.p[1], x.p[1], "slope p");
    close(reg.tau2, x.tau2, "residual τ²");
    close(reg.r2, x.r2, "R²");
  });

  it("Egger's regression test (regtest, model = 'lm')", () => {
    const effects = analyse(studies, chosen).studies.map((s) => ({ yi: s.yi, vi: s.vi, corrected: false }));
    const egger = eggerTest(effects);
    close(egger?.statistic, bcg.egger.statistic, "t");
    close(egger?.p, bcg.egger.p, "p");
    expect(egger?.df).toBe(bcg.egger.df);
  });
});
