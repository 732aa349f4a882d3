// Who is calling and with which role in a review, for the authorisation of every review procedure.
import type { SessionClaim } from "../auth/session-token";
import type { Db } from "../db/client";
import { poolOf } from "../db/client";
import { rows } from "../db/sql";
import { AppError } from "../errors/app-error";
import { hasRole, type Role } from "../shared/roles";
import { callerSql } from "./caller-sql";

export interface CallerInReview {
  user: { id: string; email: string; name: string };
  /** The active membership's role, read from the database on every call (never from a cookie); null if none. */
  role: Role | null;
  /** Whether the caller's session token is still current: not signed out, nor everywhere (server/auth/sessions.ts). */
  sessionCurrent: boolean;
  /** Whether the review is archived, and so read-only; false for a non-member, who learns nothing of it. */
  archived: boolean;
}

/** The user and their active membership in one round trip; null when the user no longer exists. */
export async function callerInReview(db: Db, claim: SessionClaim, reviewId: string): Promise<CallerInReview | null> {
  const [row] = await rows<{
    id: string;
    email: string;
    name: string;
    role: Role | null;
    session_current: boolean;
    archived: boolean;
  }>(poolOf(db), callerSql(claim.userId, reviewId, claim));
  return row
    ? {
        user: { id: row.id, email: row.email, name: row.name },
        role: row.role,
        sessionCurrent: row.session_current,
        archived: row.archived,
      }
    : null;
}

/**
 * An archived review is read-only: reading, exporting, restoring it from the archive and deleting it go on, any
 * other change is refused until an owner restores it. Checked after the role, so a non-member still learns
 * nothing.
 */
export function assertWritable(archived: boolean): void {
  if (archived)
    throw new AppError(
      "REVIEW_ARCHIVED",
      "This review is archived, so it is read-only. An owner can restore it from the archive to change it again.",
    );
}

/** The refusals for a signed-in caller before any role counts: the account is gone, or the session was ended. */
export function authorizeSession(exists: boolean, sessionCurrent: boolean): void {
  if (!exists) throw new AppError("UNAUTHORIZED", "Your account no longer exists. Sign in again.");
  if (!sessionCurrent) throw new AppError("UNAUTHORIZED", "You were signed out. Sign in again.");
}

/**
 * The refusals for a caller read by callerSql: `exists` is whether the user still exists, `role` their role in the
 * review, `sessionCurrent` whether their token is still valid. Every review procedure goes through this, in its
 * middleware or, for a service that reads the caller in its own statement, there.
 */
export function authorizeCaller(exists: boolean, role: Role | null, minRole: Role, sessionCurrent: boolean): Role {
  authorizeSession(exists, sessionCurrent);
  return assertRole(role, minRole);
}

/** A non-member or too weak a role, refused alike whether or not the review exists. */
export function assertRole(role: Role | null, minRole: Role): Role {
  if (!role) throw new AppError("FORBIDDEN", "You are not a member of this review.");
  if (!hasRole(role, minRole))
    throw new AppError("FORBIDDEN", `This needs the ${minRole} role or higher in this review.`);
  return role;
}
