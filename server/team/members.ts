import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { hasRole, type Role } from "../shared/roles";

/** The active membership of a user in a review, read from the database on every call (never from a cookie). */
export async function activeMembership(db: Db | Tx, reviewId: string, userId: string) {
  return db.membership.findFirst({ where: { reviewId, userId, removedAt: null } });
}

export async function listMembers(db: Db, reviewId: string) {
  const members = await db.membership.findMany({
    where: { reviewId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ removedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
  });
  return members.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
    removedAt: m.removedAt,
  }));
}

/** Leads manage reviewers and observers; only owners grant or take away lead and owner. */
function assertMayManage(actorRole: Role, fromRole: Role | null, toRole: Role | null): void {
  const touchesSenior = [fromRole, toRole].some((r) => r === "lead" || r === "owner");
  if (!hasRole(actorRole, touchesSenior ? "owner" : "lead")) {
    throw new AppError("FORBIDDEN", "Only an owner can grant or change the lead and owner roles.");
  }
}

async function assertAnotherOwnerRemains(tx: Tx, reviewId: string, userId: string): Promise<void> {
  const owners = await tx.membership.count({
    where: { reviewId, role: "owner", removedAt: null, userId: { not: userId } },
  });
  if (owners === 0)
    throw new AppError("LAST_OWNER", "A review needs at least one owner. Make someone else owner first.");
}

async function targetMembership(tx: Tx, reviewId: string, userId: string) {
  // Row lock: two owners demoting each other at once must not leave the review without an owner.
  await tx.$queryRaw`SELECT id FROM memberships WHERE review_id = ${reviewId} AND role = 'owner' FOR UPDATE`;
  const membership = await activeMembership(tx, reviewId, userId);
  if (!membership) throw new AppError("NOT_FOUND", "That person is not a member of this review.");
  return membership;
}

export async function changeRole(db: Db, scope: MemberScope, userId: string, role: Role) {
  return db.$transaction(async (tx) => {
    const membership = await targetMembership(tx, scope.reviewId, userId);
    assertMayManage(scope.role, membership.role, role);
    if (membership.role === role) return membership;
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, scope.reviewId, userId);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "member.role_changed",
      entityType: "membership",
      entityId: membership.id,
      data: { userId, from: membership.role, to: role },
    });
    return updated;
  });
}

/** Takes away all access; the membership row stays so that the person's work remains attributed to them. */
export async function removeMember(db: Db, scope: MemberScope, userId: string) {
  return db.$transaction(async (tx) => {
    const membership = await targetMembership(tx, scope.reviewId, userId);
    if (userId !== scope.actorId) assertMayManage(scope.role, membership.role, null);
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, scope.reviewId, userId);
    const removed = await tx.membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    await tx.screeningAssignment.deleteMany({ where: { reviewId: scope.reviewId, reviewerId: userId } });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "member.removed",
      entityType: "membership",
      entityId: membership.id,
      data: { userId, role: membership.role },
    });
    return removed;
  });
}

export { assertMayManage };
