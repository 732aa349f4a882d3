import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { siftHome } from "./paths";

/**
 * The key that signs session tokens: from the environment when set (every instance behind a load balancer must
 * share it), else generated once and kept in SIFT_HOME so sessions survive restarts. Never a default in code.
 */
export function sessionSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET ?? process.env.SIFT_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(siftHome(), "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(siftHome(), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  }
}
