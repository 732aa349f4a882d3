// The few distribution functions the engine needs, from stdlib's ports of Boost/Cephes (accurate to ~1e-15), so that
// critical values and p-values agree with R's qt, pt, qchisq, pchisq, qnorm and pnorm.

import gammainc from "@stdlib/math-base-special-gammainc";
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export const qnorm = (p: number): number => normalQuantile(p, 0, 1);
export const pnorm = (x: number): number => normalCdf(x, 0, 1);
export const qt = (p: number, df: number): number => tQuantile(p, df);
export const qchisq = (p: number, df: number): number => chisquareQuantile(p, df);

/** Two-sided p-value of a z statistic. */
export const zPValue = (z: number): number => 2 * pnorm(-Math.abs(z));
/** Two-sided p-value of a t statistic with df degrees of freedom. */
export const tPValue = (t: number, df: number): number => 2 * tCdf(-Math.abs(t), df);
/**
 * Upper-tail p-value of a chi-square statistic (R's pchisq(q, df, lower.tail = FALSE)), from the upper regularised
 * incomplete gamma function so that tiny p-values keep their digits instead of becoming 1 − 1.
 */
export const chisqPValue = (q: number, df: number): number =>
  df > 0 ? (q <= 0 ? 1 : gammainc(q / 2, df / 2, true, true)) : Number.NaN;
