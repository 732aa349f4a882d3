// Asks for rankings to be retrained after decisions change. Called after the decision's transaction committed
// and not awaited by the request: a decision never waits for the queue, let alone for training.
import type { Db } from "../db/client";
import type { Stage } from "../db/generated/enums.ts";
import { jobQueue, QUEUES } from "../jobs/queue";

export async function enqueueRetraining(db: Db, reviewId: string, stage: Stage, reviewerIds: "all" | string[]): Promise<number> {
  const setting = await db.reviewStageSetting.findUnique({ where: { reviewId_stage: { reviewId, stage } } });
  if (!setting?.prioritise) return 0;
  const ids =
    reviewerIds === "all"
      ? (await db.rankingModel.findMany({ where: { reviewId, stage }, select: { reviewerId: true } })).map((m) => m.reviewerId)
      : reviewerIds;
  const boss = await jobQueue();
  for (const reviewerId of ids) {
    await boss.send(QUEUES.ranking, { reviewId, stage, reviewerId }, { singletonKey: `${reviewId}:${stage}:${reviewerId}` });
  }
  return ids.length;
}

/**
 * Fire and forget. Without a configured queue (DATABASE_URL unset: a test calling services directly) there is no
 * worker to train either, so nothing is asked.
 */
export function requestRetraining(db: Db, reviewId: string, stage: Stage, reviewerIds: "all" | string[]): void {
  if (!process.env.DATABASE_URL) return;
  enqueueRetraining(db, reviewId, stage, reviewerIds).catch((err: Error) => console.error("sift: could not queue ranking:", err.message));
}
