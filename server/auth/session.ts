import { getToken } from "next-auth/jwt";
import { secureCookies } from "../config/public-url";
import { sessionSecret } from "../config/secret";
import { decodeSessionToken, type SessionClaim, sessionClaim } from "./session-token";

/** Where a session cookie is read from: a request, or the cookies and headers a Server Component is rendered for. */
export type TokenSource = Parameters<typeof getToken>[0]["req"];

/**
 * Reads the session cookie itself: only decrypts and checks the token, where getServerSession runs next-auth's
 * whole session route (callbacks, a re-encrypted cookie) on every call.
 */
export async function sessionFrom(source: TokenSource): Promise<SessionClaim | null> {
  return sessionClaim(
    await getToken({ req: source, secret: sessionSecret(), decode: decodeSessionToken, secureCookie: secureCookies() }),
  );
}

/**
 * The session a tRPC call's context carries, unchecked: every procedure checks that it is still current in the
 * statement that reads the caller, so checking here would cost the hot path a round trip.
 */
export async function requestSession(req: TokenSource): Promise<SessionClaim | null> {
  return sessionFrom(req);
}

/** The user id a request's token names, unchecked; see requestSession. */
export async function requestUserId(req: TokenSource): Promise<string | null> {
  return (await requestSession(req))?.userId ?? null;
}
