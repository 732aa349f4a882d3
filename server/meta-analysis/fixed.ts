// Fixed (equal) effect by inverse variance: metafor's rma(yi, vi, method = "EE") (Cochrane Handbook ch. 10.3.1).
import { chisqPValue } from "./distributions";
import { commonEffect, heterogeneityFromQ, type Pooled } from "./pooled";
import type { Effect } from "./types";
import { interceptOnly, weightedFit } from "./weighted-fit";

export function fitFixed(effects: readonly Effect[], level = 0.95): Pooled {
  const k = effects.length;
  const y = effects.map((e) => e.yi);
  const w = effects.map((e) => 1 / e.vi);
  const fit = weightedFit(y, w, interceptOnly(k));
  return commonEffect(
    {
      k,
      estimate: fit.beta[0] ?? Number.NaN,
      se: Math.sqrt(fit.xwxInv[0]?.[0] ?? Number.NaN),
      heterogeneity: heterogeneityFromQ(fit.rss, k - 1, chisqPValue(fit.rss, k - 1)),
      weights: w,
    },
    level,
  );
}
