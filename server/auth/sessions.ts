// Ending sessions. next-auth's tokens are self-contained for 30 days, so a sign-out that only deletes the browser's
// cookie leaves a copied token working. Every token carries its user's session version and, since sessions had
// ids, its sign-in's session id (`sid`). Signing out records that id in ended_sessions, which ends that sign-in's
// tokens and no other; signing out everywhere raises the version, which ends every token minted before. Each
// authorisation checks both in the statement that reads the caller (sessionCurrentSql in session-sql.ts, used by
// server/team/caller-sql.ts), so neither costs the hot path a round trip.
import { randomBytes } from "node:crypto";
import { auditInsert } from "../audit/audit-insert";
import { type Db, poolOf } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { rows } from "../db/sql";
import { sessionCurrentSql } from "./session-sql";
import { SESSION_MAX_AGE_SECONDS, type SessionClaim } from "./session-token";

export type SessionsEndedBy = "user.signed_out" | "user.signed_out_everywhere";

/**
 * How long an ended session is remembered. An ended session's tokens are never renewed (renewedToken), so none
 * issued before it ended outlives the session lifetime; the extra day covers a renewal racing the sign-out and
 * instances whose clocks disagree.
 */
const ENDED_SESSION_KEPT_MS = (SESSION_MAX_AGE_SECONDS + 24 * 3600) * 1000;

/** A new sign-in's session id: 128 random bits. */
export function newSessionId(): string {
  return randomBytes(16).toString("base64url");
}

export interface ClaimedUser {
  user: { id: string; email: string; name: string };
  sessionCurrent: boolean;
}

/** The claim's user and whether the token is still current, in one statement; null when the user is gone. */
export async function claimedUser(db: Db, claim: SessionClaim): Promise<ClaimedUser | null> {
  const [row] = await rows<{ id: string; email: string; name: string; session_current: boolean }>(
    poolOf(db),
    Prisma.sql`SELECT u.id, u.email, u.name, ${sessionCurrentSql("u", claim)} AS session_current FROM users u WHERE u.id = ${claim.userId}`,
  );
  return row ? { user: { id: row.id, email: row.email, name: row.name }, sessionCurrent: row.session_current } : null;
}

/**
 * Ends the claim's session (sign-out): its tokens stop working, the user's other sessions go on. Written with its
 * audit event in one statement, which also forgets sessions whose tokens have all expired. A token minted before
 * sessions had ids can only be ended with every session of its user's. Only a token that is itself still current
 * can do so. Returns whether it did.
 */
export async function endSession(db: Db, claim: SessionClaim): Promise<boolean> {
  if (claim.sessionId === null) return endEverySession(db, claim, "user.signed_out");
  const now = new Date();
  const [row] = await db.$queryRaw<{ ended: boolean }[]>`
    WITH ended AS (
      INSERT INTO ended_sessions (session_id, user_id, ended_at, expires_at)
      SELECT ${claim.sessionId}, u.id, ${now.toISOString()}::timestamp, ${new Date(now.getTime() + ENDED_SESSION_KEPT_MS).toISOString()}::timestamp
        FROM users u
       WHERE u.id = ${claim.userId} AND ${sessionCurrentSql("u", claim)}
      ON CONFLICT (session_id) DO NOTHING
      RETURNING user_id
    ), expired AS (
      DELETE FROM ended_sessions WHERE expires_at < ${now.toISOString()}::timestamp
    ), audit AS (${auditInsert(
      {
        reviewId: null,
        actorId: Prisma.sql`e.user_id`,
        action: "user.signed_out",
        entityType: "user",
        entityId: Prisma.sql`e.user_id`,
        data: { sessionId: claim.sessionId },
        createdAt: now,
      },
      Prisma.sql`ended e`,
    )})
    SELECT EXISTS (SELECT 1 FROM ended) AS ended`;
  return row?.ended ?? false;
}

/**
 * Ends every session of the claim's user, with its audit event, in one statement. Only a token that is itself still
 * current can do so: one already ended must not end the sessions that followed it. Returns whether it did.
 */
export async function endEverySession(db: Db, claim: SessionClaim, action: SessionsEndedBy): Promise<boolean> {
  const now = new Date();
  const [row] = await db.$queryRaw<{ ended: boolean }[]>`
    WITH bumped AS (
      UPDATE users u SET session_version = u.session_version + 1
       WHERE u.id = ${claim.userId} AND ${sessionCurrentSql("u", claim)}
      RETURNING u.id, u.session_version
    ), superseded AS (
      -- Every token of the user's now carries an old version, so their ended sessions need not be remembered.
      DELETE FROM ended_sessions e USING bumped b WHERE e.user_id = b.id
    ), audit AS (${auditInsert(
      {
        reviewId: null,
        actorId: Prisma.sql`b.id`,
        action,
        entityType: "user",
        entityId: Prisma.sql`b.id`,
        data: Prisma.sql`jsonb_build_object('sessionVersion', b.session_version)`,
        createdAt: now,
      },
      Prisma.sql`bumped b`,
    )})
    SELECT EXISTS (SELECT 1 FROM bumped) AS ended`;
  return row?.ended ?? false;
}

/** The claim's user id if that user exists and the token is still current, else null. */
export async function verifiedUserId(db: Db, claim: SessionClaim | null): Promise<string | null> {
  if (!claim) return null;
  const found = await claimedUser(db, claim);
  return found?.sessionCurrent ? found.user.id : null;
}

/** The user's current version, for callers the server trusts without a token (tests' callerFor). */
export async function currentSessionVersion(db: Db, userId: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}
