// The optimal information size (GRADE Handbook 5.2.4.1; GRADE guidelines 6, Guyatt et al. 2011, J Clin Epidemiol
// 64:1283–1293): the participants one adequately powered trial would need; a review with fewer is imprecise even
// when its CI looks narrow. Conventional sample-size formulas, two-sided α, power 1 − β.
import { AppError } from "../../errors/app-error";
import { qnorm } from "../distributions";

export interface PowerOptions {
  alpha?: number;
  power?: number;
}

const quantiles = (o: PowerOptions) => {
  const alpha = o.alpha ?? 0.05;
  const power = o.power ?? 0.8;
  return { za: qnorm(1 - alpha / 2), zb: qnorm(power) };
};

/**
 * Total participants (both groups) to detect a relative risk reduction `rrr` from a control risk `controlRisk`:
 * Fleiss's formula without continuity correction (pooled variance under the null), the one R's power.prop.test
 * solves.
 */
export function binaryInformationSize(controlRisk: number, rrr: number, o: PowerOptions = {}): number {
  if (!(controlRisk > 0 && controlRisk < 1))
    throw new AppError("INVALID_INPUT", `the control risk must be between 0 and 1, not ${controlRisk}`);
  if (!(rrr > 0 && rrr < 1))
    throw new AppError("INVALID_INPUT", `the relative risk reduction must be between 0 and 1, not ${rrr}`);
  const { za, zb } = quantiles(o);
  const p1 = controlRisk;
  const p2 = controlRisk * (1 - rrr);
  const mean = (p1 + p2) / 2;
  const perGroup =
    (za * Math.sqrt(2 * mean * (1 - mean)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p1 - p2) ** 2;
  return 2 * Math.ceil(perGroup);
}

/** Total participants to detect a mean difference `delta` with standard deviation `sd` (normal approximation). */
export function continuousInformationSize(delta: number, sd: number, o: PowerOptions = {}): number {
  if (!(delta !== 0 && sd > 0))
    throw new AppError("INVALID_INPUT", "the difference to detect must not be 0 and the SD must be above 0");
  const { za, zb } = quantiles(o);
  return 2 * Math.ceil((2 * (za + zb) ** 2 * sd ** 2) / delta ** 2);
}
