// Egger's regression test for funnel-plot asymmetry (Egger et al. 1997; Cochrane Handbook ch. 13.3.5.4): the
// standardised effect yᵢ/SEᵢ regressed on precision 1/SEᵢ by ordinary least squares; the intercept, tested with
// t(k − 2), measures asymmetry. Identical to metafor's regtest(res, model = "lm"). Only offered from 10 studies on,
// below which the Handbook advises against the test.
import { tPValue } from "./distributions";
import type { Effect } from "./types";
import { weightedFit } from "./weighted-fit";

export const EGGER_MIN_STUDIES = 10;

export interface EggerTest {
  /** The regression's intercept (the asymmetry), its standard error, t and p. */
  intercept: number;
  se: number;
  statistic: number;
  df: number;
  p: number;
}

export function eggerTest(effects: readonly Effect[]): EggerTest | null {
  const k = effects.length;
  if (k < EGGER_MIN_STUDIES) return null;
  // yᵢ/SEᵢ = b₀·(1/SEᵢ) + b₁ is the same line as yᵢ = b₀ + b₁·SEᵢ weighted by 1/vᵢ: b₁ is Egger's intercept.
  const fit = weightedFit(
    effects.map((e) => e.yi),
    effects.map((e) => 1 / e.vi),
    effects.map((e) => [1, Math.sqrt(e.vi)]),
  );
  const df = k - 2;
  const intercept = fit.beta[1] ?? Number.NaN;
  const se = Math.sqrt((fit.rss / df) * (fit.xwxInv[1]?.[1] ?? Number.NaN));
  return { intercept, se, statistic: intercept / se, df, p: tPValue(intercept / se, df) };
}
