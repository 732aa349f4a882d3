// Retrains one reviewer's ranking at a stage and stores it as one ordered array. Runs as a job (see
// request-retraining.ts), never inside a decision's transaction.
import { type Db, poolOf } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { rows } from "../db/sql";
import { newId } from "../shared/ids";
import { seededRandom } from "./random";
import { rankOpen } from "./rank-order";
import { cachedRanker } from "./ranker-cache";
import { type RankingScope, recordTexts, stageRecordIds, trainingLabels } from "./training-labels";

/** Reading the labels again when an import or a merge changed the stage's records between two reads. */
const ATTEMPTS = 3;

async function rankedRecordIds(db: Db, scope: RankingScope) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const input = await trainingLabels(db, scope);
    if (!input) return null;
    let includes = 0;
    for (const y of input.labels.values()) includes += y;
    // With no include or no exclusion yet there is nothing to learn: serving keeps import order.
    const learnable = includes > 0 && includes < input.labels.size;
    if (!learnable) return { labelled: input.labels.size, includes, ranked: null };
    const stage = await cachedRanker(`${scope.reviewId}:${scope.stage}`, input.fingerprint, {
      ids: () => stageRecordIds(db, scope),
      texts: (ids) => recordTexts(db, scope.reviewId, ids),
    });
    if (!stage) continue;
    const scores = stage.ranker.score(input.labels, seededRandom(input.labels.size));
    return { labelled: input.labels.size, includes, ranked: rankOpen(scores, input.open).map((i) => stage.ids[i]!) };
  }
  throw new Error(`the records of review ${scope.reviewId} kept changing while its ranking was retrained`);
}

export async function retrainRanking(
  db: Db,
  scope: RankingScope,
): Promise<{ labelled: number; includes: number; ranked: number }> {
  const result = await rankedRecordIds(db, scope);
  if (!result) return { labelled: 0, includes: 0, ranked: 0 };
  const { labelled, includes, ranked } = result;
  // One array parameter: an upsert through Prisma would send every id as a parameter of its own.
  await rows(
    poolOf(db),
    Prisma.sql`
    INSERT INTO ranking_models (id, review_id, stage, reviewer_id, labelled, includes, trained_at, ranked_record_ids)
    VALUES (${newId()}, ${scope.reviewId}, ${scope.stage}::stage, ${scope.reviewerId}, ${labelled}, ${includes},
            ${ranked ? new Date().toISOString() : null}::timestamp, ${ranked ?? []}::text[])
    ON CONFLICT (review_id, stage, reviewer_id) DO UPDATE
      SET labelled = EXCLUDED.labelled, includes = EXCLUDED.includes, trained_at = EXCLUDED.trained_at,
          ranked_record_ids = EXCLUDED.ranked_record_ids`,
  );
  return { labelled, includes, ranked: ranked?.length ?? 0 };
}
