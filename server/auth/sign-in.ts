// The parts of next-auth's configuration (auth-options.ts) that decide something, kept apart so that tests call them
// as next-auth does.
import type { JWT } from "next-auth/jwt";
import type { Db } from "../db/client";
import { clientAddress } from "./client-address";
import { sessionClaim } from "./session-token";
import { endSession, newSessionId, verifiedUserId } from "./sessions";
import { signInErrorCode } from "./sign-in-errors";
import { type SessionUser, verifyCredentials } from "./users";

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
    return await verifyCredentials(db, {
      email: credentials.email,
      password: credentials.password,
      clientAddress: clientAddress(headers ?? {}),
    });
  } catch (err) {
    const code = signInErrorCode(err);
    if (code === "ServerError") console.error("sift: sign-in failed:", err);
    throw new Error(code);
  }
}

/** next-auth's `jwt` callback at sign-in: the token names the user, their session version and a new session. */
export function signedInToken(token: JWT, user: SessionUser): JWT {
  return {
    ...token,
    sub: user.id,
    name: user.name,
    email: user.email,
    sessionVersion: user.sessionVersion,
    sid: newSessionId(),
  };
}

/**
 * next-auth's `jwt` callback when it issues a token again for one it is shown (its session route): refused once the
 * session has ended, which clears the cookie. Renewing sets a new expiry, so without this an ended token could be
 * kept alive past the time its ended session is remembered (server/auth/sessions.ts).
 */
export async function renewedToken(db: Db, token: JWT): Promise<JWT> {
  if (!(await verifiedUserId(db, sessionClaim(token)))) throw new Error("This session has ended.");
  return token;
}

/** next-auth's `events.signOut`: the token signing out ends, and with it its sign-in's other tokens only. */
export async function endSessionOnSignOut(db: Db, token: JWT | null): Promise<void> {
  const claim = sessionClaim(token);
  if (claim) await endSession(db, claim);
}
