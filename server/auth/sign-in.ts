// The parts of next-auth's configuration (auth-options.ts) that decide something, kept apart so that tests call them
// as next-auth does.
import type { JWT } from "next-auth/jwt";
import type { Db } from "../db/client";
import { clientAddress } from "./client-address";
import { sessionClaim } from "./session-token";
import { endSessions } from "./sessions";
import { signInErrorCode } from "./sign-in-errors";
import { verifyCredentials, type SessionUser } from "./users";

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * next-auth's `authorize` for email and password. A refusal is thrown as a code that the sign-in page turns into
 * its own message (sign-in-errors.ts); an unexpected error is logged here and reaches the user only as
 * "a problem on the server", never with its own message.
 */
export async function authorizeCredentials(
  db: Db,
  credentials: { email?: string; password?: string } | undefined,
  headers: RequestHeaders | undefined,
): Promise<SessionUser | null> {
  if (!credentials?.email || !credentials.password) return null;
  try {
    return await verifyCredentials(db, { email: credentials.email, password: credentials.password, clientAddress: clientAddress(headers ?? {}) });
  } catch (err) {
    const code = signInErrorCode(err);
    if (code === "ServerError") console.error("sift: sign-in failed:", err);
    throw new Error(code);
  }
}

/** next-auth's `events.signOut`: the token signing out ends, and with it every other session of its user. */
export async function endSessionsOnSignOut(db: Db, token: JWT | null): Promise<void> {
  const claim = sessionClaim(token);
  if (claim) await endSessions(db, claim, "user.signed_out");
}
