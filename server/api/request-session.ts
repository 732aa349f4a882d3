// The session of the request a Server Component is rendered for: Next.js hands over its cookies and headers here,
// so server/auth reads tokens without knowing about Next.js.
import { cookies, headers } from "next/headers";
import { sessionFrom, type TokenSource } from "../auth/session";
import type { SessionClaim } from "../auth/session-token";
import { verifiedUserId } from "../auth/sessions";
import { db } from "../db/client";

/** The session for Server Components, which have no request object of their own (serverCaller); unchecked. */
export async function currentSession(): Promise<SessionClaim | null> {
  return sessionFrom({ cookies: await cookies(), headers: await headers() } as unknown as TokenSource);
}

/**
 * The signed-in user's id, for pages that use it without a procedure (the home page): null when signed out, when
 * the account is gone and when the session was ended (sign-out, sign out everywhere). One read by primary key;
 * those pages are not the hot path.
 */
export async function currentUserId(): Promise<string | null> {
  return verifiedUserId(db(), await currentSession());
}
