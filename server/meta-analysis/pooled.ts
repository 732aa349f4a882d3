// The shape every model's pooled result takes, so the command line, the R-script check and later the forest plot
// read one thing. Every figure is on the analysis scale (log for ratios, logit for PLO).
import { qnorm, zPValue } from "./distributions";

export interface Heterogeneity {
  q: number;
  qDf: number;
  qP: number;
  /** Percent. */
  i2: number;
  h2: number;
}

export interface Pooled extends Heterogeneity {
  k: number;
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  /** z (Wald) or t (Hartung–Knapp) statistic, and its two-sided p-value. */
  statistic: number;
  pValue: number;
  /** Degrees of freedom of the t distribution behind the CI; null when it is the normal distribution. */
  df: number | null;
  /** Random effects only; null for models that assume one true effect. */
  tau2: number | null;
  tau2CiLower: number | null;
  tau2CiUpper: number | null;
  i2CiLower: number | null;
  i2CiUpper: number | null;
  piLower: number | null;
  piUpper: number | null;
  /** Each study's share of the pooled estimate, percent, in input order. */
  weights: number[];
}

/** Heterogeneity from Cochran's Q as metafor reports it for models without τ²: I² = (Q − df)/Q, H² = Q/df. */
export function heterogeneityFromQ(q: number, qDf: number, qP: number): Heterogeneity {
  if (qDf < 1) return { q: 0, qDf, qP: 1, i2: 0, h2: 1 };
  return { q, qDf, qP, i2: Math.max(0, (100 * (q - qDf)) / q), h2: q / qDf };
}

export const percentOf = (w: readonly number[]): number[] => {
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => (100 * x) / total);
};

export const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/**
 * The result of a model that assumes one true effect (inverse variance, Mantel–Haenszel, Peto): a Wald interval on
 * the normal distribution and no τ², as metafor's rma(method = "EE"), rma.mh() and rma.peto() report it.
 */
export function commonEffect(
  fit: { k: number; estimate: number; se: number; heterogeneity: Heterogeneity; weights: readonly number[] },
  level: number,
): Pooled {
  const { estimate, se } = fit;
  const crit = qnorm(1 - (1 - level) / 2);
  return {
    k: fit.k,
    estimate,
    se,
    ciLower: estimate - crit * se,
    ciUpper: estimate + crit * se,
    statistic: estimate / se,
    pValue: zPValue(estimate / se),
    df: null,
    ...fit.heterogeneity,
    tau2: null,
    tau2CiLower: null,
    tau2CiUpper: null,
    i2CiLower: null,
    i2CiUpper: null,
    piLower: null,
    piUpper: null,
    weights: percentOf(fit.weights),
  };
}
