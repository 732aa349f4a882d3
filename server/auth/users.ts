import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password";
import { attemptSucceeded, beginAttempt } from "./throttle";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** Goes into the session token at sign-in; see server/auth/sessions.ts. */
  sessionVersion: number;
}

const SESSION_USER = { id: true, email: true, name: true, sessionVersion: true } as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An email address as users type it: surrounding spaces and capitals do not make it another address. */
export const EmailInput = z.string().max(320).transform(normaliseEmail).pipe(z.email("Enter a valid email address."));

/**
 * An account made by an administrator (`sift user create`), who is told plainly when the address is taken. The
 * public sign-up form uses registerAccount, which does not say.
 */
export async function signUp(db: Db, input: { email: string; name: string; password: string }): Promise<SessionUser> {
  const email = normaliseEmail(input.email);
  checkPasswordStrength(input.password, email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({ data: { email, name: input.name.trim(), passwordHash }, select: SESSION_USER });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
    }
    throw err;
  }
}

/** Tells an account's owner that someone tried to sign up with their address; see account-mail.ts. */
export type ExistingAccountNotice = (email: string) => Promise<void>;

/**
 * The public sign-up: the same reply, after about the same time, whether or not the address already has an
 * account, so that the form cannot tell anyone who has one. The password is checked and hashed either way (the
 * hash is what takes the time), and the insert skips a taken address instead of failing on it. An existing
 * account is left as it was; its owner is told by email, without the reply waiting for the mail server.
 */
export async function registerAccount(
  db: Db,
  input: { email: string; name: string; password: string },
  notifyExisting: ExistingAccountNotice | null,
): Promise<void> {
  const email = normaliseEmail(input.email);
  checkPasswordStrength(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const { count } = await db.user.createMany({
    data: [{ email, name: input.name.trim(), passwordHash }],
    skipDuplicates: true,
  });
  if (count === 0 && notifyExisting) {
    notifyExisting(email).catch((err) =>
      console.error("sift: could not email the owner of an existing account about a sign-up:", err),
    );
  }
}

// A real hash to verify against when the email is unknown, so the reply takes as long as for a known one.
let decoyHash: Promise<string> | undefined;

/**
 * Email and password sign-in. The attempt is counted against the account's and the client's budgets before the
 * password is looked at (throttle.ts); `clientAddress` is null when the request's origin cannot be trusted.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; clientAddress?: string | null },
  now = new Date(),
): Promise<SessionUser> {
  const email = normaliseEmail(input.email);
  const keys = { account: email, client: input.clientAddress ?? null };
  await beginAttempt(db, keys, now);
  const user = await db.user.findUnique({ where: { email }, select: { ...SESSION_USER, passwordHash: true } });
  const ok = await verifyPassword(
    user?.passwordHash ?? (await (decoyHash ??= hashPassword("decoy password"))),
    input.password,
  );
  if (!user || !user.passwordHash || !ok) {
    throw new AppError("INVALID_CREDENTIALS", "That email and password do not match an account.");
  }
  await attemptSucceeded(db, keys);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
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
  if (linked)
    return {
      id: linked.user.id,
      email: linked.user.email,
      name: linked.user.name,
      sessionVersion: linked.user.sessionVersion,
    };
  const email = normaliseEmail(identity.email);
  const user = await db.user.upsert({
    where: { email },
    update: {},
    create: { email, name: identity.name?.trim() || email },
  });
  await db.oidcAccount.create({
    data: { userId: user.id, provider: identity.provider, providerAccountId: identity.subject },
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
