// What each box and each identity's "records behind it" means in SQL, written once and used both to count
// (count(*) FILTER (WHERE …)) and to list, so a box always lists exactly the items it counts. The rows are one
// relation, flowRecords, which the statement names; every condition takes that name.
import { Prisma } from "../db/generated/client.ts";
import { sqlAlias } from "../db/sql-alias";
import type { ListKey } from "./flow";

/**
 * One row per record of the review with everything its flow needs: source kind, title/abstract outcome, its
 * report (a record has at most one), and the report's full-text outcome. Only settled outcomes (included,
 * excluded) count anywhere, never a single reviewer's decision. Used as `FROM ${flowRecords(reviewId)} f`; a
 * subquery that PostgreSQL folds into the statement around it, so it costs what the joins written out would.
 *
 * `excluded_by_automation` is a record excluded at title/abstract by the stopping rule (server/prioritise/
 * stopping.ts): the ranked records were screened as a population and the rest judged below the threshold, so it is
 * counted in "Records excluded", on the "by automation tools" side of the statement's footnote to that box, and
 * not in "Records removed before screening" (which is for records no screening ever looked at). Sift removes
 * none of those by automation. `removed_other` is a record a lead removed before screening for another reason
 * (server/records/removal.ts): PRISMA `excluded_other`.
 */
export const flowRecords = (reviewId: string) => Prisma.sql`(
  SELECT r.id AS record_id, r.title, r.authors, r.year, r.duplicate_of_id, s.name AS source, s.kind AS source_kind,
         (ta.status = 'excluded' AND ta.stopping_sample_id IS NOT NULL) AS excluded_by_automation,
         ta.status AS ta_status, ta.reason_id AS ta_reason_id,
         rep.id AS report_id, rep.retrieval_status, rep.study_id, ft.status AS ft_status, ft.reason_id AS ft_reason_id,
         (ft.status = 'excluded' AND ft.stopping_sample_id IS NOT NULL) AS ft_excluded_by_automation,
         rm.record_id IS NOT NULL AS removed_other, rm.reason AS removal_reason, rm.note AS removal_note
    FROM records r
    JOIN sources s ON s.id = r.source_id
    LEFT JOIN screening_outcomes ta ON ta.record_id = r.id AND ta.stage = 'title_abstract'
    LEFT JOIN reports rep ON rep.record_id = r.id
    LEFT JOIN screening_outcomes ft ON ft.record_id = r.id AND ft.stage = 'full_text'
    LEFT JOIN record_removals rm ON rm.record_id = r.id
   WHERE r.review_id = ${reviewId})`;

/** The conditions on a row of flowRecords that the statement names `row`, by what they mean. */
export function flowConditions(row: string) {
  const f = sqlAlias(row);
  const dbr = Prisma.sql`${f}.source_kind IN ('database', 'register')`;
  const other = Prisma.sql`${f}.source_kind NOT IN ('database', 'register')`;
  const removed = Prisma.sql`(${f}.duplicate_of_id IS NOT NULL OR ${f}.removed_other)`;
  const kept = Prisma.sql`${f}.duplicate_of_id IS NULL AND NOT ${f}.removed_other`;
  const report = Prisma.sql`${kept} AND ${f}.report_id IS NOT NULL`;
  const included = Prisma.sql`${report} AND ${f}.ft_status = 'included'`;
  const column = (kind: Prisma.Sql) => ({
    sought: Prisma.sql`${kind} AND ${report}`,
    notRetrieved: Prisma.sql`${kind} AND ${report} AND ${f}.retrieval_status = 'not_retrieved'`,
    assessed: Prisma.sql`${kind} AND ${report} AND ${f}.retrieval_status = 'retrieved'`,
    excluded: Prisma.sql`${kind} AND ${report} AND ${f}.ft_status = 'excluded'`,
    included: Prisma.sql`${kind} AND ${included}`,
    stillSought: Prisma.sql`${kind} AND ${report} AND ${f}.retrieval_status = 'sought'`,
  });
  const dbrColumn = column(dbr);
  const otherColumn = column(other);
  const taExcluded = Prisma.sql`${dbr} AND ${kept} AND ${f}.ta_status = 'excluded'`;
  const taSettled = Prisma.sql`${f}.ta_status IS NOT NULL AND ${f}.ta_status IN ('included', 'excluded')`;
  const ftSettled = Prisma.sql`${f}.ft_status IS NOT NULL AND ${f}.ft_status IN ('included', 'excluded')`;
  const list: Record<ListKey, Prisma.Sql> = {
    identified_dbr: dbr,
    removed_before_screening: Prisma.sql`${dbr} AND ${removed}`,
    records_screened: Prisma.sql`${dbr} AND ${kept}`,
    records_excluded: taExcluded,
    dbr_sought: dbrColumn.sought,
    dbr_notretrieved: dbrColumn.notRetrieved,
    dbr_assessed: dbrColumn.assessed,
    dbr_excluded: dbrColumn.excluded,
    identified_other: other,
    other_sought: otherColumn.sought,
    other_notretrieved: otherColumn.notRetrieved,
    other_assessed: otherColumn.assessed,
    other_excluded: otherColumn.excluded,
    included,
    // A screened record ends either excluded at title/abstract or sought in full (its inclusion makes the report).
    records_awaiting: Prisma.sql`${dbr} AND ${kept} AND NOT (${taSettled}) AND ${f}.report_id IS NULL`,
    records_inconsistent: Prisma.sql`${dbr} AND ${kept} AND ${taSettled} AND
    (${f}.ta_status = 'excluded') = (${f}.report_id IS NOT NULL)`,
    retrieval_pending_dbr: dbrColumn.stillSought,
    retrieval_pending_other: otherColumn.stillSought,
    // A report is assessed exactly when it was retrieved, and an assessed report ends included or excluded.
    reports_awaiting: Prisma.sql`${report} AND ${f}.retrieval_status = 'retrieved' AND NOT (${ftSettled})`,
    reports_inconsistent: Prisma.sql`${report} AND ${f}.retrieval_status <> 'retrieved' AND ${ftSettled}`,
    ungrouped_reports: Prisma.sql`${included} AND ${f}.study_id IS NULL`,
  };
  return {
    dbr,
    report,
    dbrColumn,
    otherColumn,
    duplicate: Prisma.sql`${dbr} AND ${f}.duplicate_of_id IS NOT NULL`,
    removedOther: Prisma.sql`${dbr} AND ${f}.duplicate_of_id IS NULL AND ${f}.removed_other`,
    taExcluded,
    taExcludedByAutomation: Prisma.sql`${taExcluded} AND ${f}.excluded_by_automation`,
    list,
  };
}
