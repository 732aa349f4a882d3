import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../errors/app-error";

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("WEAK_PASSWORD", `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("WEAK_PASSWORD", `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  if (new Set(password).size < 4) {
    throw new AppError("WEAK_PASSWORD", "That password repeats too few characters; choose a less guessable one.");
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
