// The vocabulary of an analysis. Names follow metafor's (measure codes, vtype, method), so a user who knows R reads
// them without a glossary; `Model` and `CiMethod` are the names the command line and the screens use.

export const MEASURES = ["MD", "SMD", "ROM", "RR", "OR", "RD", "HR", "PLO", "PFT", "MN", "NMD"] as const;
export type Measure = (typeof MEASURES)[number];

export const MODELS = ["random", "fixed", "mh", "peto"] as const;
export type Model = (typeof MODELS)[number];

export const TAU2_METHODS = ["REML", "DL", "PM"] as const;
export type Tau2Method = (typeof TAU2_METHODS)[number];

export const CI_METHODS = ["wald", "hksj"] as const;
export type CiMethod = (typeof CI_METHODS)[number];

/** How a mean difference's (or ratio of means') variance is estimated: per-arm SDs (metafor's default) or pooled SD. */
export const VARIANCE_TYPES = ["LS", "HO"] as const;
export type VarianceType = (typeof VARIANCE_TYPES)[number];

/** Two arms' means; group 1 is the intervention. `mSham` is the sham/normal animals' mean that NMD normalises by. */
export interface ContinuousArms {
  kind: "continuous";
  m1: number;
  sd1: number;
  n1: number;
  m2: number;
  sd2: number;
  n2: number;
  mSham?: number;
}
export interface BinaryArms {
  kind: "binary";
  events1: number;
  n1: number;
  events2: number;
  n2: number;
}
/** An effect already on the analysis scale (log for ratios) with its standard error, e.g. a log hazard ratio. */
export interface GenericEffect {
  kind: "generic";
  yi: number;
  sei: number;
}
export interface SingleProportion {
  kind: "single-binary";
  events: number;
  n: number;
}
export interface SingleMean {
  kind: "single-continuous";
  m: number;
  sd: number;
  n: number;
}
export type StudyData = ContinuousArms | BinaryArms | GenericEffect | SingleProportion | SingleMean;

/** The data kind each measure is computed from. */
export const DATA_KIND: Record<Measure, StudyData["kind"]> = {
  MD: "continuous",
  SMD: "continuous",
  ROM: "continuous",
  NMD: "continuous",
  RR: "binary",
  OR: "binary",
  RD: "binary",
  HR: "generic",
  PLO: "single-binary",
  PFT: "single-binary",
  MN: "single-continuous",
};

/** Measures whose analysis scale is the log of a ratio: shown back-transformed with exp(). */
export const RATIO_MEASURES: readonly Measure[] = ["ROM", "RR", "OR", "HR"];

export interface Study {
  label: string;
  data: StudyData;
  subgroup?: string;
  /** The moderator of a one-covariate meta-regression (e.g. dose, time to treatment). */
  covariate?: number;
}

/** One study's effect on the analysis scale and its sampling variance (metafor's yi and vi). */
export interface Effect {
  yi: number;
  vi: number;
  /** True when 1/2 was added to every cell because one was zero (escalc's add = 1/2, to = "only0"). */
  corrected: boolean;
}
