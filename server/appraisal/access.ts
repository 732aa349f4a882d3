// Shared lookups for appraisal services: the study must belong to the review, the tool must be one the study
// is appraised with, and the row must be the caller's own (or, for a consensus, the caller must lead).

import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { studyTools } from "../studies/designs";
import { NO_RESULT, type ResultRef } from "./result-ref";
import { toolDefinition } from "./tools";
import type { ToolDefinition, ToolName } from "./tools/types";

export async function studyForTool(db: Db | Tx, reviewId: string, studyId: string, tool: ToolName) {
  const study = await db.study.findFirst({
    where: { id: studyId, reviewId },
    select: { id: true, label: true, appraisalTool: true },
  });
  if (!study) throw new AppError("NOT_FOUND", "That study is not in this review. Reload the page.");
  if (!studyTools(study.appraisalTool).includes(tool)) {
    throw new AppError(
      "INVALID_INPUT",
      `${toolDefinition(tool).label} is not a tool chosen for ${study.label}. A lead can change the study's tool.`,
    );
  }
  return study;
}

/**
 * Appraisals with `tool` of studies still appraised with it. A study's tool can change after it was appraised;
 * its earlier appraisals are kept but count nowhere, so every table, plot and download reads this one rule
 * (the same as studyTools) and they always agree.
 */
export function currentToolWhere(tool: ToolName) {
  return tool === "validity_of_conclusions" ? { tool } : { tool, study: { appraisalTool: tool } };
}

export async function appraisersNeeded(db: Db | Tx, reviewId: string): Promise<number> {
  const review = await db.review.findUniqueOrThrow({ where: { id: reviewId }, select: { appraisersPerStudy: true } });
  return review.appraisersPerStudy;
}

/** An appraisal the caller may write: their own, or a consensus when they lead. */
export async function writableAppraisal(tx: Tx, scope: MemberScope, appraisalId: string) {
  const appraisal = await tx.appraisal.findFirst({ where: { id: appraisalId, reviewId: scope.reviewId } });
  if (!appraisal) throw new AppError("NOT_FOUND", "That appraisal is not in this review. Reload the page.");
  const allowed = appraisal.isConsensus ? hasRole(scope.role, "lead") : appraisal.appraiserId === scope.actorId;
  if (!allowed)
    throw new AppError(
      "FORBIDDEN",
      appraisal.isConsensus ? "Only a lead records a consensus." : "You can only change your own appraisal.",
    );
  return { appraisal, tool: toolDefinition(appraisal.tool) as ToolDefinition };
}

export function checkToolVersion(tool: ToolDefinition, toolVersion: number) {
  if (toolVersion !== tool.version) {
    throw new AppError(
      "STALE",
      `The ${tool.label} form has changed since this page was opened. Reload the page; your saved answers are kept.`,
    );
  }
}

/** A named result's outcome must be one of the review's; returns the result as it will be stored. */
export async function resultInReview(db: Db | Tx, reviewId: string, ref: ResultRef): Promise<ResultRef> {
  if (ref.outcomeId === null) return NO_RESULT;
  const outcome = await db.reviewOutcome.findFirst({ where: { id: ref.outcomeId, reviewId }, select: { id: true } });
  if (!outcome) throw new AppError("NOT_FOUND", "That outcome is not in this review's outcome list. Reload the page.");
  return ref;
}

/** The where clause of one result (a null outcome matches the appraisals whose result is not named). */
export function resultWhere(ref: ResultRef) {
  return { outcomeId: ref.outcomeId, timePoint: ref.timePoint };
}
