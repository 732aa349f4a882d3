// What Sift proposes for each GRADE domain from the analysis itself, for the lead to accept or overrule with a
// reason: risk of bias from the appraisals weighted by the analysis weights, inconsistency from I² and the
// prediction interval, imprecision from the CI against the null and a threshold and the optimal information size,
// publication bias from Egger's test. Indirectness has no proposal: it is a judgement about the question.
// Thresholds are on the analysis scale (log for ratios), as the engine's figures are.
import type { JudgementLevel } from "../../appraisal/tools/types";
import type { EggerTest } from "../egger";
import { num, pText, shown } from "../format";
import type { Pooled } from "../pooled";
import { type Measure, RATIO_MEASURES } from "../types";
import type { Rating, Upgrades } from "./certainty";

export interface WeightedAppraisal {
  study: string;
  /** Percent of the pooled estimate. */
  weight: number;
  /** The overall judgement's tone (server/appraisal/tools: low, moderate = some concerns, serious = high, …); null when not appraised. */
  risk: JudgementLevel["tone"] | null;
}

const percent = (x: number) => `${Math.round(x)} %`;

/**
 * Risk of bias (GRADE Handbook 5.2.1; GRADE guidelines 4, Guyatt et al. 2011, J Clin Epidemiol 64:407–415; Cochrane
 * Handbook ch. 14.2.2: judge by the studies that contribute most of the weight): very serious when more than half
 * the weight comes from studies at high (or critical) risk; serious when more than half is not at low risk
 * (high, some concerns, unclear or not appraised); otherwise not serious.
 */
export function proposeRiskOfBias(studies: readonly WeightedAppraisal[]): Rating {
  const total = studies.reduce((s, x) => s + x.weight, 0) || 1;
  const share = (pick: (r: WeightedAppraisal["risk"]) => boolean) =>
    (100 * studies.filter((s) => pick(s.risk)).reduce((s, x) => s + x.weight, 0)) / total;
  const names = (pick: (r: WeightedAppraisal["risk"]) => boolean) =>
    studies
      .filter((s) => pick(s.risk))
      .map((s) => s.study)
      .join(", ");
  const high = (r: WeightedAppraisal["risk"]) => r === "serious" || r === "critical";
  const concerns = (r: WeightedAppraisal["risk"]) => r === "moderate" || r === "unclear" || r === "none";
  const missing = (r: WeightedAppraisal["risk"]) => r === null;
  const parts = [
    share(high) > 0 ? `${percent(share(high))} of the weight from studies at high risk of bias (${names(high)})` : "",
    share(concerns) > 0 ? `${percent(share(concerns))} with some concerns or unclear (${names(concerns)})` : "",
    share(missing) > 0 ? `${percent(share(missing))} not appraised (${names(missing)})` : "",
  ].filter(Boolean);
  const lowShare = share((r) => r === "low");
  const reason = parts.length
    ? `${parts.join("; ")}; ${percent(lowShare)} at low risk.`
    : "All the weight comes from studies at low risk of bias.";
  if (share(high) > 50) return { concern: "very serious", reason };
  if (lowShare < 50) return { concern: "serious", reason };
  return { concern: "not serious", reason };
}

/** True when the interval holds values on both sides of `at` (so it "crosses" it). */
const crosses = (lower: number, upper: number, at: number) => lower < at && at < upper;

/**
 * Inconsistency (GRADE Handbook 5.2.2; GRADE guidelines 7, Guyatt et al. 2011, J Clin Epidemiol 64:1294–1302; I²
 * bands of the Cochrane Handbook ch. 10.10.2): serious when I² is 50 % or more, or the prediction interval reaches
 * across no effect (or across the lead's threshold) while the CI does not — the studies' settings disagree about
 * the answer; very serious when I² is 75 % or more and the prediction interval reaches across no effect (or the
 * threshold).
 */
export function proposeInconsistency(pooled: Pooled | null, measure: Measure, threshold?: number): Rating {
  if (!pooled || pooled.k < 2) return { concern: "not serious", reason: "One study: inconsistency cannot be judged." };
  const i2 = pooled.i2;
  const points = [0, ...(threshold ? [threshold, -threshold] : [])];
  const pi = pooled.piLower !== null && pooled.piUpper !== null ? [pooled.piLower, pooled.piUpper] : null;
  // Across no effect (or the threshold) at all, and across it where the CI itself is not: the latter means the
  // settings disagree about the answer even though the average is clear.
  const piAcross = pi !== null && points.some((at) => crosses(pi[0]!, pi[1]!, at));
  const piCrosses =
    pi !== null && points.some((at) => crosses(pi[0]!, pi[1]!, at) && !crosses(pooled.ciLower, pooled.ciUpper, at));
  const across = threshold ? "no effect or the threshold" : "no effect";
  const piText = pi
    ? `; prediction interval ${num(shown(measure, pi[0]!))} to ${num(shown(measure, pi[1]!))}${piCrosses ? `, which reaches across ${across} while the CI does not` : piAcross ? `, which reaches across ${across}` : ""}`
    : "";
  const reason = `I² = ${Math.round(i2)} % (Q = ${num(pooled.q)}, df = ${pooled.qDf}, ${pText(pooled.qP)})${piText}.`;
  if (i2 >= 75 && piAcross) return { concern: "very serious", reason };
  if (i2 >= 50 || piCrosses) return { concern: "serious", reason };
  return { concern: "not serious", reason };
}

