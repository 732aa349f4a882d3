// What each box and each identity's "records behind it" means in SQL, written once and used both to count
// (count(*) FILTER (WHERE …)) and to list, so a box always lists exactly the items it counts.
import { Prisma } from "../db/generated/client.ts";
import type { ListKey } from "./flow";

/**
 * Records marked ineligible by automation tools (PRISMA `excluded_automatic`), before human screening. The one
 * place that decides it: records excluded unscreened below a stopping threshold (server/prioritise/stopping.ts).
 */
export const AUTOMATICALLY_EXCLUDED = Prisma.sql`(ta.status = 'excluded' AND ta.stopping_sample_id IS NOT NULL)`;

/**
 * One row per record of the review with everything its flow needs: source kind, title/abstract outcome, its
 * report (a record has at most one), and the report's full-text outcome. Only settled outcomes (included,
 * excluded) count anywhere, never a single reviewer's decision.
 */
export const flowFrom = (reviewId: string, moreJoins: Prisma.Sql = Prisma.empty) => Prisma.sql`
  FROM records r
  JOIN sources s ON s.id = r.source_id
  LEFT JOIN screening_outcomes ta ON ta.record_id = r.id AND ta.stage = 'title_abstract'
  LEFT JOIN reports rep ON rep.record_id = r.id
  LEFT JOIN screening_outcomes ft ON ft.record_id = r.id AND ft.stage = 'full_text'
  ${moreJoins}
  WHERE r.review_id = ${reviewId}`;

export const DBR = Prisma.sql`s.kind IN ('database', 'register')`;
const OTHER = Prisma.sql`s.kind NOT IN ('database', 'register')`;
const REMOVED = Prisma.sql`(r.duplicate_of_id IS NOT NULL OR ${AUTOMATICALLY_EXCLUDED})`;
const KEPT = Prisma.sql`r.duplicate_of_id IS NULL AND NOT ${AUTOMATICALLY_EXCLUDED}`;
export const REPORT = Prisma.sql`${KEPT} AND rep.id IS NOT NULL`;
const INCLUDED = Prisma.sql`${REPORT} AND ft.status = 'included'`;

function column(kind: Prisma.Sql) {
  return {
    sought: Prisma.sql`${kind} AND ${REPORT}`,
    notRetrieved: Prisma.sql`${kind} AND ${REPORT} AND rep.retrieval_status = 'not_retrieved'`,
    assessed: Prisma.sql`${kind} AND ${REPORT} AND rep.retrieval_status = 'retrieved'`,
    excluded: Prisma.sql`${kind} AND ${REPORT} AND ft.status = 'excluded'`,
    included: Prisma.sql`${kind} AND ${INCLUDED}`,
    stillSought: Prisma.sql`${kind} AND ${REPORT} AND rep.retrieval_status = 'sought'`,
  };
}
export const DBR_COLUMN = column(DBR);
export const OTHER_COLUMN = column(OTHER);

export const DUPLICATE = Prisma.sql`${DBR} AND r.duplicate_of_id IS NOT NULL`;
export const AUTOMATIC = Prisma.sql`${DBR} AND r.duplicate_of_id IS NULL AND ${AUTOMATICALLY_EXCLUDED}`;
export const TA_EXCLUDED = Prisma.sql`${DBR} AND ${KEPT} AND ta.status = 'excluded'`;

export const LIST_WHERE: Record<ListKey, Prisma.Sql> = {
  identified_dbr: DBR,
  removed_before_screening: Prisma.sql`${DBR} AND ${REMOVED}`,
  records_screened: Prisma.sql`${DBR} AND ${KEPT}`,
  records_excluded: TA_EXCLUDED,
  dbr_sought: DBR_COLUMN.sought,
  dbr_notretrieved: DBR_COLUMN.notRetrieved,
  dbr_assessed: DBR_COLUMN.assessed,
  dbr_excluded: DBR_COLUMN.excluded,
  identified_other: OTHER,
  other_sought: OTHER_COLUMN.sought,
  other_notretrieved: OTHER_COLUMN.notRetrieved,
  other_assessed: OTHER_COLUMN.assessed,
  other_excluded: OTHER_COLUMN.excluded,
  included: INCLUDED,
  // Screened records should be either excluded at title/abstract or sought in full: exactly one of the two.
  records_unaccounted: Prisma.sql`${DBR} AND ${KEPT} AND
    (ta.status IS NOT DISTINCT FROM 'excluded')::int + (rep.id IS NOT NULL)::int <> 1`,
  retrieval_pending_dbr: DBR_COLUMN.stillSought,
  retrieval_pending_other: OTHER_COLUMN.stillSought,
  // A report is assessed exactly when it was retrieved, and an assessed report ends included or excluded.
  reports_unaccounted: Prisma.sql`${REPORT} AND
    (rep.retrieval_status = 'retrieved') <> (ft.status IS NOT NULL AND ft.status IN ('included', 'excluded'))`,
  ungrouped_reports: Prisma.sql`${INCLUDED} AND rep.study_id IS NULL`,
};
