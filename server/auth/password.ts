import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../errors/app-error";
import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

const common = new Set(COMMON_PASSWORDS);

/** `email`, when given, is the account's: a password that is the address or its local part is refused too. */
export function checkPasswordStrength(password: string, email?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("WEAK_PASSWORD", `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("WEAK_PASSWORD", `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  if (new Set(password).size < 4) {
    throw new AppError("WEAK_PASSWORD", "That password repeats too few characters; choose a less guessable one.");
  }
  const lower = password.trim().toLowerCase();
  if (common.has(lower)) {
    throw new AppError(
      "WEAK_PASSWORD",
      "That is one of the most common passwords, which are guessed first; choose another.",
    );
  }
  const address = email?.trim().toLowerCase();
  const localPart = address?.slice(0, Math.max(0, address.lastIndexOf("@"))) || address;
  if (address && (lower === address || lower === localPart)) {
    throw new AppError(
      "WEAK_PASSWORD",
      "Your password must not be your email address or its first part; choose another.",
    );
  }
}

// argon2id (the library default) at OWASP's recommended baseline: 19 MiB, 2 passes, 1 lane.
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
