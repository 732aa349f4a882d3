// An analysis as `sift analyse` prints it: one JSON object with issue #19's field names (every figure on the
// analysis scale), or a table for people, where ratios are also shown back-transformed.
import type { AnalysisResult } from "./analyse";
import { RATIO_MEASURES } from "./types";

export function jsonReport(r: AnalysisResult) {
  const p = r.pooled;
  return {
    measure: r.options.measure,
    model: r.options.model,
    tau2_method: r.options.tau2Method,
    ci_method: r.options.ci,
    vtype: r.options.vtype,
    k: r.k,
    estimate: p?.estimate ?? null,
    se: p?.se ?? null,
    ci_lower: p?.ciLower ?? null,
    ci_upper: p?.ciUpper ?? null,
    df: p?.df ?? null,
    p: p?.pValue ?? null,
    pi_lower: p?.piLower ?? null,
    pi_upper: p?.piUpper ?? null,
    tau2: p?.tau2 ?? null,
    tau2_ci_lower: p?.tau2CiLower ?? null,
    tau2_ci_upper: p?.tau2CiUpper ?? null,
    i2: p?.i2 ?? null,
    q: p?.q ?? null,
    q_df: p?.qDf ?? null,
    q_p: p?.qP ?? null,
    egger_p: r.egger?.p ?? null,
    studies: r.studies.map((s) => ({ study: s.label, yi: s.yi, vi: s.vi, weight: s.weight })),
    warnings: r.warnings,
  };
}

const MODEL_NAMES = {
  random: "random effects",
  fixed: "fixed effect (inverse variance)",
  mh: "Mantel–Haenszel",
  peto: "Peto",
};
const fmt = (x: number, digits = 2) =>
  Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : x.toFixed(digits);
const pText = (p: number) => (p < 0.0001 ? "p < 0.0001" : `p = ${p.toFixed(4)}`);

export function textReport(r: AnalysisResult): string {
  const o = r.options;
  const ratio = RATIO_MEASURES.includes(o.measure);
  const interval = (est: number, lo: number, hi: number) =>
    ratio
      ? `${fmt(Math.exp(est))} [${fmt(Math.exp(lo))}, ${fmt(Math.exp(hi))}]  (log: ${fmt(est, 4)} [${fmt(lo, 4)}, ${fmt(hi, 4)}])`
      : `${fmt(est, 4)} [${fmt(lo, 4)}, ${fmt(hi, 4)}]`;
  const method =
    o.model === "random"
      ? ` (τ² by ${o.tau2Method}, ${o.ci === "hksj" ? "Hartung–Knapp–Sidik–Jonkman" : "Wald"} CI)`
      : "";
  const out = [
    `${o.measure}${o.vtype === "HO" ? " (pooled-SD variances)" : ""}, ${MODEL_NAMES[o.model]}${method}, ${r.k} ${r.k === 1 ? "study" : "studies"}`,
    "",
  ];
  const width = Math.max(5, ...r.studies.map((s) => s.label.length));
  out.push(`${"study".padEnd(width)}  ${"estimate [95% CI]".padEnd(ratio ? 24 : 30)}  weight`);
  const z = 1.959963984540054;
  for (const s of r.studies) {
    const se = Math.sqrt(s.vi);
    const shown = interval(s.yi, s.yi - z * se, s.yi + z * se).replace(/ +\(log:.*\)$/, "");
    out.push(
      `${s.label.padEnd(width)}  ${shown.padEnd(ratio ? 24 : 30)}  ${s.weight === null ? "" : `${s.weight.toFixed(1)} %`}${s.corrected ? "  (½ added to each cell)" : ""}`,
    );
  }
  const p = r.pooled;
  if (p) {
    out.push(
      "",
      `pooled              ${interval(p.estimate, p.ciLower, p.ciUpper)}  ${p.df === null ? "z" : `t(${p.df})`} = ${fmt(p.statistic, 3)}, ${pText(p.pValue)}`,
    );
    if (p.piLower !== null && p.piUpper !== null) {
      const [lo, hi] = [p.piLower, p.piUpper];
      const shown = ratio
        ? `[${fmt(Math.exp(lo))}, ${fmt(Math.exp(hi))}]  (log: [${fmt(lo, 4)}, ${fmt(hi, 4)}])`
        : `[${fmt(lo, 4)}, ${fmt(hi, 4)}]`;
      out.push(`prediction interval ${shown}`);
    }
    const tau =
      p.tau2 === null
        ? ""
        : `τ² = ${fmt(p.tau2, 4)}${p.tau2CiLower === null ? "" : ` [${fmt(p.tau2CiLower, 4)}, ${fmt(p.tau2CiUpper ?? Number.NaN, 4)}]`}, `;
    out.push(`heterogeneity       ${tau}I² = ${p.i2.toFixed(1)} %, Q = ${fmt(p.q, 2)} (df ${p.qDf}), ${pText(p.qP)}`);
  }
  if (r.egger)
    out.push(
      `Egger's test        intercept ${fmt(r.egger.intercept, 3)}, t(${r.egger.df}) = ${fmt(r.egger.statistic, 3)}, ${pText(r.egger.p)}`,
    );
  for (const w of r.warnings) out.push(`note: ${w}`);
  return `${out.join("\n")}\n`;
}
