import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { normaliseEmail } from "../auth/users";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { Role } from "../shared/roles";
import { assertMayManage } from "./members";

const INVITATION_DAYS = 14;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an invitation and returns its secret token (shown once, to the inviter, inside the link). */
export async function inviteMember(db: Db, scope: MemberScope, input: { email: string; role: Role }) {
  const email = normaliseEmail(input.email);
  assertMayManage(scope.role, null, input.role);
  const token = randomBytes(24).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { reviewId: scope.reviewId, removedAt: null, user: { email } },
    });
    if (member) throw new AppError("ALREADY_MEMBER", `${email} is already a member of this review.`);
    // A new invitation replaces any earlier one to the same address, so only the newest link works.
    await tx.invitation.updateMany({
      where: { reviewId: scope.reviewId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        reviewId: scope.reviewId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: scope.actorId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "invitation.created",
      entityType: "invitation",
      entityId: created.id,
      data: { email, role: input.role },
    });
    return created;
  });
  return { invitation, token };
}

export async function listPendingInvitations(db: Db, reviewId: string) {
  return db.invitation.findMany({
    where: { reviewId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(db: Db, scope: MemberScope, invitationId: string) {
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, reviewId: scope.reviewId } });
    if (!invitation) throw new AppError("NOT_FOUND", "That invitation does not exist.");
    assertMayManage(scope.role, null, invitation.role);
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitation.id,
    });
  });
}

type InvitationState = "valid" | "expired" | "used" | "revoked";

function stateOf(
  inv: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null },
  now = new Date(),
): InvitationState {
  if (inv.acceptedAt) return "used";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= now) return "expired";
  return "valid";
}

/** What the invite page shows before accepting; reveals nothing without the secret token. */
export async function previewInvitation(db: Db, token: string) {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { review: { select: { title: true } }, invitedBy: { select: { name: true } } },
  });
  if (!inv) throw new AppError("INVITATION_INVALID", "This invitation link is not valid. Ask for a new one.");
  return {
    email: inv.email,
    role: inv.role,
    reviewTitle: inv.review.title,
    invitedBy: inv.invitedBy.name,
    state: stateOf(inv),
  };
}

export async function acceptInvitation(db: Db, token: string, user: { id: string; email: string }) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM invitations WHERE token_hash = ${hashToken(token)} FOR UPDATE`;
    const inv = locked && (await tx.invitation.findUnique({ where: { id: locked.id }, include: { review: true } }));
    if (!inv) throw new AppError("INVITATION_INVALID", "This invitation link is not valid. Ask for a new one.");
    const state = stateOf(inv);
    if (state === "expired")
      throw new AppError("INVITATION_EXPIRED", "This invitation has expired. Ask the review's lead for a new one.");
    if (state === "used") throw new AppError("INVITATION_USED", "This invitation has already been accepted.");
    if (state === "revoked")
      throw new AppError("INVITATION_INVALID", "This invitation was withdrawn. Ask for a new one.");
    if (normaliseEmail(user.email) !== inv.email) {
      throw new AppError(
        "INVITATION_WRONG_ACCOUNT",
        `This invitation is for ${inv.email}, but you are signed in as ${user.email}. Sign in with the invited address.`,
      );
    }
    const membership = await tx.membership.upsert({
      where: { reviewId_userId: { reviewId: inv.reviewId, userId: user.id } },
      update: { role: inv.role, removedAt: null },
      create: { reviewId: inv.reviewId, userId: user.id, role: inv.role },
    });
    await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date(), acceptedById: user.id } });
    await recordAuditEvent(tx, {
      reviewId: inv.reviewId,
      actorId: user.id,
      action: "invitation.accepted",
      entityType: "membership",
      entityId: membership.id,
      data: { invitationId: inv.id, role: inv.role },
    });
    return { reviewId: inv.reviewId, slug: inv.review.slug, role: membership.role };
  });
}
