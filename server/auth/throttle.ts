// Slows down password guessing across every app instance: the counters live in Postgres, not in memory.
// An attempt is counted before its password is checked, by the statement that decides whether it may be checked
// at all: parallel guesses queue on the counter's row lock, so no more than the free budget is ever evaluated
// (reading the block first and counting the failure afterwards let 40 parallel guesses all be evaluated).
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";

/** Attempts let through without delay in a window, per account and per client address. */
export const FREE_ATTEMPTS = { account: 5, client: 20 } as const;
const WINDOW_MS = 15 * 60_000;
const MAX_BLOCK_MS = 15 * 60_000;
/** 2^20 s is far past MAX_BLOCK_MS; capping the exponent keeps PostgreSQL's power() finite. */
const MAX_DOUBLINGS = 20;

/**
 * The wait after `attempts` counted attempts with `free` of them free: from the free-th on, one that doubles from
 * 1 s with each further attempt, up to 15 minutes. countAttempt's SQL computes the same.
 */
export function waitAfter(attempts: number, free: number): number {
  if (attempts < free) return 0;
  return Math.min(MAX_BLOCK_MS, 1000 * 2 ** Math.min(attempts - free, MAX_DOUBLINGS));
}

/** The wait for an account after `attempts` failed sign-ins. */
export function blockFor(attempts: number): number {
  return waitAfter(attempts, FREE_ATTEMPTS.account);
}

export interface ThrottleKeys {
  /** The account being signed in to (its normalised email), whether or not it exists. */
  account: string;
  /** Where the attempt came from; null when it is not known, and then only the account's budget applies. */
  client: string | null;
}

const keysOf = (keys: ThrottleKeys) => ({
  account: `email:${keys.account}`,
  client: keys.client === null ? null : `client:${keys.client}`,
});

/**
 * One key's count, taken and decided in one upsert: a row blocked at `now` is locked but left as it is, and then
 * RETURNING gives nothing for it; otherwise the attempt is counted (afresh once the window has passed) and the
 * block waitAfter gives is set at once, before the password is known.
 */
function countAttempt(key: string | null, free: number, now: Date, only: Prisma.Sql): Prisma.Sql {
  const at = Prisma.sql`${now}::timestamp`;
  const counted = Prisma.sql`CASE WHEN t.last_failure_at > ${at} - make_interval(secs => ${WINDOW_MS / 1000}) THEN t.failures + 1 ELSE 1 END`;
  const blockedUntil = (n: Prisma.Sql) => Prisma.sql`
    CASE WHEN ${n} < ${free} THEN NULL
         ELSE ${at} + make_interval(secs => least(${MAX_BLOCK_MS / 1000}, power(2, least(${n} - ${free}, ${MAX_DOUBLINGS}))))::interval END`;
  return Prisma.sql`
    INSERT INTO sign_in_throttles AS t (key, failures, last_failure_at, blocked_until)
    SELECT ${key}::text, 1, ${at}, ${blockedUntil(Prisma.sql`1`)} WHERE ${key}::text IS NOT NULL AND ${only}
    ON CONFLICT (key) DO UPDATE SET failures = ${counted}, last_failure_at = ${at}, blocked_until = ${blockedUntil(counted)}
     WHERE t.blocked_until IS NULL OR t.blocked_until <= ${at}
    RETURNING t.key`;
}

/**
 * Counts a sign-in attempt against the client's budget and then, only if that let it through, the account's;
 * refuses it, before any password is checked, when either is blocked. The client's row is always locked before
 * the account's, here and in attemptSucceeded, so concurrent attempts cannot deadlock.
 */
export async function beginAttempt(db: Db, keys: ThrottleKeys, now = new Date()): Promise<void> {
  const { account, client } = keysOf(keys);
  const [result] = await db.$queryRaw<{ allowed: boolean }[]>`
    WITH client_attempt AS (${countAttempt(client, FREE_ATTEMPTS.client, now, Prisma.sql`true`)}),
    account_attempt AS (${countAttempt(
      account,
      FREE_ATTEMPTS.account,
      now,
      Prisma.sql`(${client}::text IS NULL OR EXISTS (SELECT 1 FROM client_attempt))`,
    )})
    SELECT EXISTS (SELECT 1 FROM account_attempt) AS allowed`;
  if (result?.allowed) return;
  // Only for the message: which block holds, and for how long, no longer decides anything.
  const [row] = await db.$queryRaw<{ until: Date | null }[]>`
    SELECT max(blocked_until) AS until FROM sign_in_throttles WHERE key IN (${account}, ${client ?? account})`;
  const seconds = Math.max(1, Math.ceil(((row?.until?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  throw new AppError("TOO_MANY_ATTEMPTS", `Too many failed sign-ins. Try again in ${seconds} s.`);
}

/**
 * A successful attempt: the account's count is cleared (its owner is back), while the client's only loses this
 * one attempt, so that signing in to an account of one's own does not buy more guesses at others'. A failed
 * attempt needs nothing: it was counted when it began.
 */
export async function attemptSucceeded(db: Db, keys: ThrottleKeys): Promise<void> {
  const { account, client } = keysOf(keys);
  // Two statements, one row lock each, in beginAttempt's order.
  if (client)
    await db.$executeRaw`UPDATE sign_in_throttles SET failures = greatest(failures - 1, 0) WHERE key = ${client}`;
  await db.$executeRaw`DELETE FROM sign_in_throttles WHERE key = ${account}`;
}
