// Mantel–Haenszel pooling of 2×2 tables, as metafor's rma.mh() with its defaults (Cochrane Handbook ch. 10.4.2):
// the tables are pooled without any continuity correction (add = c(1/2, 0)); the variance of log OR is Robins,
// Breslow & Greenland's, of log RR Greenland & Robins', of RD Sato, Greenland & Robins'. Q and I² use the studies'
// escalc log effects (1/2 added where a cell is zero) around the MH estimate, leaving out studies with no events (or
// only events) in both arms, which carry no information about a ratio.
import { AppError } from "../errors/app-error";
import { chisqPValue } from "./distributions";
import { effectSize } from "./effect-sizes";
import { commonEffect, heterogeneityFromQ, type Pooled, sum } from "./pooled";
import type { BinaryArms } from "./types";

export type MhMeasure = "RR" | "OR" | "RD";

interface Table {
  a: number;
  b: number;
  c: number;
  d: number;
  n1: number;
  n2: number;
  N: number;
}
const table = (s: BinaryArms): Table => ({
  a: s.events1,
  b: s.n1 - s.events1,
  c: s.events2,
  d: s.n2 - s.events2,
  n1: s.n1,
  n2: s.n2,
  N: s.n1 + s.n2,
});

function estimateAndSe(measure: MhMeasure, t: readonly Table[]): { estimate: number; se: number; w: number[] } {
  if (measure === "OR") {
    const Ri = t.map((x) => (x.a * x.d) / x.N);
    const Si = t.map((x) => (x.b * x.c) / x.N);
    const Pi = t.map((x) => (x.a + x.d) / x.N);
    const Qi = t.map((x) => (x.b + x.c) / x.N);
    const R = sum(Ri);
    const S = sum(Si);
    if (R === 0 || S === 0)
      throw new AppError(
        "INVALID_INPUT",
        "the Mantel–Haenszel odds ratio is undefined: no study has the needed events",
      );
    const se = Math.sqrt(
      0.5 *
        (sum(Pi.map((p, i) => p * (Ri[i] ?? 0))) / R ** 2 +
          sum(Pi.map((p, i) => p * (Si[i] ?? 0) + (Qi[i] ?? 0) * (Ri[i] ?? 0))) / (R * S) +
          sum(Qi.map((q, i) => q * (Si[i] ?? 0))) / S ** 2),
    );
    return { estimate: Math.log(R / S), se, w: Si };
  }
  if (measure === "RR") {
    const R = sum(t.map((x) => (x.a * x.n2) / x.N));
    const S = sum(t.map((x) => (x.c * x.n1) / x.N));
    if (sum(t.map((x) => x.a)) === 0 || sum(t.map((x) => x.c)) === 0)
      throw new AppError("INVALID_INPUT", "the Mantel–Haenszel risk ratio is undefined: one arm has no events at all");
    const se = Math.sqrt(sum(t.map((x) => (x.n1 / x.N) * (x.n2 / x.N) * (x.a + x.c) - (x.a / x.N) * x.c)) / (R * S));
    return { estimate: Math.log(R / S), se, w: t.map((x) => (x.c / x.N) * x.n1) };
  }
  const W = sum(t.map((x) => x.n1 * (x.n2 / x.N)));
  const estimate = sum(t.map((x) => x.a * (x.n2 / x.N) - x.c * (x.n1 / x.N))) / W;
  const se = Math.sqrt(
    (estimate *
      sum(
        t.map(
          (x) => x.c * (x.n1 / x.N) ** 2 - x.a * (x.n2 / x.N) ** 2 + ((x.n1 / x.N) * (x.n2 / x.N) * (x.n2 - x.n1)) / 2,
        ),
      ) +
      sum(t.map((x) => (x.a * (x.n2 - x.c)) / x.N + (x.c * (x.n1 - x.a)) / x.N)) / 2) /
      W ** 2,
  );
  return { estimate, se, w: t.map((x) => (x.n1 / x.N) * x.n2) };
}

export function fitMantelHaenszel(measure: MhMeasure, studies: readonly BinaryArms[], level = 0.95): Pooled {
  const tables = studies.map(table);
  const { estimate, se, w } = estimateAndSe(measure, tables);
  const informative = tables
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => !((x.a === 0 && x.c === 0) || (x.b === 0 && x.d === 0)))
    .map(({ i }) => effectSize(measure, studies[i] as BinaryArms));
  const q = Math.max(0, sum(informative.map((e) => (e.yi - estimate) ** 2 / e.vi)));
  const qDf = informative.length - 1;
  const heterogeneity = heterogeneityFromQ(q, qDf, qDf >= 1 ? chisqPValue(q, qDf) : 1);
  return commonEffect({ k: studies.length, estimate, se, heterogeneity, weights: w }, level);
}
