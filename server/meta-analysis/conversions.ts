// Turning what papers report into what the measures need, as the Cochrane Handbook gives it (ch. 6.5.2): SD from a
// standard error or a confidence interval, mean and SD estimated from a median with range or IQR (Wan et al. 2014),
// change-from-baseline SDs with an imputed correlation, and arms combined or a shared control split for multi-arm
// trials. Each returns what it used, so a screen can show the conversion beside the number it produced.
import { AppError } from "../errors/app-error";
import { qnorm, qt } from "./distributions";

export interface Converted {
  value: number;
  /** True for Wan's estimates and imputed correlations: numbers a reader should treat as approximations. */
  estimated: boolean;
  method: string;
}

/** SD = SE × √n (Handbook 6.5.2.2). */
export function sdFromSe(se: number, n: number): Converted {
  return { value: se * Math.sqrt(n), estimated: false, method: "SD = SE × √n" };
}

/**
 * The SD of one group's mean from its confidence interval (Handbook 6.5.2.2): SD = √n × (upper − lower) / (2 × crit),
 * crit from t(n − 1) when n < 60, as the Handbook advises for small samples, else from the normal distribution.
 */
export function sdFromCi(lower: number, upper: number, n: number, level = 0.95): Converted {
  const p = 1 - (1 - level) / 2;
  const small = n < 60;
  const crit = small ? qt(p, n - 1) : qnorm(p);
  return {
    value: (Math.sqrt(n) * (upper - lower)) / (2 * crit),
    estimated: false,
    method: small ? `SD = √n × width / (2 × t(${n - 1}))` : "SD = √n × width / (2 × z)",
  };
}

/**
 * The SE of a ratio (HR, RR, OR) on the log scale from its confidence interval (Handbook 6.3.2):
 * (ln upper − ln lower) / (2 × z).
 */
export function logSeFromRatioCi(lower: number, upper: number, level = 0.95): Converted {
  return {
    value: (Math.log(upper) - Math.log(lower)) / (2 * qnorm(1 - (1 - level) / 2)),
    estimated: false,
    method: "SE(ln ratio) = (ln upper − ln lower) / (2 × z)",
  };
}

const wanXi = (n: number) => qnorm((n - 0.375) / (n + 0.25));
const wanEta = (n: number) => qnorm((0.75 * n - 0.125) / (n + 0.25));

export interface MedianSummary {
  n: number;
  median: number;
  min?: number;
  max?: number;
  q1?: number;
  q3?: number;
}

/**
 * Mean and SD from a median with the range (Wan's scenario S1), the IQR (S3) or both (S2) (Wan et al. 2014,
 * BMC Med Res Methodol 14:135; Handbook 6.5.2.5). Always flagged as estimated.
 */
export function meanSdFromMedian(s: MedianSummary): { mean: Converted; sd: Converted } {
  const { n, median: m, min: a, max: b, q1, q3 } = s;
  const hasRange = a !== undefined && b !== undefined;
  const hasIqr = q1 !== undefined && q3 !== undefined;
  const est = (value: number, method: string): Converted => ({ value, estimated: true, method });
  if (hasRange && hasIqr)
    return {
      mean: est((a + 2 * q1 + 2 * m + 2 * q3 + b) / 8, "Wan 2014 S2: (min + 2q1 + 2m + 2q3 + max) / 8"),
      sd: est((b - a) / (4 * wanXi(n)) + (q3 - q1) / (4 * wanEta(n)), "Wan 2014 S2: range / (4ξ(n)) + IQR / (4η(n))"),
    };
  if (hasRange)
    return {
      mean: est((a + 2 * m + b) / 4, "Wan 2014 S1: (min + 2m + max) / 4"),
      sd: est((b - a) / (2 * wanXi(n)), "Wan 2014 S1: range / (2ξ(n))"),
    };
  if (hasIqr)
    return {
      mean: est((q1 + m + q3) / 3, "Wan 2014 S3: (q1 + m + q3) / 3"),
      sd: est((q3 - q1) / (2 * wanEta(n)), "Wan 2014 S3: IQR / (2η(n))"),
    };
  throw new AppError(
    "INVALID_INPUT",
    "a median needs its range, its interquartile range or both to estimate a mean and SD",
  );
}

/**
 * The SD of the change from baseline from the baseline and final SDs and a correlation the lead chooses
 * (Handbook 6.5.2.8): √(SD_b² + SD_f² − 2 r SD_b SD_f). Flagged as estimated: r is imputed.
 */
export function changeSd(sdBaseline: number, sdFinal: number, correlation: number): Converted {
  if (correlation < -1 || correlation > 1) throw new AppError("INVALID_INPUT", "a correlation lies between −1 and 1");
  return {
    value: Math.sqrt(sdBaseline ** 2 + sdFinal ** 2 - 2 * correlation * sdBaseline * sdFinal),
    estimated: true,
    method: `SD change = √(SDb² + SDf² − 2 × ${correlation} × SDb × SDf)`,
  };
}

export interface ContinuousArm {
  mean: number;
  sd: number;
  n: number;
}

/** Two arms as one (Handbook 6.5.2.10, Table 6.5.a), e.g. two doses against a common control. */
export function combineContinuousArms(x: ContinuousArm, y: ContinuousArm): ContinuousArm {
  const n = x.n + y.n;
  const mean = (x.n * x.mean + y.n * y.mean) / n;
  const sd = Math.sqrt(
    ((x.n - 1) * x.sd ** 2 +
      (y.n - 1) * y.sd ** 2 +
      ((x.n * y.n) / n) * (x.mean ** 2 + y.mean ** 2 - 2 * x.mean * y.mean)) /
      (n - 1),
  );
  return { mean, sd, n };
}

export interface BinaryArm {
  events: number;
  n: number;
}
export const combineBinaryArms = (x: BinaryArm, y: BinaryArm): BinaryArm => ({
  events: x.events + y.events,
  n: x.n + y.n,
});

/**
 * A control arm shared by several comparisons, split so no participant counts twice (Handbook 23.3.4): its n (and
 * events) divided by the number of comparisons; means and SDs stay as they are.
 */
export function splitSharedControl<T extends { n: number; events?: number }>(arm: T, comparisons: number): T {
  if (!Number.isInteger(comparisons) || comparisons < 2)
    throw new AppError("INVALID_INPUT", "split a shared control among 2 or more comparisons");
  return {
    ...arm,
    n: arm.n / comparisons,
    ...(arm.events === undefined ? {} : { events: arm.events / comparisons }),
  };
}
