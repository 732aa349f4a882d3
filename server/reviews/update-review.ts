import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import type { Stage } from "../shared/stages";
import { recordCriteriaVersion } from "./criteria-versions";
import { ReviewDetailsInput } from "./review-settings";

export async function updateReviewDetails(db: Db, scope: ActorScope, input: z.input<typeof ReviewDetailsInput>) {
  const details = ReviewDetailsInput.parse(input);
  return db.$transaction(async (tx) => {
    const review = await tx.review.update({ where: { id: scope.reviewId }, data: details });
    await recordAuditEvent(tx, {
      ...scope,
      action: "review.updated",
      entityType: "review",
      entityId: scope.reviewId,
      data: details,
    });
    await recordCriteriaVersion(tx, scope);
    return review;
  });
}

/**
 * Makes the active reason list of a stage equal to `labels`, in that order. Reasons that disappear are archived,
 * not deleted, so decisions that cite them keep their meaning.
 */
export async function setExclusionReasons(db: Db, scope: ActorScope, stage: Stage, labels: string[]) {
  const wanted = [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
  if (wanted.length > 50) throw new AppError("INVALID_INPUT", "A stage can have at most 50 exclusion reasons.");
  return db.$transaction(async (tx) => {
    const existing = await tx.exclusionReason.findMany({ where: { reviewId: scope.reviewId, stage } });
    const byLabel = new Map(existing.map((r) => [r.label, r]));
    for (const reason of existing) {
      if (!wanted.includes(reason.label) && !reason.archivedAt) {
        await tx.exclusionReason.update({ where: { id: reason.id }, data: { archivedAt: new Date() } });
      }
    }
    for (const [position, label] of wanted.entries()) {
      const found = byLabel.get(label);
      if (found) {
        await tx.exclusionReason.update({ where: { id: found.id }, data: { position, archivedAt: null } });
      } else {
        await tx.exclusionReason.create({ data: { reviewId: scope.reviewId, stage, label, position } });
      }
    }
    await recordAuditEvent(tx, {
      ...scope,
      action: "review.exclusion_reasons_changed",
      entityType: "review",
      entityId: scope.reviewId,
      data: { stage, labels: wanted },
    });
    await recordCriteriaVersion(tx, scope);
    return tx.exclusionReason.findMany({
      where: { reviewId: scope.reviewId, stage, archivedAt: null },
      orderBy: { position: "asc" },
    });
  });
}

const Keywords = z.array(z.string().trim().min(1).max(100)).max(200);
export const KeywordsInput = z.object({ includeKeywords: Keywords, excludeKeywords: Keywords });

/** The words highlighted for screeners; saved as typed, matched without regard to case. */
export async function setScreeningKeywords(db: Db, scope: ActorScope, input: z.input<typeof KeywordsInput>) {
  const keywords = KeywordsInput.parse(input);
  return db.$transaction(async (tx) => {
    const review = await tx.review.update({
      where: { id: scope.reviewId },
      data: {
        includeKeywords: [...new Set(keywords.includeKeywords)],
        excludeKeywords: [...new Set(keywords.excludeKeywords)],
      },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "review.keywords_changed",
      entityType: "review",
      entityId: scope.reviewId,
      data: keywords,
    });
    await recordCriteriaVersion(tx, scope);
    return { includeKeywords: review.includeKeywords, excludeKeywords: review.excludeKeywords };
  });
}
