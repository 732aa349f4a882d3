// What a member may learn about records beyond their own decisions, and the filters they may therefore use. The
// kernel's blinding rule decides per stage; a record's full-text side (whether it got there, its report, its
// study) also tells how title/abstract screening went, so it is seen only by whoever sees both stages.
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { STAGE_LABELS, type Stage } from "../shared/stages";
import { seesOthers } from "../shared/visibility";
import type { RecordFilters } from "./browse-input";

export interface RecordVisibility {
  /** Outcomes, conflicts and others' decisions at title/abstract, and which records reached full text. */
  titleAbstract: boolean;
  /** The same at full text, and studies; implies titleAbstract. */
  fullText: boolean;
}

export function seesStage(visibility: RecordVisibility, stage: Stage): boolean {
  return stage === "title_abstract" ? visibility.titleAbstract : visibility.fullText;
}

/**
 * The blinding rule for both stages from one read of their settings (seesOthersDecisions in
 * server/reviews/stage-visibility.ts asks per stage; the browser needs both on every call).
 */
export async function recordVisibility(db: Db, member: MemberScope): Promise<RecordVisibility> {
  const settings = await db.reviewStageSetting.findMany({
    where: { reviewId: member.reviewId },
    select: { stage: true, blinded: true },
  });
  // A stage without settings is treated as blinded: nothing is shown that the rule has not allowed.
  const blinded = (stage: Stage) => settings.find((s) => s.stage === stage)?.blinded ?? true;
  const titleAbstract = seesOthers(member.role, blinded("title_abstract"));
  return { titleAbstract, fullText: titleAbstract && seesOthers(member.role, blinded("full_text")) };
}

const stageName = (stage: Stage) => STAGE_LABELS[stage].toLowerCase();

/**
 * Why the caller may not use these filters, or null. The answer depends only on the filters asked for, the
 * caller and the stages' settings, never on the records, so a refusal says nothing of how anyone decided.
 */
export function hiddenFilterRefusal(
  filters: RecordFilters,
  visibility: RecordVisibility,
  actorId: string,
): string | null {
  const journey = filters.reached !== "any" || filters.fullText !== "any" || filters.study !== undefined;
  if (journey && !visibility.titleAbstract)
    return "While title and abstract screening is blinded, only leads can filter by how far records got, by full text or by study: it would tell you how your co-reviewers decided.";
  if ((filters.reached === "included" || filters.study !== undefined) && !visibility.fullText)
    return "While full-text screening is blinded, only leads can filter by inclusion in the review or by study: it would tell you how your co-reviewers decided.";
  const stage = filters.stage;
  if (seesStage(visibility, stage)) return null;
  const settled =
    filters.outcome !== "any" ||
    filters.exclusionReasonId !== undefined ||
    filters.conflict !== "any" ||
    filters.changed !== "any";
  if (settled)
    return `While ${stageName(stage)} screening is blinded, only leads can filter by outcome, exclusion reason, conflict or a lead's change at that stage: these depend on your co-reviewers' decisions.`;
  if (filters.decidedBy !== undefined && filters.decidedBy !== actorId)
    return `While ${stageName(stage)} screening is blinded, you can filter by your own decisions only.`;
  return null;
}

export function refuseHiddenFilters(filters: RecordFilters, visibility: RecordVisibility, actorId: string): void {
  const refusal = hiddenFilterRefusal(filters, visibility, actorId);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}
