import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";

function assertOwner(scope: MemberScope, what: string): void {
  if (scope.role !== "owner") throw new AppError("FORBIDDEN", `Only an owner can ${what} a review.`);
}

/**
 * Archives the review (owners only): it leaves everyone's active reviews list for its Archived section and becomes
 * read-only (server/team/caller-membership.ts, assertWritable), since a finished review whose decisions could still
 * change is not finished. `archived: false` restores it.
 */
export async function setReviewArchived(db: Db, scope: MemberScope, archived: boolean) {
  assertOwner(scope, archived ? "archive" : "restore");
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Only a review in the other state changes, so a second click (or a stale screen) records nothing twice.
    const { count } = await tx.review.updateMany({
      where: { id: scope.reviewId, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? now : null },
    });
    if (count > 0)
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.actorId,
        action: archived ? "review.archived" : "review.unarchived",
        entityType: "review",
        entityId: scope.reviewId,
        createdAt: now,
      });
    return tx.review.findUniqueOrThrow({ where: { id: scope.reviewId }, select: { id: true, archivedAt: true } });
  });
}
