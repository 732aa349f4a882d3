// Retrains one reviewer's ranking at a stage and stores ranks and relevance. Runs as a job (see
// request-retraining.ts), never inside a decision's transaction.
import type { Db } from "../db/client";
import { createRanker } from "./model";
import { seededRandom } from "./random";
import { rankingInput, type RankingScope } from "./training-labels";

/** Ranks the records by the model's score; with no include or no exclusion yet there is nothing to learn. */
export function rankScores(scores: Float64Array): { rank: Int32Array; relevance: Int32Array } {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const rank = new Int32Array(scores.length);
  const relevance = new Int32Array(scores.length);
  order.forEach((i, position) => {
    rank[i] = position + 1;
    relevance[i] = Math.round(100 * (1 - position / Math.max(1, scores.length)));
  });
  return { rank, relevance };
}

export async function retrainRanking(db: Db, scope: RankingScope): Promise<{ labelled: number; includes: number; ranked: number }> {
  const setting = await db.reviewStageSetting.findUnique({ where: { reviewId_stage: { reviewId: scope.reviewId, stage: scope.stage } } });
  const input = setting?.prioritise ? await rankingInput(db, scope) : null;
  if (!input) return { labelled: 0, includes: 0, ranked: 0 };
  let includes = 0;
  for (const y of input.labels.values()) includes += y;
  const learnable = includes > 0 && includes < input.labels.size;
  const ranked = learnable ? rankScores(createRanker("sift", input.records).score(input.labels, seededRandom(input.labels.size))) : null;
  const key = { reviewId: scope.reviewId, stage: scope.stage, reviewerId: scope.reviewerId };
  await db.$transaction(async (tx) => {
    await tx.recordRanking.deleteMany({ where: key });
    if (ranked) {
      await tx.$executeRaw`
        INSERT INTO record_rankings (review_id, record_id, stage, reviewer_id, rank, relevance)
        SELECT ${scope.reviewId}, id, ${scope.stage}::stage, ${scope.reviewerId}, rank, relevance
          FROM unnest(${input.ids}::text[], ${Array.from(ranked.rank)}::int[], ${Array.from(ranked.relevance)}::int[]) AS t(id, rank, relevance)`;
    }
    const state = { labelled: input.labels.size, includes, trainedAt: ranked ? new Date() : null };
    await tx.rankingModel.upsert({ where: { reviewId_stage_reviewerId: key }, create: { ...key, ...state }, update: state });
  });
  return { labelled: input.labels.size, includes, ranked: ranked ? input.ids.length : 0 };
}
