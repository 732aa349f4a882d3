// Absolute effects for a Summary of findings table: the risk with the intervention implied by a relative effect
// and an assumed comparator (control) risk, ACR (Cochrane Handbook v6 ch. 14.1.5.1; v5.1 11.5.5, with the worked
// examples of 12.5.4.2–3): RR → ACR × RR; OR → OR × ACR / (1 − ACR + OR × ACR); HR → 1 − (1 − ACR)^HR; RD → ACR + RD.
// Relative measures arrive on the analysis (log) scale, as the engine gives them.
import { AppError } from "../../errors/app-error";
import type { Measure } from "../types";

export const ABSOLUTE_MEASURES: readonly Measure[] = ["RR", "OR", "HR", "RD"];

/** The risk with the intervention for one value of the effect (log scale for RR, OR and HR). */
export function interventionRisk(measure: Measure, acr: number, effect: number): number {
  if (!(acr >= 0 && acr <= 1)) throw new AppError("INVALID_INPUT", `an assumed risk is a proportion, not ${acr}`);
  switch (measure) {
    case "RR":
      return Math.min(1, acr * Math.exp(effect));
    case "OR": {
      const or = Math.exp(effect);
      return (or * acr) / (1 - acr + or * acr);
    }
    case "HR":
      return 1 - (1 - acr) ** Math.exp(effect);
    case "RD":
      return Math.min(1, Math.max(0, acr + effect));
    default:
      throw new AppError("INVALID_INPUT", `no absolute effect follows from ${measure}; use RR, OR, HR or RD`);
  }
}

export interface AbsoluteEffect {
  /** Per 1,000, rounded as the table shows them. */
  control: number;
  intervention: { estimate: number; lower: number; upper: number };
  /** Intervention minus control, per 1,000: negative = fewer. Lower and upper in the order of the effect's CI. */
  difference: { estimate: number; lower: number; upper: number };
}

const per1000 = (risk: number) => Math.round(1000 * risk);

export function absoluteEffect(
  measure: Measure,
  acr: number,
  estimate: number,
  lower: number,
  upper: number,
): AbsoluteEffect {
  const risk = (e: number) => interventionRisk(measure, acr, e);
  const control = acr * 1000;
  const diff = (e: number) => Math.round(1000 * (risk(e) - acr));
  return {
    control: Math.round(control),
    intervention: { estimate: per1000(risk(estimate)), lower: per1000(risk(lower)), upper: per1000(risk(upper)) },
    difference: { estimate: diff(estimate), lower: diff(lower), upper: diff(upper) },
  };
}

/** The number needed to treat (benefit) or harm: 1 / |risk difference|, rounded up; null when there is no difference. */
export function numberNeeded(measure: Measure, acr: number, estimate: number): number | null {
  const rd = interventionRisk(measure, acr, estimate) - acr;
  return rd === 0 ? null : Math.ceil(1 / Math.abs(rd) - 1e-9);
}
