// Who is calling and with which role in a review, for the authorisation of every review procedure.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import type { Role } from "../db/generated/enums.ts";
import { rows } from "../db/sql";
import { AppError } from "../errors/app-error";
import { poolOf } from "../db/client";
import { hasRole } from "./roles";

export interface CallerInReview {
  user: { id: string; email: string; name: string };
  /** The active membership's role, read from the database on every call (never from a cookie); null if none. */
  role: Role | null;
}

/** The user and their active membership in one round trip; null when the user no longer exists. */
export async function callerInReview(db: Db, userId: string, reviewId: string): Promise<CallerInReview | null> {
  const [row] = await rows<{ id: string; email: string; name: string; role: Role | null }>(
    poolOf(db),
    Prisma.sql`SELECT u.id, u.email, u.name, m.role::text AS role
                 FROM users u
                 LEFT JOIN memberships m ON m.user_id = u.id AND m.review_id = ${reviewId} AND m.removed_at IS NULL
                WHERE u.id = ${userId}`,
  );
  return row ? { user: { id: row.id, email: row.email, name: row.name }, role: row.role } : null;
}

/** The same refusals as assertReviewRole, whether or not the review exists. */
export function assertRole(role: Role | null, minRole: Role): Role {
  if (!role) throw new AppError("FORBIDDEN", "You are not a member of this review.");
  if (!hasRole(role, minRole)) throw new AppError("FORBIDDEN", `This needs the ${minRole} role or higher in this review.`);
  return role;
}
