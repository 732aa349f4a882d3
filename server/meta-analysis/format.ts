// How the plots and the Summary of findings table write numbers and name measures and models, so every picture and
// table of an analysis says the same thing the same way. Minus signs are typographic (−), as in print.
import type { ResolvedOptions } from "./analyse";
import type { Pooled } from "./pooled";
import { type Measure, RATIO_MEASURES } from "./types";

export const MEASURE_NAMES: Record<Measure, string> = {
  MD: "Mean difference",
  SMD: "Std. mean difference (Hedges' g)",
  ROM: "Ratio of means",
  RR: "Risk ratio",
  OR: "Odds ratio",
  RD: "Risk difference",
  HR: "Hazard ratio",
  PLO: "Proportion",
  PFT: "Proportion (Freeman–Tukey)",
  MN: "Mean",
  NMD: "Normalised mean difference",
};

/** Single-group measures have no comparison, so no line of no effect and nothing to favour. */
export const SINGLE_GROUP: readonly Measure[] = ["PLO", "PFT", "MN"];

export const isRatio = (measure: Measure) => RATIO_MEASURES.includes(measure);

/** The axis a measure is drawn on: ratios on a log axis, logit proportions on a logit one, both labelled as shown. */
export const axisKind = (measure: Measure): "linear" | "log" | "logit" =>
  isRatio(measure) ? "log" : measure === "PLO" ? "logit" : "linear";

/** " (log scale)" or " (logit scale)" after the measure's name under an axis. */
export const axisSuffix = (measure: Measure) =>
  ({ linear: "", log: " (log scale)", logit: " (logit scale)" })[axisKind(measure)];

export const minus = (text: string) => text.replace(/-/g, "−");

/** A number for a table or plot: `digits` decimals, small values to two significant figures, huge ones in e-notation. */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  if (a >= 1e5) return minus(x.toExponential(2));
  if (a > 0 && a < 0.5 * 10 ** -digits) return minus(x.toPrecision(2));
  return minus(x.toFixed(digits));
}

/** An effect shown on the reader's scale: ratios back-transformed from the log scale, proportions from the logit. */
export const shown = (measure: Measure, value: number) =>
  isRatio(measure) ? Math.exp(value) : measure === "PLO" ? 1 / (1 + Math.exp(-value)) : value;

/** "0.49 [0.34, 0.70]" on the reader's scale. */
export function effectWithCi(measure: Measure, estimate: number, lower: number, upper: number, digits = 2): string {
  const s = (v: number) => num(shown(measure, v), digits);
  return `${s(estimate)} [${s(lower)}, ${s(upper)}]`;
}

export function pText(p: number): string {
  if (!Number.isFinite(p)) return "p = –";
  return p < 0.0001 ? "p < 0.0001" : p < 0.001 ? `p = ${p.toFixed(4)}` : `p = ${p.toFixed(3).replace(/0$/, "") || "0"}`;
}

/** What the reader needs to know about how the pooling was done. */
export function modelText(o: ResolvedOptions): string {
  switch (o.model) {
    case "random":
      return `Random effects, τ² by ${o.tau2Method}, ${o.ci === "hksj" ? "Hartung–Knapp–Sidik–Jonkman" : "Wald"} CI`;
    case "fixed":
      return "Fixed effect, inverse variance";
    case "mh":
      return "Fixed effect, Mantel–Haenszel";
    case "peto":
      return "Fixed effect, Peto";
  }
}

/** "Heterogeneity: τ² = 0.31; Q = 152.23, df = 12, p < 0.0001; I² = 92 %". */
export function heterogeneityText(p: Pooled): string {
  const tau = p.tau2 === null ? "" : `τ² = ${num(p.tau2, p.tau2 < 0.01 ? 4 : 2)}; `;
  return `Heterogeneity: ${tau}Q = ${num(p.q)}, df = ${p.qDf}, ${pText(p.qP)}; I² = ${Math.round(p.i2)} %`;
}

/** "Test for overall effect: t(12) = −3.95, p = 0.0019" (z under a normal CI). */
export function overallEffectText(p: Pooled): string {
  const statistic = p.df === null ? "z" : `t(${p.df})`;
  return `Test for overall effect: ${statistic} = ${num(p.statistic)}, ${pText(p.pValue)}`;
}
