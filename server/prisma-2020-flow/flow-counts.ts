// Reads the counts of a review's PRISMA flow with three aggregate queries over records, their outcomes and
// reports (fast enough for 100,000 records: see bench/prisma-2020.ts).
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { identifiedPerSource } from "../import/search-log";
import { BELOW_STOPPING_THRESHOLD } from "../prioritise/stopping-rule";
import { type ColumnCounts, type FlowCounts, NO_REASON, type ReasonCount } from "./flow";
import { flowConditions, flowRecords } from "./flow-sql";

const FLOW = flowConditions("f");

const COUNTED = {
  duplicates: FLOW.duplicate,
  excluded_other: FLOW.removedOther,
  records_screened: FLOW.list.records_screened,
  records_excluded_by_automation: FLOW.taExcludedByAutomation,
  records_awaiting: FLOW.list.records_awaiting,
  records_inconsistent: FLOW.list.records_inconsistent,
  reports_awaiting: FLOW.list.reports_awaiting,
  reports_inconsistent: FLOW.list.reports_inconsistent,
  ungrouped_reports: FLOW.list.ungrouped_reports,
  ...Object.fromEntries(Object.entries(FLOW.dbrColumn).map(([k, sql]) => [`dbr_${k}`, sql])),
  ...Object.fromEntries(Object.entries(FLOW.otherColumn).map(([k, sql]) => [`other_${k}`, sql])),
} as Record<string, Prisma.Sql>;

export async function readFlowCounts(db: Db, reviewId: string): Promise<FlowCounts> {
  const filters = Prisma.join(
    Object.entries(COUNTED).map(
      ([name, where]) => Prisma.sql`count(*) FILTER (WHERE ${where})::int AS ${Prisma.raw(`"${name}"`)}`,
    ),
    ",\n",
  );
  const [totalsRow, sources, reasons] = await Promise.all([
    db.$queryRaw<Record<string, number>[]>`
      SELECT ${filters},
             count(DISTINCT f.study_id) FILTER (WHERE ${FLOW.list.included})::int AS new_studies
        FROM ${flowRecords(reviewId)} f`,
    // Per database from the search log (server/import/search-log.ts), so the diagram and the search summary agree.
    identifiedPerSource(db, reviewId),
    // One final reason per record (title/abstract, people's exclusions: the stopping rule's are counted apart) or
    // report (full text, where the stopping rule's exclusions are a reason of their own), from settled outcomes.
    db.$queryRaw<{ box: string; reason: string | null; n: number }[]>`
      SELECT 'records_excluded' AS box, tar.label AS reason, count(*)::int AS n
        FROM ${flowRecords(reviewId)} f LEFT JOIN exclusion_reasons tar ON tar.id = f.ta_reason_id
       WHERE ${FLOW.taExcluded} AND NOT f.excluded_by_automation
       GROUP BY tar.label
      UNION ALL
      SELECT CASE WHEN ${FLOW.dbr} THEN 'dbr_excluded' ELSE 'other_excluded' END,
             CASE WHEN f.ft_excluded_by_automation THEN ${BELOW_STOPPING_THRESHOLD} ELSE ftr.label END, count(*)::int
        FROM ${flowRecords(reviewId)} f LEFT JOIN exclusion_reasons ftr ON ftr.id = f.ft_reason_id
       WHERE ${FLOW.report} AND f.ft_status = 'excluded'
       GROUP BY 1, 2`,
  ]);
  const t = totalsRow[0]!;
  const num = (name: string) => t[name] ?? 0;
  const reasonsFor = (box: string): ReasonCount[] =>
    reasons
      .filter((r) => r.box === box)
      .map((r) => ({ reason: r.reason ?? NO_REASON, n: r.n }))
      .sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason));
  const columnCounts = (prefix: "dbr" | "other"): ColumnCounts => ({
    sought: num(`${prefix}_sought`),
    notRetrieved: num(`${prefix}_notRetrieved`),
    assessed: num(`${prefix}_assessed`),
    excluded: reasonsFor(`${prefix}_excluded`),
    included: num(`${prefix}_included`),
    stillSought: num(`${prefix}_stillSought`),
  });
  return {
    sources: sources.map((s) => ({ name: s.name, kind: s.kind, records: s.records })),
    duplicates: num("duplicates"),
    // No automation tool removes records before screening in Sift (the stopping rule excludes screened records).
    excludedAutomatic: 0,
    excludedOther: num("excluded_other"),
    recordsScreened: num("records_screened"),
    recordsExcluded: reasonsFor("records_excluded"),
    recordsExcludedByAutomation: num("records_excluded_by_automation"),
    recordsAwaiting: num("records_awaiting"),
    recordsInconsistent: num("records_inconsistent"),
    dbr: columnCounts("dbr"),
    other: columnCounts("other"),
    reportsAwaiting: num("reports_awaiting"),
    reportsInconsistent: num("reports_inconsistent"),
    newStudies: num("new_studies"),
    ungroupedReports: num("ungrouped_reports"),
  };
}
