// Whether a session token is still current, as a condition on a user row: written once, for every statement that
// reads or changes a caller (claimedUser and ending sessions here, callerSql in server/team/caller-sql.ts), so
// neither signing out nor signing out everywhere costs the hot path a round trip (see sessions.ts).
import { Prisma } from "../db/generated/client.ts";
import { sqlAlias } from "../db/sql-alias";
import type { TokenSession } from "./session-token";

/**
 * Whether a token of `session` is still current, as a condition on the `users` row the statement names `user`.
 * `session` is null only for work the server does on a user's behalf without a request (demo seeding), never for
 * a caller with a token. A token without a session id is governed by the version alone (`= NULL` matches no row).
 * The subquery names no alias of its own, so none can hide `user`.
 */
export function sessionCurrentSql(user: string, session: TokenSession | null): Prisma.Sql {
  const u = sqlAlias(user);
  return Prisma.sql`(
  ${u}.session_version = COALESCE(${session?.version ?? null}::int, ${u}.session_version)
  AND NOT EXISTS (SELECT 1 FROM ended_sessions
                   WHERE ended_sessions.session_id = ${session?.sessionId ?? null}::text AND ended_sessions.user_id = ${u}.id))`;
}
