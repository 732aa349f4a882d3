import { cookies, headers } from "next/headers";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { secureCookies } from "../config/public-url";
import { sessionSecret } from "../config/secret";
import { db } from "../db/client";
import { decodeSessionToken, type SessionClaim, sessionClaim } from "./session-token";
import { verifiedUserId } from "./sessions";

type TokenSource = Parameters<typeof getToken>[0]["req"];

/**
 * Reads the session cookie itself: only decrypts and checks the token, where getServerSession runs next-auth's
 * whole session route (callbacks, a re-encrypted cookie) on every call.
 */
async function claimFrom(req: TokenSource): Promise<SessionClaim | null> {
  return sessionClaim(
    await getToken({ req, secret: sessionSecret(), decode: decodeSessionToken, secureCookie: secureCookies() }),
  );
}

/**
 * The session a tRPC call's context carries, unchecked: every procedure checks that it is still current in the
 * statement that reads the caller, so checking here would cost the hot path a round trip.
 */
export async function requestSession(req: NextRequest): Promise<SessionClaim | null> {
  return claimFrom(req);
}

/** The same for Server Components, which have no request object of their own (serverCaller). */
export async function currentSession(): Promise<SessionClaim | null> {
  return claimFrom({ cookies: await cookies(), headers: await headers() } as unknown as TokenSource);
}

/** The user id a request's token names, unchecked; see requestSession. */
export async function requestUserId(req: NextRequest): Promise<string | null> {
  return (await requestSession(req))?.userId ?? null;
}

/**
 * The signed-in user's id, for pages that use it without a procedure (the home page): null when signed out, when
 * the account is gone and when the session was ended (sign-out, sign out everywhere). One read by primary key;
 * those pages are not the hot path.
 */
export async function currentUserId(): Promise<string | null> {
  return verifiedUserId(db(), await currentSession());
}
