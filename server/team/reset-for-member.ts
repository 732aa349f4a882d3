import { issuePasswordReset } from "../auth/password-reset";
import { resetLinkPath } from "../auth/reset-link";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { activeMembership } from "./members";

/**
 * Without SMTP, a member who forgot their password asks the review's owner, who issues a one-time link here and
 * hands it over. Owners only, and only for someone on this review: the link lets whoever holds it into the whole
 * account, so it is recorded in the review's trail, and the account's sessions end when it is used.
 */
export async function issueResetLinkForMember(db: Db, scope: MemberScope, userId: string, appUrl: string) {
  if (scope.role !== "owner") throw new AppError("FORBIDDEN", "Only an owner can issue a password reset link.");
  if (userId === scope.actorId)
    throw new AppError("INVALID_INPUT", "To change your own password, sign out and use “Forgot password?”.");
  const { token, expiresAt } = await db.$transaction(async (tx) => {
    const member = await activeMembership(tx, scope.reviewId, userId);
    if (!member) throw new AppError("NOT_FOUND", "That person is not a member of this review.");
    return issuePasswordReset(tx, { userId, channel: "owner", actorId: scope.actorId, reviewId: scope.reviewId });
  });
  return { link: new URL(resetLinkPath(token), appUrl).toString(), expiresAt };
}
