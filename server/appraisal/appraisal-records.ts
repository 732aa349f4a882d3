// One appraiser's work on one study with one tool: start, save (refusing stale writes), complete, reopen.
// With one appraiser per study, completing also records the consensus.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import {
  appraisersNeeded,
  checkToolVersion,
  resultInReview,
  resultWhere,
  studyForTool,
  writableAppraisal,
} from "./access";
import { type AppraisalAnswers, assess, checkAnswers, readAnswers } from "./answers";
import { checkResult, isPerResult, type ResultRef } from "./result-ref";
import type { ToolName } from "./tools/types";
import { validityPrefillFor } from "./validity-source";

/** Starts the caller's appraisal of a study with a tool, of the named result for RoB 2 and ROBINS-I (or of none yet). */
export async function startAppraisal(
  db: Db,
  scope: MemberScope,
  input: { studyId: string; tool: ToolName; result?: { outcomeId: string | null; timePoint?: string } },
) {
  return db.$transaction(async (tx) => {
    await studyForTool(tx, scope.reviewId, input.studyId, input.tool);
    const result = await resultInReview(tx, scope.reviewId, checkResult(input.tool, input.result));
    const key = {
      studyId: input.studyId,
      tool: input.tool,
      appraiserId: scope.actorId,
      isConsensus: false,
      ...resultWhere(result),
    };
    const existing = await tx.appraisal.findFirst({ where: key });
    if (existing) return { id: existing.id };
    // The validity questions start from what the consensus extraction already says; the appraiser may change any.
    const prefill =
      input.tool === "validity_of_conclusions" ? await validityPrefillFor(tx, scope.reviewId, input.studyId) : null;
    const answers: AppraisalAnswers = { responses: prefill?.responses ?? {}, support: {}, overrides: {} };
    const created = await tx.appraisal.create({
      data: { ...key, reviewId: scope.reviewId, answers: answers as unknown as Prisma.InputJsonValue },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "appraisal.started",
      entityType: "appraisal",
      entityId: created.id,
      data: {
        studyId: input.studyId,
        tool: input.tool,
        ...(result.outcomeId && { outcomeId: result.outcomeId, timePoint: result.timePoint }),
        ...(prefill && {
          prefilledFrom: { ...prefill.source, questionIds: Object.keys(prefill.responses) },
        }),
      },
    });
    return { id: created.id };
  });
}

async function consensusSettled(tx: Tx, studyId: string, tool: ToolName, result: ResultRef): Promise<boolean> {
  const where = { studyId, tool, ...resultWhere(result), isConsensus: true, completedAt: { not: null } };
  return (await tx.appraisal.count({ where })) > 0;
}

/**
 * Writes only if the row still has the version the form was loaded with, so a second tab or a slow autosave
 * never overwrites newer answers; the caller gets STALE and reloads instead.
 */
export async function saveAppraisal(
  db: Db,
  scope: MemberScope,
  input: { appraisalId: string; version: number; toolVersion: number; answers: unknown },
) {
  return db.$transaction(async (tx) => {
    const { appraisal, tool } = await writableAppraisal(tx, scope, input.appraisalId);
    checkToolVersion(tool, input.toolVersion);
    const answers = checkAnswers(tool, input.answers);
    if (appraisal.completedAt)
      throw new AppError("STALE", "This appraisal is marked complete. Reopen it to change answers.");
    const assessment = assess(tool, answers);
    const written = await tx.appraisal.updateMany({
      where: { id: appraisal.id, version: input.version },
      data: {
        answers: answers as unknown as Prisma.InputJsonValue,
        overall: assessment.overall?.final ?? null,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) {
      throw new AppError(
        "STALE",
        "These answers were changed elsewhere (another tab or person) since you loaded them. Reload to see the latest; nothing was overwritten.",
      );
    }
    const before = (appraisal.answers ?? {}) as Partial<AppraisalAnswers>;
    const changed = Object.keys({ ...before.responses, ...answers.responses }).filter(
      (id) => before.responses?.[id] !== answers.responses[id],
    );
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: appraisal.isConsensus ? "appraisal.consensus_edited" : "appraisal.saved",
      entityType: "appraisal",
      entityId: appraisal.id,
      data: { changed },
    });
    return { version: input.version + 1, assessment };
  });
}

