// What a contour-enhanced funnel plot draws (Peters et al. 2008; Cochrane Handbook ch. 13.3.5.2): each study's
// effect against its standard error, the pooled estimate with its pseudo 95 % limits, and the regions around the
// null effect where a study would be significant at p < 0.10, 0.05 and 0.01.
import { qnorm } from "./distributions";
import type { Effect } from "./types";

export const CONTOUR_LEVELS = [0.1, 0.05, 0.01] as const;

export interface FunnelData {
  points: { label: string; yi: number; sei: number }[];
  center: number;
  /** The largest standard error: the plot's bottom. */
  seMax: number;
  /** The pseudo-confidence limits are center ± pseudoCiZ × SE. */
  pseudoCiZ: number;
  /** The contour for p is the pair of lines 0 ± z × SE (null effect 0 on the analysis scale). */
  contours: { p: number; z: number }[];
}

export function funnelData(labels: readonly string[], effects: readonly Effect[], center: number): FunnelData {
  const points = effects.map((e, i) => ({ label: labels[i] ?? "", yi: e.yi, sei: Math.sqrt(e.vi) }));
  return {
    points,
    center,
    seMax: Math.max(...points.map((p) => p.sei)),
    pseudoCiZ: qnorm(0.975),
    contours: CONTOUR_LEVELS.map((p) => ({ p, z: qnorm(1 - p / 2) })),
  };
}
