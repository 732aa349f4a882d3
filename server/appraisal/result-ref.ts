// The result an appraisal assesses. RoB 2 and ROBINS-I judge a result, an outcome at a time point, not a study:
// one study can have several such appraisals, one per result. SYRCLE and the validity of conclusions judge the
// whole study. An appraisal whose result is not named yet (every one made before results were named) still counts;
// its form asks for the result. Pure.
import { z } from "zod";
import { AppError } from "../errors/app-error";
import type { ToolName } from "./tools/types";

export interface ResultRef {
  /** A review outcome's id; null while the result is not named (and always for the per-study tools). */
  outcomeId: string | null;
  /** As the study reports it ("week 28"); empty with no outcome named. */
  timePoint: string;
}

export const NO_RESULT: ResultRef = { outcomeId: null, timePoint: "" };

export const ResultInput = z.object({
  outcomeId: z.string().min(1).max(64).nullable(),
  timePoint: z.string().max(80).default(""),
});

export function isPerResult(tool: ToolName): boolean {
  return tool === "rob2" || tool === "robins_i";
}

/** The result as stored: trimmed, no time point without an outcome; refused for a tool that appraises a study. */
export function checkResult(tool: ToolName, raw: { outcomeId: string | null; timePoint?: string } | undefined) {
  if (!raw || raw.outcomeId === null) return NO_RESULT;
  if (!isPerResult(tool))
    throw new AppError("INVALID_INPUT", "This tool appraises the whole study, not one result: name no outcome.");
  return { outcomeId: raw.outcomeId, timePoint: (raw.timePoint ?? "").trim().replace(/\s+/g, " ") };
}

/** Time points compare as people write them: "Week 28" and "week  28" are one time point. */
export function sameTimePoint(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
}

export function sameResult(a: ResultRef, b: ResultRef): boolean {
  return a.outcomeId === b.outcomeId && sameTimePoint(a.timePoint, b.timePoint);
}

/** "ALSFRS-R change, week 28"; "Result not named yet" for an unnamed one. */
export function resultLabel(ref: ResultRef, outcomeName: string | null | undefined): string {
  if (ref.outcomeId === null) return "Result not named yet";
  return [outcomeName ?? "Removed outcome", ref.timePoint].filter(Boolean).join(", ");
}
