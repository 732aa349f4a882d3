// A stage's screening settings. Changing how many reviewers a record needs settles its records again in the same
// transaction, so this lives with the outcomes it changes rather than in server/reviews, which screening builds on.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { type StageSettings, StageSettingsInput } from "../reviews/review-settings";
import type { ActorScope } from "../shared/actor";
import { effectiveReasonRequired, type Stage } from "../shared/stages";
import { reevaluateStage } from "./outcome";

export async function updateStageSettings(db: Db, scope: ActorScope, stage: Stage, input: StageSettings) {
  const settings = StageSettingsInput.parse(input);
  const data = { ...settings, reasonRequired: effectiveReasonRequired(stage, settings.reasonRequired) };
  return db.$transaction(async (tx) => {
    const before = await tx.reviewStageSetting.findUniqueOrThrow({
      where: { reviewId_stage: { reviewId: scope.reviewId, stage } },
    });
    const row = await tx.reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: scope.reviewId, stage } },
      data,
    });
    if (before.reviewersPerRecord !== row.reviewersPerRecord) {
      await reevaluateStage(tx, scope.reviewId, stage, row.reviewersPerRecord);
    }
    await recordAuditEvent(tx, {
      ...scope,
      action: "review.stage_settings_changed",
      entityType: "review",
      entityId: scope.reviewId,
      data: { stage, ...data },
    });
    return row;
  });
}
