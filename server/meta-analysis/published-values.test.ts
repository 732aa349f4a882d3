// The values the issue (#19) quotes from metafor's documentation and Viechtbauer's published examples, reproduced
// to 1e-4: dat.bcg (BCG vaccine trials, Colditz et al. 1994) as log risk ratios, and dat.normand1999 (stroke-unit
// length of stay, Normand 1999) as mean differences with unpooled (metafor's default) and pooled-SD variances.
import { describe, expect, it } from "vitest";
import { analyse } from "./analyse";
import reference from "./reference/reference.json";
import type { Study } from "./types";

const datasets = reference.datasets as unknown as Record<string, Study[]>;
const bcg = datasets["dat.bcg"] ?? [];
const normand = datasets["dat.normand1999"] ?? [];

const near = (actual: number | null | undefined, expected: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(1e-4);

describe("dat.bcg, log risk ratio", () => {
  it("REML with Knapp–Hartung: −0.7145, SE 0.1808, τ² 0.3132, I² 92.22 %, Q 152.2330", () => {
    const { pooled } = analyse(bcg, { measure: "RR", model: "random", tau2Method: "REML", ci: "hksj" });
    near(pooled?.estimate, -0.7145);
    near(pooled?.se, 0.1808);
    near(pooled?.tau2, 0.3132);
    expect(Math.abs((pooled?.i2 ?? 0) - 92.22)).toBeLessThan(0.005);
    near(pooled?.q, 152.233);
  });
  it("DerSimonian–Laird: −0.7141, τ² 0.3088", () => {
    const { pooled } = analyse(bcg, { measure: "RR", model: "random", tau2Method: "DL", ci: "wald" });
    near(pooled?.estimate, -0.7141);
    near(pooled?.tau2, 0.3088);
  });
  it("equal effects: −0.4303", () => {
    near(analyse(bcg, { measure: "RR", model: "fixed" }).pooled?.estimate, -0.4303);
  });
  it("Mantel–Haenszel: −0.4537", () => {
    near(analyse(bcg, { measure: "RR", model: "mh" }).pooled?.estimate, -0.4537);
  });
});

describe("dat.normand1999, mean difference", () => {
  it("unpooled variances (vtype LS): EE −3.4636, DL −13.9817 (τ² 205.4094), REML −15.1060 (τ² 684.6462)", () => {
    near(analyse(normand, { measure: "MD", model: "fixed" }).pooled?.estimate, -3.4636);
    const dl = analyse(normand, { measure: "MD", model: "random", tau2Method: "DL" }).pooled;
    near(dl?.estimate, -13.9817);
    near(dl?.tau2, 205.4094);
    const reml = analyse(normand, { measure: "MD", model: "random", tau2Method: "REML" }).pooled;
    near(reml?.estimate, -15.106);
    near(reml?.tau2, 684.6462);
  });
  it("pooled-SD variances (vtype HO): EE −3.4939, DL −14.0972 (τ² 218.7216), REML −15.1217 (τ² 685.1965)", () => {
    near(analyse(normand, { measure: "MD", model: "fixed", vtype: "HO" }).pooled?.estimate, -3.4939);
    const dl = analyse(normand, { measure: "MD", model: "random", tau2Method: "DL", vtype: "HO" }).pooled;
    near(dl?.estimate, -14.0972);
    near(dl?.tau2, 218.7216);
    const reml = analyse(normand, { measure: "MD", model: "random", tau2Method: "REML", vtype: "HO" }).pooled;
    near(reml?.estimate, -15.1217);
    near(reml?.tau2, 685.1965);
  });
});
