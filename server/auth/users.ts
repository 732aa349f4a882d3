import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password";
import { assertNotThrottled, clearFailures, recordFailure } from "./throttle";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An email address as users type it: surrounding spaces and capitals do not make it another address. */
export const EmailInput = z.string().max(320).transform(normaliseEmail).pipe(z.email("Enter a valid email address."));

export async function signUp(db: Db, input: { email: string; name: string; password: string }): Promise<SessionUser> {
  const email = normaliseEmail(input.email);
  checkPasswordStrength(input.password);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email, name: input.name.trim(), passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
    }
    throw err;
  }
}

// A real hash to verify against when the email is unknown, so the reply takes as long as for a known one.
let decoyHash: Promise<string> | undefined;

export async function verifyCredentials(db: Db, input: { email: string; password: string }): Promise<SessionUser> {
  const email = normaliseEmail(input.email);
  const key = `email:${email}`;
  await assertNotThrottled(db, key);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await (decoyHash ??= hashPassword("decoy password"))), input.password);
  if (!user || !user.passwordHash || !ok) {
    await recordFailure(db, key);
    throw new AppError("INVALID_CREDENTIALS", "That email and password do not match an account.");
  }
  await clearFailures(db, key);
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * The Sift user for an OIDC identity: the linked one, else the account with the same verified email (linked
 * now), else a new account.
 */
export async function userForOidcIdentity(
  db: Db,
  identity: { provider: string; subject: string; email: string; name?: string | null },
): Promise<SessionUser> {
  const linked = await db.oidcAccount.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.subject } },
    include: { user: true },
  });
  if (linked) return { id: linked.user.id, email: linked.user.email, name: linked.user.name };
  const email = normaliseEmail(identity.email);
  const user = await db.user.upsert({
    where: { email },
    update: {},
    create: { email, name: identity.name?.trim() || email },
  });
  await db.oidcAccount.create({
    data: { userId: user.id, provider: identity.provider, providerAccountId: identity.subject },
  });
  return { id: user.id, email: user.email, name: user.name };
}
