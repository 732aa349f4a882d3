// When the demo review goes in. Its accounts have a password printed in the README, so on any database other than
// the embedded one (a laptop's own) they would be a way in for anybody: there it must be asked for by name.
import { CliError } from "./cli-error";

type Env = Record<string, string | undefined>;

function demoSetting(env: Env): boolean | undefined {
  const value = env.SIFT_DEMO;
  if (!value) return undefined;
  if (value === "1") return true;
  if (value === "0") return false;
  throw new CliError(`SIFT_DEMO is "${value}"; set it to 1 (create the demo review) or 0 (never), or leave it unset`);
}

/**
 * `sift start`: --demo / --no-demo (flag true / false) first, then SIFT_DEMO=1 / 0; with neither, the demo review
 * goes into the embedded database only.
 */
export function demoWanted(flag: boolean | undefined, env: Env = process.env): boolean {
  return flag ?? demoSetting(env) ?? !env.DATABASE_URL;
}

/** `sift demo reset` recreates the demo accounts; against DATABASE_URL only with --force. */
export function checkDemoResetAllowed(force: boolean, env: Env = process.env): void {
  if (env.DATABASE_URL && !force) {
    throw new CliError(
      "DATABASE_URL is set: this would put the demo review and its accounts, whose password is published, into " +
        "that database; add --force if that is what you want",
    );
  }
}
