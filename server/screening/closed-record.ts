// Whether a record can still take decisions at a stage, as SQL: the decision statement refuses by it, and the
// records a screener is shown carry it (as far as blinding lets them know it), so a screen does not offer a change
// the server would refuse.

import { Prisma } from "../db/generated/client.ts";
import { eligibleRecords, stageSql } from "../screening-queue/eligibility";
import type { Stage } from "../shared/stages";

/**
 * Why record `r` can take no more decisions at a stage. `in_full_text`: at title/abstract, once anyone has decided
 * on the record at full text, only a lead can change how it was screened, by reopening it.
 */
export type ClosedBecause = "merged" | "not_in_full_text" | "resolved" | "in_full_text";

/** What says whether record `r` can still take decisions at the stage, as columns of a row from records `r`. */
export function openRecordColumns(stage: Stage): Prisma.Sql {
  const s = stageSql(stage);
  return Prisma.sql`r.duplicate_of_id IS NOT NULL AS merged, (${eligibleRecords("r", "full_text")}) AS in_full_text,
    (SELECT c.status = 'resolved' FROM conflicts c WHERE c.record_id = r.id AND c.stage = ${s}) AS resolved,
    EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = 'full_text') AS full_text_started`;
}

/**
 * The ClosedBecause of a record, over openRecordColumns as `f`: 'not_found' when they are all null (the record
 * is not in the review), null when the record can still take decisions.
 */
export function closedRecordRefusal(stage: Stage): Prisma.Sql {
  return Prisma.sql`CASE WHEN f.merged IS NULL THEN 'not_found'
                         WHEN f.merged THEN 'merged'
                         WHEN ${stage === "full_text"} AND NOT f.in_full_text THEN 'not_in_full_text'
                         WHEN f.resolved THEN 'resolved'
                         WHEN ${stage === "title_abstract"} AND f.full_text_started THEN 'in_full_text' END`;
}
