// The Q-profile confidence interval for τ² (Viechtbauer 2007), as metafor's confint() computes it for rma.uni
// models: the τ² values at which the generalised Q equals the χ²(k − p) quantiles, searched by uniroot in
// [0, max(100, 10 τ̂²)]; a bound that the statistic cannot reach inside that range is the range's end, as in metafor.
import { qchisq } from "./distributions";
import { generalisedQ } from "./tau2";
import { uniroot } from "./uniroot";
import { at, type Design } from "./weighted-fit";

export interface Tau2Interval {
  lower: number;
  upper: number;
}

export function qProfileInterval(
  y: readonly number[],
  v: readonly number[],
  X: Design,
  tau2: number,
  level = 0.95,
): Tau2Interval {
  const df = y.length - at(X, 0).length;
  const alpha = 1 - level;
  const critUpper = qchisq(1 - alpha / 2, df);
  const critLower = qchisq(alpha / 2, df);
  const max = Math.max(100, 10 * tau2);
  const q = (t: number) => generalisedQ(y, v, X, t);
  const qMin = q(0);
  const qMax = q(max);
  let lower: number;
  let upper: number;
  if (qMin < critLower) upper = 0;
  else if (qMax > critLower) upper = max;
  else upper = uniroot((t) => q(t) - critLower, 0, max, undefined, 1000);
  if (qMax > critUpper) {
    lower = max;
    upper = max;
  } else if (qMin < critUpper) lower = 0;
  else lower = uniroot((t) => q(t) - critUpper, 0, max, undefined, 1000);
  return { lower, upper };
}
