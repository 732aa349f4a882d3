// The statement that reads a caller and their role in a review: on its own for every review procedure
// (callerInReview), and as a CTE of the statements that check the caller themselves (the screening decision).
import { sessionCurrentSql } from "../auth/session-sql";
import type { TokenSession } from "../auth/session-token";
import { Prisma } from "../db/generated/client.ts";

/**
 * The user and their role in the review (null without an active membership), as one row; none if no such user.
 * `session_current` says whether the caller's token is still valid, and the role is null when it is not, so a
 * statement that only looks at the role refuses an ended session too. `session` is null only for work the server
 * does on a user's behalf without a request (demo seeding), never for a caller with a token. `archived` says
 * whether a member's review is archived, and so read-only (assertWritable). A whole SELECT that refers to nothing
 * outside itself.
 */
export const callerSql = (userId: string, reviewId: string, session: TokenSession | null) => Prisma.sql`
  SELECT u.id, u.email, u.name, s.current AS session_current, CASE WHEN s.current THEN m.role::text END AS role,
         r.archived_at IS NOT NULL AS archived
    FROM users u
   CROSS JOIN LATERAL (SELECT ${sessionCurrentSql("u", session)} AS current) s
    LEFT JOIN memberships m ON m.user_id = u.id AND m.review_id = ${reviewId} AND m.removed_at IS NULL
    LEFT JOIN reviews r ON r.id = m.review_id
   WHERE u.id = ${userId}`;
