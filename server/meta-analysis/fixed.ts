// Fixed (equal) effect by inverse variance: metafor's rma(yi, vi, method = "EE") (Cochrane Handbook ch. 10.3.1).
import { chisqPValue, qnorm, zPValue } from "./distributions";
import { heterogeneityFromQ, type Pooled, percentOf } from "./pooled";
import type { Effect } from "./types";
import { interceptOnly, weightedFit } from "./weighted-fit";

export function fitFixed(effects: readonly Effect[], level = 0.95): Pooled {
  const k = effects.length;
  const y = effects.map((e) => e.yi);
  const w = effects.map((e) => 1 / e.vi);
  const fit = weightedFit(y, w, interceptOnly(k));
  const estimate = fit.beta[0] ?? Number.NaN;
  const se = Math.sqrt(fit.xwxInv[0]?.[0] ?? Number.NaN);
  const crit = qnorm(1 - (1 - level) / 2);
  return {
    k,
    estimate,
    se,
    ciLower: estimate - crit * se,
    ciUpper: estimate + crit * se,
    statistic: estimate / se,
    pValue: zPValue(estimate / se),
    df: null,
    ...heterogeneityFromQ(fit.rss, k - 1, chisqPValue(fit.rss, k - 1)),
    tau2: null,
    tau2CiLower: null,
    tau2CiUpper: null,
    i2CiLower: null,
    i2CiUpper: null,
    piLower: null,
    piUpper: null,
    weights: percentOf(w),
  };
}
