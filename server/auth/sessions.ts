// Ending sessions. next-auth's tokens are self-contained for 30 days, so a sign-out that only deletes the browser's
// cookie leaves a copied token working. Every token carries its user's session version from sign-in; raising the
// version ends every token minted before, because each authorisation compares the two in the statement that reads
// the caller (server/team/caller-membership.ts, server/api/trpc.ts).
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { SessionClaim } from "./session-token";

export type SessionsEndedBy = "user.signed_out" | "user.signed_out_everywhere";

/**
 * Ends every session of the claim's user, with its audit event, in one statement. Only a token that is itself still
 * current can do so: one already ended must not end the sessions that followed it. Returns whether it did.
 */
export async function endSessions(db: Db, claim: SessionClaim, action: SessionsEndedBy): Promise<boolean> {
  const now = new Date().toISOString();
  const [row] = await db.$queryRaw<{ ended: boolean }[]>`
    WITH bumped AS (
      UPDATE users SET session_version = session_version + 1
       WHERE id = ${claim.userId} AND session_version = ${claim.version}
      RETURNING id, session_version
    ), audit AS (
      INSERT INTO audit_events (id, review_id, actor_id, action, entity_type, entity_id, data, created_at)
      SELECT ${randomUUID()}, NULL, b.id, ${action}, 'user', b.id, jsonb_build_object('sessionVersion', b.session_version),
             ${now}::timestamp
        FROM bumped b
    )
    SELECT EXISTS (SELECT 1 FROM bumped) AS ended`;
  return row?.ended ?? false;
}

/** The claim's user id if that user exists and the token is still current, else null. */
export async function verifiedUserId(db: Db, claim: SessionClaim | null): Promise<string | null> {
  if (!claim) return null;
  const user = await db.user.findFirst({ where: { id: claim.userId, sessionVersion: claim.version }, select: { id: true } });
  return user?.id ?? null;
}

/** The user's current version, for callers the server trusts without a token (tests' callerFor). */
export async function currentSessionVersion(db: Db, userId: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}
