// When screening at a stage will be done at the team's recent pace: the decisions still needed divided by the
// decisions made per day over the last days. Pure, so the arithmetic is tested on plain numbers.

/** The window the pace is measured over: a week, so that a weekend or one busy day does not swing it. */
export const PACE_DAYS = 7;

export interface Projection {
  /** Decisions a day over the window. */
  perDay: number;
  /** Whole days left at that pace (0 when nothing is needed). */
  days: number;
  /** The day it would be done, as YYYY-MM-DD (UTC). */
  finish: string;
}

/** null when no decision was made in the window: no pace, no projection. */
export function projectFinish(decisionsNeeded: number, recentDecisions: number, now: Date): Projection | null {
  if (decisionsNeeded <= 0) return { perDay: recentDecisions / PACE_DAYS, days: 0, finish: day(now) };
  if (recentDecisions <= 0) return null;
  const perDay = recentDecisions / PACE_DAYS;
  const days = Math.ceil(decisionsNeeded / perDay);
  return { perDay, days, finish: day(new Date(now.getTime() + days * 86_400_000)) };
}

const day = (d: Date) => d.toISOString().slice(0, 10);
