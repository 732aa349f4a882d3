// Retrains one reviewer's ranking at a stage and stores it as one ordered array. Runs as a job (see
// request-retraining.ts), never inside a decision's transaction.
import type { Db } from "../db/client";
import { seededRandom } from "./random";
import { rankOpen } from "./rank-order";
import { cachedRanker } from "./ranker-cache";
import { rankingInput, recordTexts, type RankingScope } from "./training-labels";

export async function retrainRanking(db: Db, scope: RankingScope): Promise<{ labelled: number; includes: number; ranked: number }> {
  const setting = await db.reviewStageSetting.findUnique({ where: { reviewId_stage: { reviewId: scope.reviewId, stage: scope.stage } } });
  const input = setting?.prioritise ? await rankingInput(db, scope) : null;
  if (!input) return { labelled: 0, includes: 0, ranked: 0 };
  let includes = 0;
  for (const y of input.labels.values()) includes += y;
  // With no include or no exclusion yet there is nothing to learn: serving keeps import order.
  const learnable = includes > 0 && includes < input.labels.size;
  let rankedRecordIds: string[] = [];
  if (learnable) {
    const ranker = await cachedRanker(`${scope.reviewId}:${scope.stage}`, input.ids, () => recordTexts(db, input.ids));
    const scores = ranker.score(input.labels, seededRandom(input.labels.size));
    rankedRecordIds = rankOpen(scores, input.open).map((i) => input.ids[i]!);
  }
  const key = { reviewId: scope.reviewId, stage: scope.stage, reviewerId: scope.reviewerId };
  const state = { labelled: input.labels.size, includes, trainedAt: learnable ? new Date() : null, rankedRecordIds };
  await db.rankingModel.upsert({ where: { reviewId_stage_reviewerId: key }, create: { ...key, ...state }, update: state });
  return { labelled: input.labels.size, includes, ranked: rankedRecordIds.length };
}
