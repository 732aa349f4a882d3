import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { sessionSecret } from "../config/secret";
import { authOptions } from "./auth-options";
import { decodeSessionToken } from "./session-token";

/** The signed-in user's id for Server Components and route handlers, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

/**
 * The same, read straight from the request's session cookie: only decrypts and checks the token, where
 * getServerSession runs next-auth's whole session route (callbacks, a re-encrypted cookie) on every API call.
 * The user's existence and roles are still read from the database by the procedure.
 */
export async function requestUserId(req: NextRequest): Promise<string | null> {
  const token = await getToken({ req, secret: sessionSecret(), decode: decodeSessionToken });
  return typeof token?.sub === "string" ? token.sub : null;
}
