// What changed in a review, announced to every Sift instance on the database by PostgreSQL's NOTIFY from inside
// the transaction that made the change: PostgreSQL delivers it only if that transaction commits, so a listener
// never hears of a change that was rolled back, and never misses one that was not. The announcement holds ids
// only (the review, the stage, the kind of change, who made it), never a verdict: whoever hears it fetches what
// they may see.
import type pg from "pg";
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { STAGES, type Stage } from "../shared/stages";

export const REVIEW_CHANGES_CHANNEL = "sift_review_changes";

/** The kind of change, by what was done (a decision), never by how it came out (a conflict it opened). */
export const CHANGE_KINDS = ["decision", "undo", "resolution", "reopen", "override", "import"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ReviewChange {
  reviewId: string;
  /** The screening stage that changed; null for a change to the review's records (an import). */
  stage: Stage | null;
  kind: ChangeKind;
  /** Who made the change: while a stage is blinded, a reviewer hears only of their own. */
  actorId: string;
}

/**
 * The NOTIFY as a statement of its own, for a transaction written as SQL (a decision's batch); `onlyIf`, a
 * condition the statement checks, for a change that may have been refused without rolling back.
 */
export function reviewChangedSql(change: ReviewChange, onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const { reviewId, stage, kind, actorId } = change;
  const payload = JSON.stringify({ reviewId, stage, kind, actorId });
  // The condition sits beside the call, so a row it rules out never reaches pg_notify.
  return Prisma.sql`SELECT 1 AS notified FROM (SELECT pg_notify(${REVIEW_CHANGES_CHANNEL}, ${payload}) WHERE ${onlyIf}) n`;
}

/** The NOTIFY inside the transaction of the change it announces: a Prisma one, or a pg client's (an import's COPY). */
export async function announceReviewChange(tx: Tx | pg.ClientBase, change: ReviewChange): Promise<void> {
  const statement = reviewChangedSql(change);
  if ("$queryRaw" in tx) await tx.$queryRaw(statement);
  else await tx.query(statement.text, statement.values);
}

/** A payload as a listener receives it; null for anything that is not one (a stray NOTIFY on the channel). */
export function parseReviewChange(payload: string | undefined): ReviewChange | null {
  try {
    const { reviewId, stage, kind, actorId } = JSON.parse(payload ?? "") as Record<string, unknown>;
    if (typeof reviewId !== "string" || typeof actorId !== "string") return null;
    if (!(CHANGE_KINDS as readonly unknown[]).includes(kind)) return null;
    if (stage !== null && !(STAGES as readonly unknown[]).includes(stage)) return null;
    return { reviewId, stage: stage as Stage | null, kind: kind as ChangeKind, actorId };
  } catch {
    return null;
  }
}
