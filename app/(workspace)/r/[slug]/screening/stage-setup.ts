import type { ReviewView } from "@/app/_lib/review-access";
import { effectiveReasonRequired, type Stage } from "@/server/shared/stages";
import { DEFAULT_DECISION_DELAY_MS, type StageSetup } from "./screening-types";

/** A stage's reasons and rules from the review the page already loaded. */
export function stageSetup(review: ReviewView, stage: Stage): StageSetup {
  const settings = review.stageSettings.find((s) => s.stage === stage);
  return {
    stage,
    reasons: review.exclusionReasons.filter((r) => r.stage === stage).map((r) => ({ id: r.id, label: r.label })),
    reasonRequired: effectiveReasonRequired(stage, settings?.reasonRequired ?? false),
    blinded: settings?.blinded ?? true,
    decisionDelayMs: settings?.decisionDelayMs ?? DEFAULT_DECISION_DELAY_MS,
  };
}
