// The blinding rule applied to a review's stage: reads whether the stage is blinded and asks the kernel's rule.
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import type { Stage } from "../shared/stages";
import { seesOthers } from "../shared/visibility";

export async function seesOthersDecisions(db: Db | Tx, member: MemberScope, stage: Stage): Promise<boolean> {
  const { reviewId } = member;
  if (hasRole(member.role, "lead")) return true;
  const setting = await db.reviewStageSetting.findUniqueOrThrow({ where: { reviewId_stage: { reviewId, stage } } });
  return seesOthers(member.role, setting.blinded);
}

/**
 * For work whose refusals would tell a blinded reviewer how others decided (which reports exist, which are
 * included): one refusal, given before anything the work reads, to whoever may not see the stage's outcomes.
 */
export async function refuseUnlessSeesOthersDecisions(
  db: Db | Tx,
  scope: MemberScope,
  stage: Stage,
  refusal: string,
): Promise<void> {
  if (!(await seesOthersDecisions(db, scope, stage))) {
    throw new AppError("FORBIDDEN", refusal);
  }
}
