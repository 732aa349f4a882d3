// The lead's side of dual appraisal: once every appraiser of a study has completed, their answers are compared
// item by item and a consensus is drafted from what they agree on. Nothing here is reachable before then, so
// appraisers never see each other's answers while they still work.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { appraisersNeeded, resultWhere, studyForTool } from "./access";
import { assess, EMPTY_ANSWERS, readAnswers } from "./answers";
import { compareAnswers, consensusDraft } from "./compare";
import { checkResult, type ResultRef } from "./result-ref";
import { toolDefinition } from "./tools";
import type { ToolName } from "./tools/types";

type StudyToolResult = { studyId: string; tool: ToolName; result?: { outcomeId: string | null; timePoint?: string } };

async function completedAppraisals(db: Db | Tx, reviewId: string, studyId: string, tool: ToolName, result: ResultRef) {
  const needed = await appraisersNeeded(db, reviewId);
  const rows = await db.appraisal.findMany({
    where: { reviewId, studyId, tool, ...resultWhere(result), isConsensus: false },
    orderBy: { createdAt: "asc" },
    select: { id: true, answers: true, completedAt: true, appraiser: { select: { id: true, name: true } } },
  });
  const completed = rows.filter((r) => r.completedAt);
  if (completed.length < needed) {
    throw new AppError(
      "APPRAISAL_NOT_READY",
      `${completed.length} of ${needed} appraisers have completed this ${result.outcomeId ? "result" : "study"}; compare once all have.`,
    );
  }
  const tool_ = toolDefinition(tool);
  return completed.map((r) => ({ id: r.id, appraiser: r.appraiser, answers: readAnswers(tool_, r.answers).answers }));
}

/** The appraisers of one result (of the study, for the per-study tools) side by side, and its consensus. */
export async function appraisalComparison(db: Db, reviewId: string, input: StudyToolResult) {
  const study = await studyForTool(db, reviewId, input.studyId, input.tool);
  const tool = toolDefinition(input.tool);
  const result = checkResult(input.tool, input.result);
  const appraisals = await completedAppraisals(db, reviewId, input.studyId, input.tool, result);
  const consensus = await db.appraisal.findFirst({
    where: { reviewId, studyId: input.studyId, tool: input.tool, ...resultWhere(result), isConsensus: true },
  });
  const consensusRead = consensus ? readAnswers(tool, consensus.answers) : null;
  const consensusAnswers = consensusRead?.answers ?? null;
  return {
    study,
    appraisers: appraisals.map((a) => ({
      id: a.id,
      name: a.appraiser.name,
      answers: a.answers,
      assessment: assess(tool, a.answers),
    })),
    items: compareAnswers(
      tool,
      appraisals.map((a) => a.answers),
    ),
    consensus:
      consensus && consensusAnswers
        ? {
            id: consensus.id,
            version: consensus.version,
            completedAt: consensus.completedAt,
            answers: consensusAnswers,
            setAside: consensusRead!.setAside,
            assessment: assess(tool, consensusAnswers),
          }
        : null,
  };
}

/** The consensus row, drafted from the agreed answers; the lead then edits and completes it like an appraisal. */
export async function startConsensus(db: Db, scope: MemberScope, input: StudyToolResult) {
  return db.$transaction(async (tx) => {
    await studyForTool(tx, scope.reviewId, input.studyId, input.tool);
    const result = checkResult(input.tool, input.result);
    const existing = await tx.appraisal.findFirst({
      where: { studyId: input.studyId, tool: input.tool, ...resultWhere(result), isConsensus: true },
    });
    if (existing) return { id: existing.id };
    const appraisals = await completedAppraisals(tx, scope.reviewId, input.studyId, input.tool, result);
    const draft = appraisals.length
      ? consensusDraft(
          toolDefinition(input.tool),
          appraisals.map((a) => ({ name: a.appraiser.name, answers: a.answers })),
        )
      : EMPTY_ANSWERS;
    const created = await tx.appraisal.create({
      data: {
        reviewId: scope.reviewId,
        studyId: input.studyId,
        tool: input.tool,
        ...resultWhere(result),
        appraiserId: scope.actorId,
        isConsensus: true,
        answers: draft as unknown as Prisma.InputJsonValue,
        overall: assess(toolDefinition(input.tool), draft).overall?.final ?? null,
      },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "appraisal.consensus_started",
      entityType: "appraisal",
      entityId: created.id,
      data: { studyId: input.studyId, tool: input.tool, ...resultWhere(result), from: appraisals.map((a) => a.id) },
    });
    return { id: created.id };
  });
}
