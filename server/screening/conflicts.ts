// Disagreements for leads: both sides, and the final verdict a lead records.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import type { ConflictStatus } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import { decisionsChanged } from "../events/decisions-changed";
import { announceReviewChange } from "../live/review-changes";
import type { ActorScope } from "../shared/actor";
import { effectiveReasonRequired, type Stage } from "../shared/stages";
import { syncReport } from "./outcome";

/** The rule that keeps a lead from settling a disagreement they are part of, when the review asks for it. */
export const OWN_DECISION_REFUSAL =
  "You decided on this record yourself, and this review asks a third person to resolve such conflicts: another lead resolves this one.";

export async function listConflicts(db: Db, scope: ActorScope, stage: Stage, status: ConflictStatus) {
  const { reviewId } = scope;
  const setting = await db.reviewStageSetting.findUnique({ where: { reviewId_stage: { reviewId, stage } } });
  const independent = setting?.independentAdjudication ?? false;
  const conflicts = await db.conflict.findMany({
    where: { reviewId, stage, status },
    include: {
      record: {
        select: {
          id: true,
          title: true,
          abstract: true,
          authors: true,
          year: true,
          journal: true,
          doi: true,
          pmid: true,
          nctIds: true,
          report: { select: { id: true, fileName: true, url: true } },
          decisions: {
            where: { stage },
            select: {
              verdict: true,
              note: true,
              updatedAt: true,
              reason: { select: { label: true } },
              reviewer: { select: { id: true, name: true } },
            },
            orderBy: { createdAt: "asc" },
          },
          outcomes: {
            where: { stage },
            select: { status: true, overrideId: true, reason: { select: { label: true } } },
          },
          // A lead's reopening (at this stage, or taking back the inclusion that brought it to full text).
          outcomeChanges: {
            where: { OR: [{ stage, kind: "reopen" }, { stage: "title_abstract" }] },
            select: { kind: true, stage: true, createdAt: true, actor: { select: { name: true } } },
            orderBy: { createdAt: "desc" },
            take: 1,
          },
        },
      },
      reason: { select: { label: true } },
      resolvedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return conflicts.map(({ record: { decisions, outcomes, outcomeChanges, ...record }, ...c }) => {
    const outcome = outcomes[0];
    const change = outcomeChanges[0];
    const ownDecision = decisions.some((d) => d.reviewer.id === scope.actorId);
    return {
      ...c,
      record,
      decisions,
      /** Null when the viewing lead may resolve it; otherwise why not. */
      resolveRefusal: independent && ownDecision ? OWN_DECISION_REFUSAL : null,
      /** Where the record stands now: a lead may have overridden the resolution since. */
      outcome: outcome
        ? { status: outcome.status, reason: outcome.reason?.label ?? null, overridden: outcome.overrideId !== null }
        : null,
      /** For a withdrawn conflict: the lead whose reopening withdrew it, if one did. */
      reopened:
        c.status === "withdrawn" && change && change.createdAt >= c.createdAt
          ? { by: change.actor.name, at: change.createdAt }
          : null,
    };
  });
}

export interface Resolution {
  conflictId: string;
  verdict: "include" | "exclude";
  reasonId?: string | null;
  note?: string;
}

export async function resolveConflict(db: Db, scope: { reviewId: string; actorId: string }, input: Resolution) {
  const resolved = await db.$transaction(async (tx) => {
    const found = await tx.conflict.findFirst({ where: { id: input.conflictId, reviewId: scope.reviewId } });
    if (!found) throw new AppError("NOT_FOUND", "That conflict does not exist in this review.");
    await tx.$queryRaw`SELECT id FROM records WHERE id = ${found.recordId} FOR UPDATE`;
    const conflict = await tx.conflict.findUniqueOrThrow({ where: { id: found.id } });
    if (conflict.status !== "open") {
      throw new AppError(
        "STALE",
        conflict.status === "resolved"
          ? "This conflict was already resolved."
          : "The reviewers changed their decisions and now agree; there is nothing to resolve.",
      );
    }
    const setting = await tx.reviewStageSetting.findUniqueOrThrow({
      where: { reviewId_stage: { reviewId: scope.reviewId, stage: conflict.stage } },
    });
    if (setting.independentAdjudication) {
      const own = await tx.screeningDecision.count({
        where: { recordId: conflict.recordId, stage: conflict.stage, reviewerId: scope.actorId },
      });
      if (own > 0) throw new AppError("FORBIDDEN", OWN_DECISION_REFUSAL);
    }
    let reasonId: string | null = null;
    if (input.verdict === "exclude") {
      if (input.reasonId) {
        const reason = await tx.exclusionReason.findFirst({
          where: { id: input.reasonId, reviewId: scope.reviewId, stage: conflict.stage, archivedAt: null },
        });
        if (!reason)
          throw new AppError("INVALID_INPUT", "That exclusion reason is not in this review's list for this stage.");
        reasonId = reason.id;
      } else if (effectiveReasonRequired(conflict.stage, setting.reasonRequired)) {
        throw new AppError("INVALID_INPUT", "Choose the final exclusion reason: this stage requires one.");
      }
    } else if (input.reasonId) {
      throw new AppError("INVALID_INPUT", "Only an exclusion takes an exclusion reason.");
    }
    const note = (input.note ?? "").trim().slice(0, 5000);
    const now = new Date();
    const resolved = await tx.conflict.update({
      where: { id: conflict.id },
      data: {
        status: "resolved",
        verdict: input.verdict,
        reasonId,
        note,
        resolvedById: scope.actorId,
        resolvedAt: now,
      },
    });
    await tx.screeningOutcome.update({
      where: { recordId_stage: { recordId: conflict.recordId, stage: conflict.stage } },
      data: { status: input.verdict === "include" ? "included" : "excluded", reasonId, settledAt: now },
    });
    if (conflict.stage === "title_abstract")
      await syncReport(tx, scope.reviewId, conflict.recordId, input.verdict === "include");
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "conflict.resolved",
      entityType: "conflict",
      entityId: conflict.id,
      data: { recordId: conflict.recordId, stage: conflict.stage, verdict: input.verdict, reasonId, note },
    });
    await announceReviewChange(tx, {
      reviewId: scope.reviewId,
      stage: conflict.stage,
      kind: "resolution",
      actorId: scope.actorId,
    });
    return resolved;
  });
  // A resolved record is a label every reviewer's ranking may now learn from.
  decisionsChanged({ db, reviewId: scope.reviewId, stage: resolved.stage, reviewerIds: "all" });
  return resolved;
}
