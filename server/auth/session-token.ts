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

/** Who a session token is for, and the session version it was minted with (see users.session_version). */
export interface SessionClaim {
  userId: string;
  version: number;
}

/**
 * The claim a decoded token makes, or null for none. Tokens minted before session versions existed carry none and
 * count as version 0, which every account had then: they stay valid until the user's next sign-out.
 */
export function sessionClaim(token: JWT | null): SessionClaim | null {
  if (typeof token?.sub !== "string" || !token.sub) return null;
  const version = token.sessionVersion ?? 0;
  if (typeof version !== "number" || !Number.isSafeInteger(version)) return null;
  return { userId: token.sub, version };
}
