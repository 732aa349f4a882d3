// The pure rules of a password reset link: how long it works for each way it is handed over, and what state it
// is in. password-reset.ts stores and spends them.
import { createHash, randomBytes } from "node:crypto";

export type ResetChannel = "email" | "owner" | "cli";

/**
 * An emailed link lives an hour: the inbox is the only way in, and whoever asked is waiting for it. A link handed
 * over by a review's owner or printed by an administrator has to travel from one person to another, so a day.
 */
export const RESET_LINK_HOURS: Record<ResetChannel, number> = { email: 1, owner: 24, cli: 24 };

export type ResetLinkState = "valid" | "expired" | "used";

export function resetLinkState(link: { expiresAt: Date; usedAt: Date | null }, now: Date): ResetLinkState {
  if (link.usedAt) return "used";
  if (link.expiresAt <= now) return "expired";
  return "valid";
}

/** 192 random bits, shown once inside the link; only its SHA-256 is stored. */
export function newResetToken(): string {
  return randomBytes(24).toString("base64url");
}

export function resetTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function resetLinkPath(token: string): string {
  return `/reset-password/${token}`;
}
