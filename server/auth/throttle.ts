// Slows down password guessing across every app instance: the counters live in Postgres, not in memory.
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_BLOCK_MS = 15 * 60_000;

/** Doubles from 1 s with each failure past the free ones, up to 15 minutes. */
export function blockFor(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_BLOCK_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

export async function assertNotThrottled(db: Db, key: string, now = new Date()): Promise<void> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  if (row?.blockedUntil && row.blockedUntil > now) {
    const seconds = Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError("TOO_MANY_ATTEMPTS", `Too many failed sign-ins. Try again in ${seconds} s.`);
  }
}

export async function recordFailure(db: Db, key: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    // Row lock so that two instances counting the same key at once cannot lose an increment.
    await tx.$executeRaw`INSERT INTO sign_in_throttles (key, failures, last_failure_at) VALUES (${key}, 0, ${now})
                         ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; last_failure_at: Date }[]>`
      SELECT failures, last_failure_at FROM sign_in_throttles WHERE key = ${key} FOR UPDATE`;
    const recent = row && now.getTime() - row.last_failure_at.getTime() < WINDOW_MS;
    const failures = (recent ? row.failures : 0) + 1;
    const block = blockFor(failures);
    await tx.signInThrottle.update({
      where: { key },
      data: { failures, lastFailureAt: now, blockedUntil: block ? new Date(now.getTime() + block) : null },
    });
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
