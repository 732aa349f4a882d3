// Study effect sizes as metafor's escalc() computes them with its defaults (metafor documentation, escalc):
// Hedges' exact small-sample correction for SMD, 1/2 added to every cell of a study with a zero cell for RR, OR, RD
// and PLO (add = 1/2, to = "only0", drop00 = FALSE), none for PFT. NMD is not in metafor: Vesterinen et al. 2014.
import type {
  BinaryArms,
  ContinuousArms,
  Effect,
  GenericEffect,
  Measure,
  SingleMean,
  SingleProportion,
  StudyData,
  VarianceType,
} from "./types";
import { DATA_KIND } from "./types";

/** Hedges' correction factor c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)), exact as in metafor's .cmicalc. */
export function hedgesCorrection(m: number): number {
  if (m <= 1) return Number.NaN;
  return Math.exp(logGamma(m / 2) - Math.log(Math.sqrt(m / 2)) - logGamma((m - 1) / 2));
}

// Lanczos approximation (g = 7, n = 9): relative error below 1e-15 for positive arguments, more than the
// correction factor needs.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function continuous(measure: Measure, d: ContinuousArms, vtype: VarianceType): Effect {
  const { m1, sd1, n1, m2, sd2, n2 } = d;
  const df = n1 + n2 - 2;
  const pooledVar = ((n1 - 1) * sd1 ** 2 + (n2 - 1) * sd2 ** 2) / df;
  switch (measure) {
    case "MD":
      return {
        yi: m1 - m2,
        vi: vtype === "HO" ? pooledVar * (1 / n1 + 1 / n2) : sd1 ** 2 / n1 + sd2 ** 2 / n2,
        corrected: false,
      };
    case "SMD": {
      const yi = (hedgesCorrection(df) * (m1 - m2)) / Math.sqrt(pooledVar);
      return { yi, vi: 1 / n1 + 1 / n2 + yi ** 2 / (2 * (n1 + n2)), corrected: false };
    }
    case "ROM": {
      const [v1, v2] = vtype === "HO" ? [pooledVar, pooledVar] : [sd1 ** 2, sd2 ** 2];
      return { yi: Math.log(m1 / m2), vi: v1 / (n1 * m1 ** 2) + v2 / (n2 * m2 ** 2), corrected: false };
    }
    case "NMD": {
      // Vesterinen 2014: 100 × (control − treated) / (control − sham); positive = the intervention moved the
      // outcome towards the sham (normal) value. Each SD is normalised by the same difference.
      const range = m2 - (d.mSham ?? 0);
      const sdT = (100 * sd1) / Math.abs(range);
      const sdC = (100 * sd2) / Math.abs(range);
      return { yi: (100 * (m2 - m1)) / range, vi: sdT ** 2 / n1 + sdC ** 2 / n2, corrected: false };
    }
    default:
      throw new Error(`${measure} is not computed from two arms' means`);
  }
}

function binary(measure: Measure, d: BinaryArms): Effect {
  let a = d.events1;
  let b = d.n1 - d.events1;
  let c = d.events2;
  let dd = d.n2 - d.events2;
  const corrected = a === 0 || b === 0 || c === 0 || dd === 0;
  if (corrected) [a, b, c, dd] = [a + 0.5, b + 0.5, c + 0.5, dd + 0.5];
  const n1 = a + b;
  const n2 = c + dd;
  const p1 = a / n1;
  const p2 = c / n2;
  switch (measure) {
    case "RR":
      return { yi: Math.log(p1 / p2), vi: 1 / a - 1 / n1 + 1 / c - 1 / n2, corrected };
    case "OR":
      return { yi: Math.log((a * dd) / (b * c)), vi: 1 / a + 1 / b + 1 / c + 1 / dd, corrected };
    case "RD":
      return { yi: p1 - p2, vi: (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2, corrected };
    default:
      throw new Error(`${measure} is not computed from two arms' events`);
  }
}

function proportion(measure: Measure, d: SingleProportion): Effect {
  if (measure === "PFT") {
    const { events: x, n } = d;
    const yi = 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
    return { yi, vi: 1 / (4 * n + 2), corrected: false };
  }
  let x = d.events;
  let rest = d.n - d.events;
  const corrected = x === 0 || rest === 0;
  if (corrected) [x, rest] = [x + 0.5, rest + 0.5];
  return { yi: Math.log(x / rest), vi: 1 / x + 1 / rest, corrected };
}

/**
 * One study's Peto log odds ratio, (O − E)/V with variance 1/V, the study rows of a Peto analysis (escalc's "PETO",
 * with 1/2 added to each cell of a table with a zero cell, as escalc does).
 */
export function petoEffect(d: BinaryArms): Effect {
  let [a, b, c, dd] = [d.events1, d.n1 - d.events1, d.events2, d.n2 - d.events2];
  const corrected = a === 0 || b === 0 || c === 0 || dd === 0;
  if (corrected) [a, b, c, dd] = [a + 0.5, b + 0.5, c + 0.5, dd + 0.5];
  const [n1, n2] = [a + b, c + dd];
  const N = n1 + n2;
  const V = ((a + c) * (b + dd) * (n1 / N) * (n2 / N)) / (N - 1);
  return { yi: (a - ((a + c) * n1) / N) / V, vi: 1 / V, corrected };
}

const mean = (d: SingleMean): Effect => ({ yi: d.m, vi: d.sd ** 2 / d.n, corrected: false });
const generic = (d: GenericEffect): Effect => ({ yi: d.yi, vi: d.sei ** 2, corrected: false });

/** One study's yi and vi for the measure. `vtype` matters only for MD and ROM. */
export function effectSize(measure: Measure, data: StudyData, vtype: VarianceType = "LS"): Effect {
  if (data.kind !== DATA_KIND[measure])
    throw new Error(`${measure} needs ${DATA_KIND[measure]} data, not ${data.kind}`);
  switch (data.kind) {
    case "continuous":
      return continuous(measure, data, vtype);
    case "binary":
      return binary(measure, data);
    case "single-binary":
      return proportion(measure, data);
    case "single-continuous":
      return mean(data);
    case "generic":
      return generic(data);
  }
}