/** Needs a final judgement for every domain (and overall); records the consensus when it is one, or when one appraiser is enough. */
export async function completeAppraisal(db: Db, scope: MemberScope, input: { appraisalId: string; version: number }) {
  return db.$transaction(async (tx) => {
    const { appraisal, tool } = await writableAppraisal(tx, scope, input.appraisalId);
    if (appraisal.version !== input.version)
      throw new AppError(
        "STALE",
        "These answers changed since you loaded them. Reload and check them before completing.",
      );
    if (appraisal.completedAt) return { completed: true };
    const { answers } = readAnswers(tool, appraisal.answers);
    const assessment = assess(tool, answers);
    if (assessment.missing.length > 0) {
      throw new AppError(
        "APPRAISAL_NOT_READY",
        `Judge ${assessment.missing.map((m) => (m === "overall" ? "the overall risk" : m)).join(", ")} first: answer the signalling questions or override with a reason.`,
      );
    }
    const completedAt = new Date();
    const overall = assessment.overall?.final ?? null;
    await tx.appraisal.update({
      where: { id: appraisal.id },
      data: { completedAt, overall, version: { increment: 1 } },
    });
    const audit = { reviewId: scope.reviewId, actorId: scope.actorId, entityType: "appraisal" };
    if (appraisal.isConsensus) {
      await recordAuditEvent(tx, {
        ...audit,
        action: "appraisal.consensus_recorded",
        entityId: appraisal.id,
        data: {
          studyId: appraisal.studyId,
          tool: appraisal.tool,
          overall,
          judgements: Object.fromEntries(assessment.domains.map((d) => [d.id, d.final])),
        },
      });
      return { completed: true };
    }
    await recordAuditEvent(tx, {
      ...audit,
      action: "appraisal.completed",
      entityId: appraisal.id,
      data: { studyId: appraisal.studyId, tool: appraisal.tool },
    });
    if (
      (await appraisersNeeded(tx, scope.reviewId)) === 1 &&
      !(await consensusSettled(tx, appraisal.studyId, appraisal.tool, appraisal))
    ) {
      // One appraiser per study: their appraisal is the review's result, kept as the consensus row that plots and exports read.
      const data = {
        answers: answers as unknown as Prisma.InputJsonValue,
        overall,
        completedAt,
        appraiserId: scope.actorId,
      };
      const key = { studyId: appraisal.studyId, tool: appraisal.tool, ...resultWhere(appraisal), isConsensus: true };
      const existing = await tx.appraisal.findFirst({ where: key });
      const consensus = existing
        ? await tx.appraisal.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
        : await tx.appraisal.create({ data: { ...key, ...data, reviewId: scope.reviewId } });
      await recordAuditEvent(tx, {
        ...audit,
        action: "appraisal.consensus_recorded",
        entityId: consensus.id,
        data: {
          studyId: appraisal.studyId,
          tool: appraisal.tool,
          ...resultWhere(appraisal),
          overall,
          from: appraisal.id,
        },
      });
    }
    return { completed: true };
  });
}

/** Back to editing, until the consensus is recorded (after that, the lead changes the consensus). */
export async function reopenAppraisal(db: Db, scope: MemberScope, input: { appraisalId: string }) {
  return db.$transaction(async (tx) => {
    const { appraisal } = await writableAppraisal(tx, scope, input.appraisalId);
    if (
      !appraisal.isConsensus &&
      (await appraisersNeeded(tx, scope.reviewId)) > 1 &&
      (await consensusSettled(tx, appraisal.studyId, appraisal.tool, appraisal))
    ) {
      throw new AppError(
        "STALE",
        "The consensus for this result is recorded; a lead can reopen and change the consensus instead.",
      );
    }
    await tx.appraisal.update({ where: { id: appraisal.id }, data: { completedAt: null, version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "appraisal.reopened",
      entityType: "appraisal",
      entityId: appraisal.id,
    });
  });
}

/**
 * Names (or renames) the result an RoB 2 or ROBINS-I appraisal assesses: the appraiser's own, or a consensus for a
 * lead. Refused when the appraiser already has an appraisal of that result, so two never judge one result apart.
 * Until the consensus is recorded, the appraisers of one result are compared with each other, so naming the result
 * after completing is allowed only while reopened.
 */
export async function nameResult(
  db: Db,
  scope: MemberScope,
  input: { appraisalId: string; version: number; result: { outcomeId: string | null; timePoint?: string } },
) {
  return db.$transaction(async (tx) => {
    const { appraisal } = await writableAppraisal(tx, scope, input.appraisalId);
    if (!isPerResult(appraisal.tool))
      throw new AppError("INVALID_INPUT", "This tool appraises the whole study, not one result.");
    if (appraisal.version !== input.version)
      throw new AppError("STALE", "This appraisal changed since you loaded it. Reload and name its result again.");
    if (appraisal.completedAt)
      throw new AppError("STALE", "This appraisal is marked complete. Reopen it to change the result it assesses.");
    const result = await resultInReview(tx, scope.reviewId, checkResult(appraisal.tool, input.result));
    if (result.outcomeId === null) throw new AppError("INVALID_INPUT", "Choose the outcome this appraisal assesses.");
    const twin = await tx.appraisal.findFirst({
      where: {
        studyId: appraisal.studyId,
        tool: appraisal.tool,
        appraiserId: appraisal.appraiserId,
        isConsensus: appraisal.isConsensus,
        ...resultWhere(result),
        id: { not: appraisal.id },
      },
      select: { id: true },
    });
    if (twin)
      throw new AppError(
        "INVALID_INPUT",
        "There is already an appraisal of this study for that outcome and time point; open it instead.",
      );
    await tx.appraisal.update({
      where: { id: appraisal.id },
      data: { ...resultWhere(result), version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "appraisal.result_named",
      entityType: "appraisal",
      entityId: appraisal.id,
      data: { from: resultWhere(appraisal), to: resultWhere(result) },
    });
    return { version: input.version + 1 };
  });
}

export async function setAppraisersPerStudy(db: Db, scope: MemberScope, appraisersPerStudy: 1 | 2) {
  return db.$transaction(async (tx) => {
    await tx.review.update({ where: { id: scope.reviewId }, data: { appraisersPerStudy } });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "appraisal.setting_changed",
      entityType: "review",
      entityId: scope.reviewId,
      data: { appraisersPerStudy },
    });
  });
}
