// The order in which serving hands out a stage's records: while a stopping sample is open, a random order (the
// same for everyone, so records complete); with prioritisation on, the reviewer's ranking (records ranked after
// the last training come last); otherwise import order. Always a total order, ending in r.id.
import { Prisma } from "../db/generated/client.ts";
import type { Stage } from "../db/generated/enums.ts";

export interface OrderSettings {
  stage: Stage;
  reviewerId: string;
  prioritise: boolean;
  /** The stage's open stopping sample, if any. */
  sampleId: string | null;
}

export function prioritisedOrder({ stage, reviewerId, prioritise, sampleId }: OrderSettings): Prisma.Sql {
  if (sampleId) return Prisma.sql`md5(r.id || ${sampleId}), r.id`;
  if (!prioritise) return Prisma.sql`r.id`;
  return Prisma.sql`(SELECT rk.rank FROM record_rankings rk
                      WHERE rk.record_id = r.id AND rk.stage = ${stage}::stage AND rk.reviewer_id = ${reviewerId}) NULLS LAST, r.id`;
}

/** The settings prioritisedOrder needs, as columns for the query that reads the stage's settings row `st`. */
export const orderSettingsColumns = Prisma.sql`st.prioritise,
  (SELECT ss.id FROM stopping_samples ss WHERE ss.review_id = st.review_id AND ss.stage = st.stage AND ss.closed_at IS NULL
    ORDER BY ss.started_at DESC LIMIT 1) AS sample_id`;
