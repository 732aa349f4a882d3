// Opening next-auth's session cookie on every API call. next-auth derives the token's key with HKDF each time it
// decodes, which is most of the cost of reading a session; the key depends only on the secret, so it is derived
// once per secret here, the same way (tokens next-auth issued still open, and ours are next-auth's).
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

const keys = new Map<string, Uint8Array>();

function tokenKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

/** next-auth's `decode`, with the derived key kept. */
export async function decodeSessionToken({ token, secret }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, tokenKey(String(secret)), { clockTolerance: 15 });
  return payload as JWT;
}

/** How long a session token lives after it was last issued (next-auth's session maxAge). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

/**
 * Which session a token belongs to: the user's session version when it was minted (see users.session_version) and
 * the id of its sign-in, null for tokens minted before sessions had ids.
 */
export interface TokenSession {
  version: number;
  sessionId: string | null;
}

/** Who a session token is for, and which of their sessions it belongs to. */
export interface SessionClaim extends TokenSession {
  userId: string;
}

/**
 * The claim a decoded token makes, or null for none. Tokens minted before session versions existed carry none and
 * count as version 0, which every account had then; tokens minted before session ids carry no `sid` and can only
 * be ended with all their user's sessions.
 */
export function sessionClaim(token: JWT | null): SessionClaim | null {
  if (typeof token?.sub !== "string" || !token.sub) return null;
  const version = token.sessionVersion ?? 0;
  if (typeof version !== "number" || !Number.isSafeInteger(version)) return null;
  const sessionId = token.sid ?? null;
  if (sessionId !== null && (typeof sessionId !== "string" || !sessionId)) return null;
  return { userId: token.sub, version, sessionId };
}