export interface ImprecisionInput {
  pooled: Pooled | null;
  measure: Measure;
  /** The smallest effect that matters, on the analysis scale (log for ratios; e.g. ln 1.25 for a 25 % relative change). */
  threshold?: number;
  participants: number;
  /** From binaryInformationSize or continuousInformationSize. */
  informationSize?: number;
}

/**
 * Imprecision (GRADE Handbook 5.2.4; GRADE guidelines 6, Guyatt et al. 2011, J Clin Epidemiol 64:1283–1293): very
 * serious when the CI includes both an appreciable benefit and an appreciable harm (beyond the threshold on both
 * sides); serious when it includes no effect (or the threshold), or when fewer participants than the optimal
 * information size were studied; otherwise not serious.
 */
export function proposeImprecision(input: ImprecisionInput): Rating {
  const { pooled, measure, threshold, participants, informationSize } = input;
  if (!pooled) return { concern: "serious", reason: "One study: its CI alone carries the estimate." };
  const ci = `CI ${num(shown(measure, pooled.ciLower))} to ${num(shown(measure, pooled.ciUpper))}`;
  const t = threshold ? Math.abs(threshold) : null;
  const tText = t === null ? "" : ` (threshold ${num(shown(measure, -t))} / ${num(shown(measure, t))})`;
  const ois =
    informationSize === undefined
      ? ""
      : ` ${participants.toLocaleString("en")} participants against an optimal information size of ${informationSize.toLocaleString("en")}.`;
  const oisMet = informationSize === undefined || participants >= informationSize;
  if (t !== null && pooled.ciLower < -t && pooled.ciUpper > t)
    return {
      concern: "very serious",
      reason: `The ${ci} includes both appreciable benefit and appreciable harm${tText}.${ois}`,
    };
  const crossesNull = crosses(pooled.ciLower, pooled.ciUpper, 0);
  const crossesThreshold =
    t !== null && (crosses(pooled.ciLower, pooled.ciUpper, t) || crosses(pooled.ciLower, pooled.ciUpper, -t));
  if (crossesNull || crossesThreshold || !oisMet) {
    const why = [
      crossesNull ? "includes no effect" : "",
      !crossesNull && crossesThreshold ? "includes the threshold" : "",
    ].filter(Boolean);
    const what = why.length ? `The ${ci} ${why.join(" and ")}${tText}.` : `The ${ci} excludes no effect${tText}.`;
    return { concern: "serious", reason: `${what}${oisMet ? ois : `${ois} The information size is not met.`}`.trim() };
  }
  return {
    concern: "not serious",
    reason: `The ${ci} excludes no effect${t === null ? "" : " and the threshold"}${tText}.${ois}`.trim(),
  };
}

/**
 * Publication bias (GRADE Handbook 5.2.5; GRADE guidelines 5, Guyatt et al. 2011, J Clin Epidemiol 64:1277–1282;
 * Cochrane Handbook ch. 13.3.5.4 for Egger's test at p < 0.10): serious when Egger's test suggests small-study
 * effects; with fewer than 10 studies the test is not informative and the proposal says so.
 */
export function proposePublicationBias(egger: EggerTest | null, k: number): Rating {
  if (!egger)
    return {
      concern: "not serious",
      reason: `${k} ${k === 1 ? "study" : "studies"}: too few for a funnel-plot test; judge from the search's completeness and whether small or industry-funded studies dominate.`,
    };
  const text = `Egger's test intercept ${num(egger.intercept)}, t(${egger.df}) = ${num(egger.statistic)}, ${pText(egger.p)}`;
  if (egger.p < 0.1) return { concern: "serious", reason: `${text}: the funnel plot is asymmetric.` };
  return { concern: "not serious", reason: `${text}: no sign of funnel-plot asymmetry.` };
}

/**
 * Rating up for a large effect (GRADE Handbook 5.3.1; GRADE guidelines 9, Guyatt et al. 2011, J Clin Epidemiol
 * 64:1311–1316): one level for a ratio above 2 or below 0.5, two for above 5 or below 0.2. Non-randomised evidence
 * only; the lead confirms that no plausible confounder could explain it.
 */
export function proposeLargeEffect(pooled: Pooled | null, measure: Measure): Upgrades["largeEffect"] | null {
  if (!pooled || !RATIO_MEASURES.includes(measure)) return null;
  const ratio = Math.exp(pooled.estimate);
  const size = Math.max(ratio, 1 / ratio);
  if (size > 5) return { levels: 2, reason: `A very large effect: ${measure} ${num(ratio)} (beyond 5 or 0.2).` };
  if (size > 2) return { levels: 1, reason: `A large effect: ${measure} ${num(ratio)} (beyond 2 or 0.5).` };
  return null;
}
