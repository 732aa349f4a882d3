// The order in which serving hands out a stage's records: while a stopping sample is open, a random order (the
// same for everyone, so records complete); with prioritisation on, the reviewer's ranking (records it does not
// hold, such as those imported since the last training, come after it in import order); otherwise import order.
// The ranking is read as data, the ranking_models row that server/prioritise stores after each retraining: the
// queue never calls the ranker.

import { Prisma } from "../db/generated/client.ts";
import type { Stage } from "../shared/stages";

export interface OrderSettings {
  reviewId: string;
  stage: Stage;
  reviewerId: string;
  prioritise: boolean;
  /** The stage's open stopping sample, if any. */
  sampleId: string | null;
}

// Windows of 48, 768 and 12,288 places, then the rest: a reviewer's next records are nearly always in the first,
// since retraining drops the records that no longer need them.
const FIRST_WINDOW = 48;
const WINDOW_GROWTH = 16;
const WINDOWS = 4;
const AFTER_RANKING = 2 ** 62;

/**
 * Up to `limit` records `r` satisfying `where`, locked FOR UPDATE SKIP LOCKED, as rows (id, k1, k2): the serve
 * order is (k1, k2). A ranking is walked in windows of growing length, each its own CTE: PostgreSQL evaluates a
 * CTE only as far as the outer LIMIT pulls it, so a reviewer whose next records sit near the top of their
 * ranking costs a few dozen index probes, however many records the review has.
 */
export function orderedCandidates(settings: OrderSettings, where: Prisma.Sql, limit: number): Prisma.Sql {
  if (settings.sampleId) {
    return Prisma.sql`SELECT r.id, 0::bigint AS k1, md5(r.id || ${settings.sampleId}) || r.id AS k2 FROM records r
      WHERE ${where} ORDER BY md5(r.id || ${settings.sampleId}), r.id LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED`;
  }
  const inImportOrder = (extra: Prisma.Sql, k1: number) =>
    Prisma.sql`SELECT r.id, ${k1}::bigint AS k1, r.id AS k2 FROM records r
      WHERE ${where} ${extra} ORDER BY r.id LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED`;
  if (!settings.prioritise) return inImportOrder(Prisma.empty, 0);
  const windows: Prisma.Sql[] = [];
  for (let w = 0, from = 1, length = FIRST_WINDOW; w < WINDOWS; w++, from += length, length *= WINDOW_GROWTH) {
    const slice = w === WINDOWS - 1 ? Prisma.sql`ids[${from}:]` : Prisma.sql`ids[${from}:${from + length - 1}]`;
    windows.push(Prisma.sql`w${Prisma.raw(String(w))} AS (
      SELECT r.id, (${from - 1} + k.place)::bigint AS k1, ''::text AS k2
        FROM unnest((SELECT ${slice} FROM ranking)) WITH ORDINALITY AS k(id, place)
        JOIN records r ON r.id = k.id
       WHERE ${where} ORDER BY k.place LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED)`);
  }
  const branches = Prisma.join(
    windows.map((_, w) => Prisma.raw(`SELECT * FROM w${w}`)),
    " UNION ALL ",
  );
  return Prisma.sql`WITH ranking AS MATERIALIZED (
      SELECT m.ranked_record_ids AS ids FROM ranking_models m
       WHERE m.review_id = ${settings.reviewId} AND m.stage = ${settings.stage}::stage AND m.reviewer_id = ${settings.reviewerId}),
    ${Prisma.join(windows, ",\n    ")},
    unranked AS (${inImportOrder(
      Prisma.sql`AND NOT EXISTS (SELECT 1 FROM (SELECT unnest(ids) AS id FROM ranking) ranked WHERE ranked.id = r.id)`,
      AFTER_RANKING,
    )})
    SELECT * FROM (${branches} UNION ALL SELECT * FROM unranked) ordered LIMIT ${limit}`;
}

/** The settings the serve order needs, as columns for the query that reads the stage's settings row `st`. */
export const orderSettingsColumns = Prisma.sql`st.prioritise,
  (SELECT ss.id FROM stopping_samples ss WHERE ss.review_id = st.review_id AND ss.stage = st.stage AND ss.closed_at IS NULL
    ORDER BY ss.started_at DESC LIMIT 1) AS sample_id`;
