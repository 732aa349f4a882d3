// Asks for rankings to be retrained after decisions change: the listener for screening's decisionsChanged, which
// is announced once the change's transaction committed (registered at start-up, server/wiring/domain-events.ts),
// and not awaited: a decision never waits for the queue, let alone for training.

import type { Db } from "../db/client";
import { type JobData, jobQueue, QUEUES } from "../jobs/queue";
import type { Stage } from "../shared/stages";
import { PendingRetrainings } from "./pending-retraining";

export interface RetrainingRequest {
  reviewId: string;
  stage: Stage;
  /** "all": every reviewer who has a ranking at this stage (a resolution is a label for all of them). */
  reviewerIds: "all" | string[];
  /** The stage's setting when the caller has just read it, saving a round trip; else it is read here. */
  prioritise?: boolean;
}

/**
 * A retraining starts this long after the decision that asked for it. Decisions made meanwhile join the job
 * already waiting (the queue keeps one per reviewer), so a reviewer deciding faster than this costs one training
 * per interval instead of one per decision, while one reading each record for longer is never kept waiting.
 */
export const RETRAIN_AFTER_SECONDS = 2;

/**
 * Half the delay is margin: a decision in the first second after this process queued a retraining is left to it,
 * which halves the requests of a reviewer deciding every second or so.
 */
const pending = new PendingRetrainings(RETRAIN_AFTER_SECONDS * 500, RETRAIN_AFTER_SECONDS * 1000);

export async function enqueueRetraining(db: Db, request: RetrainingRequest): Promise<number> {
  const { reviewId, stage } = request;
  const prioritise =
    request.prioritise ??
    (await db.reviewStageSetting.findUnique({ where: { reviewId_stage: { reviewId, stage } } }))?.prioritise;
  if (!prioritise) return 0;
  const ids =
    request.reviewerIds === "all"
      ? (await db.rankingModel.findMany({ where: { reviewId, stage }, select: { reviewerId: true } })).map(
          (m) => m.reviewerId,
        )
      : request.reviewerIds;
  const boss = await jobQueue();
  for (const reviewerId of ids) {
    const key = `${reviewId}:${stage}:${reviewerId}`;
    const sentAt = Date.now();
    if (pending.covers(key, sentAt)) continue;
    const data: JobData["ranking"] = { reviewId, stage, reviewerId };
    const jobId = await boss.send(QUEUES.ranking, data, { singletonKey: key, startAfter: RETRAIN_AFTER_SECONDS });
    if (jobId) pending.queued(key, sentAt);
  }
  return ids.length;
}

/**
 * Fire and forget. Without a configured queue (DATABASE_URL unset: a test calling services directly) there is no
 * worker to train either, so nothing is asked.
 */
export function requestRetraining(db: Db, request: RetrainingRequest): void {
  if (!process.env.DATABASE_URL || request.prioritise === false) return;
  enqueueRetraining(db, request).catch((err: Error) => console.error("sift: could not queue ranking:", err.message));
}
