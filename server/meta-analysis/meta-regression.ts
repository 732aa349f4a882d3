// One-covariate meta-regression, mixed effects, as metafor's rma(yi, vi, mods = ~ x, method = "REML",
// test = "knha"): τ² by REML with the covariate in the model, coefficients' variance scaled by Knapp & Hartung's
// s² and tested with t(k − 2); R² is the share of the intercept-only model's τ² the covariate accounts for.
import { AppError } from "../errors/app-error";
import { tPValue } from "./distributions";
import { restrictedML } from "./tau2";
import type { Effect } from "./types";
import { interceptOnly, weightedFit } from "./weighted-fit";

export interface MetaRegression {
  k: number;
  intercept: number;
  slope: number;
  /** Standard errors of intercept and slope. */
  se: [number, number];
  /** Two-sided p-values of intercept and slope, t(k − 2). */
  p: [number, number];
  df: number;
  tau2: number;
  /** Percent of the intercept-only τ² explained, truncated at 0. */
  r2: number;
}

export function metaRegression(effects: readonly Effect[], covariate: readonly number[]): MetaRegression {
  const k = effects.length;
  if (k < 3) throw new AppError("INVALID_INPUT", "a meta-regression needs at least 3 studies");
  if (new Set(covariate).size < 2)
    throw new AppError("INVALID_INPUT", "the covariate takes one value in every study: nothing to regress on");
  const y = effects.map((e) => e.yi);
  const v = effects.map((e) => e.vi);
  const X = covariate.map((x) => [1, x]);
  const tau2 = restrictedML(y, v, X);
  const fit = weightedFit(
    y,
    v.map((vi) => 1 / (vi + tau2)),
    X,
  );
  const df = k - 2;
  const s2 = fit.rss <= Number.EPSILON ? 0 : fit.rss / df;
  const se: [number, number] = [
    Math.sqrt(s2 * (fit.xwxInv[0]?.[0] ?? Number.NaN)),
    Math.sqrt(s2 * (fit.xwxInv[1]?.[1] ?? Number.NaN)),
  ];
  const [intercept = Number.NaN, slope = Number.NaN] = fit.beta;
  const tau2Null = restrictedML(y, v, interceptOnly(k));
  return {
    k,
    intercept,
    slope,
    se,
    p: [tPValue(intercept / se[0], df), tPValue(slope / se[1], df)],
    df,
    tau2,
    r2: tau2Null > 0 ? Math.max(0, (100 * (tau2Null - tau2)) / tau2Null) : 0,
  };
}
