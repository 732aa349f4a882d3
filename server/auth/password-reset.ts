// One-time password reset links: issued by email on request, by a review's owner (server/team/reset-for-member.ts)
// or by an administrator (`sift user reset-password`), and spent by the reset page. Setting the new password ends
// every session of the account's, so whoever held the old password is signed out.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { checkPasswordStrength, hashPassword } from "./password";
import {
  newResetToken,
  RESET_LINK_HOURS,
  type ResetChannel,
  resetLinkPath,
  resetLinkState,
  resetTokenHash,
} from "./reset-link";
import { normaliseEmail } from "./users";

/**
 * Creates a link for the user and returns its token, with its audit event (`reviewId` when an owner issued it
 * from a review, so the review's trail shows it). A new link replaces the user's earlier unspent ones, so only
 * the newest works.
 */
export async function issuePasswordReset(
  tx: Tx,
  input: { userId: string; channel: ResetChannel; actorId: string | null; reviewId?: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newResetToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS[input.channel] * 3_600_000);
  await tx.passwordReset.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: now } });
  const link = await tx.passwordReset.create({
    data: { userId: input.userId, tokenHash: resetTokenHash(token), channel: input.channel, createdAt: now, expiresAt },
  });
  await recordAuditEvent(tx, {
    reviewId: input.reviewId ?? null,
    actorId: input.actorId,
    action: "user.password_reset_issued",
    entityType: "user",
    entityId: input.userId,
    data: { channel: input.channel, linkId: link.id, expiresAt: expiresAt.toISOString() },
    createdAt: now,
  });
  return { token, expiresAt };
}

/** `sift user reset-password`: the administrator is told plainly when no account has the address. */
export async function issueResetLinkForEmail(db: Db, email: string, appUrl: string, now = new Date()) {
  const address = normaliseEmail(email);
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `No account has the email ${address}.`);
  const { token, expiresAt } = await db.$transaction((tx) =>
    issuePasswordReset(tx, { userId: user.id, channel: "cli", actorId: null }, now),
  );
  return { link: new URL(resetLinkPath(token), appUrl).toString(), expiresAt };
}

/** Sends an emailed link; see reset-mail.ts. */
export type ResetMailer = (to: string, link: string) => Promise<void>;

/**
 * "Forgot password?" with SMTP: the same reply whether or not the address has an account, so the form cannot tell
 * anyone who has one. The mail is sent without the reply waiting for the mail server.
 */
export async function requestPasswordResetByEmail(db: Db, email: string, appUrl: string, send: ResetMailer) {
  const address = normaliseEmail(email);
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (!user) return;
  // Pressing the button again within a minute does not fill the inbox; the link already sent still works.
  const recent = await db.passwordReset.count({
    where: { userId: user.id, channel: "email", usedAt: null, createdAt: { gt: new Date(Date.now() - 60_000) } },
  });
  if (recent > 0) return;
  const { token } = await db.$transaction((tx) =>
    issuePasswordReset(tx, { userId: user.id, channel: "email", actorId: null }),
  );
  send(address, new URL(resetLinkPath(token), appUrl).toString()).catch((err) =>
    console.error("sift: could not email a password reset link:", err),
  );
}

function refuse(state: "expired" | "used"): never {
  if (state === "used")
    throw new AppError(
      "RESET_LINK_USED",
      "This reset link has already been used, or a newer one replaced it. Ask for a new link.",
    );
  throw new AppError("RESET_LINK_EXPIRED", "This reset link has expired. Ask for a new link.");
}

const UNKNOWN_LINK = "This reset link is not valid. Check that you copied all of it, or ask for a new link.";

/** What the reset page shows before the new password is typed; reveals nothing without the secret token. */
export async function previewPasswordReset(db: Db, token: string, now = new Date()) {
  const link = await db.passwordReset.findUnique({
    where: { tokenHash: resetTokenHash(token) },
    include: { user: { select: { email: true } } },
  });
  if (!link) throw new AppError("RESET_LINK_INVALID", UNKNOWN_LINK);
  return { email: link.user.email, state: resetLinkState(link, now), expiresAt: link.expiresAt };
}

/**
 * Spends the link: sets the new password (the sign-up rules), ends every session of the user's and records it,
 * all in one transaction with the link locked, so two submissions of one link cannot both succeed.
 */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()) {
  const preview = await previewPasswordReset(db, token, now);
  if (preview.state !== "valid") refuse(preview.state);
  checkPasswordStrength(password, preview.email);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const [link] = await tx.$queryRaw<{ id: string; user_id: string; expires_at: Date; used_at: Date | null }[]>`
      SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = ${resetTokenHash(token)} FOR UPDATE`;
    if (!link) throw new AppError("RESET_LINK_INVALID", UNKNOWN_LINK);
    const state = resetLinkState({ expiresAt: link.expires_at, usedAt: link.used_at }, now);
    if (state !== "valid") refuse(state);
    await tx.passwordReset.update({ where: { id: link.id }, data: { usedAt: now } });
    // A raised session version ends every token minted before, as signing out everywhere does (sessions.ts).
    const user = await tx.user.update({
      where: { id: link.user_id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, sessionVersion: true },
    });
    await tx.endedSession.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, {
      reviewId: null,
      actorId: user.id,
      action: "user.password_reset",
      entityType: "user",
      entityId: user.id,
      data: { linkId: link.id, sessionVersion: user.sessionVersion },
      createdAt: now,
    });
    return { email: user.email };
  });
}
