// Random effects: metafor's rma(yi, vi, method = "REML" | "DL" | "PM", test = "z" | "knha"). With Hartung–Knapp
// (Hartung & Knapp 2001; Sidik & Jonkman 2002) the variance of the estimate is multiplied by
// s² = Σ wᵢ(yᵢ − μ̂)²/(k − 1), whether above or below 1 (no ad hoc truncation), and t(k − 1) replaces the normal.
// The prediction interval is metafor's predict(): μ̂ ± crit·√(SE² + τ²) with the same crit as the CI (normal, or
// t(k − 1) under Hartung–Knapp) — not Higgins et al.'s t(k − 2).
import { chisqPValue, qnorm, qt, tPValue, zPValue } from "./distributions";
import type { Pooled } from "./pooled";
import { percentOf } from "./pooled";
import { estimateTau2 } from "./tau2";
import { qProfileInterval } from "./tau2-confidence";
import type { CiMethod, Effect, Tau2Method } from "./types";
import { interceptOnly, projectionStats, weightedFit } from "./weighted-fit";

export interface RandomOptions {
  tau2Method: Tau2Method;
  ci: CiMethod;
  level?: number;
}

export function fitRandom(effects: readonly Effect[], options: RandomOptions): Pooled {
  const level = options.level ?? 0.95;
  const k = effects.length;
  const X = interceptOnly(k);
  const y = effects.map((e) => e.yi);
  const v = effects.map((e) => e.vi);
  const tau2 = estimateTau2(options.tau2Method, y, v, X);
  const w = v.map((vi) => 1 / (vi + tau2));
  const fit = weightedFit(y, w, X);
  const estimate = fit.beta[0] ?? Number.NaN;
  let variance = fit.xwxInv[0]?.[0] ?? Number.NaN;
  const hk = options.ci === "hksj";
  if (hk) variance *= fit.rss <= Number.EPSILON ? 0 : fit.rss / (k - 1);
  const se = Math.sqrt(variance);
  const df = hk ? k - 1 : null;
  const crit = df === null ? qnorm(1 - (1 - level) / 2) : qt(1 - (1 - level) / 2, df);
  const statistic = estimate / se;

  const fixedWeights = v.map((vi) => 1 / vi);
  const q = Math.max(0, weightedFit(y, fixedWeights, X).rss);
  // metafor's "typical" within-study variance, on which its I² and H² rest.
  const typical = (k - 1) / projectionStats(y, fixedWeights, X).trP;
  const i2Of = (t: number) => (100 * t) / (typical + t);
  const interval = k > 1 ? qProfileInterval(y, v, X, tau2, level) : null;
  const halfPi = crit * Math.sqrt(variance + tau2);
  return {
    k,
    estimate,
    se,
    ciLower: estimate - crit * se,
    ciUpper: estimate + crit * se,
    statistic,
    pValue: df === null ? zPValue(statistic) : tPValue(statistic, df),
    df,
    q,
    qDf: k - 1,
    qP: chisqPValue(q, k - 1),
    i2: i2Of(tau2),
    h2: tau2 / typical + 1,
    tau2,
    tau2CiLower: interval?.lower ?? null,
    tau2CiUpper: interval?.upper ?? null,
    i2CiLower: interval ? i2Of(interval.lower) : null,
    i2CiUpper: interval ? i2Of(interval.upper) : null,
    piLower: estimate - halfPi,
    piUpper: estimate + halfPi,
    weights: percentOf(w),
  };
}
