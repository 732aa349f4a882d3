// Reads the counts of a review's PRISMA flow with three aggregate queries over records, their outcomes and
// reports (fast enough for 100,000 records: see bench/prisma-2020.ts).
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { type ColumnCounts, type FlowCounts, NO_REASON, type ReasonCount, type SourceKindName } from "./flow";
import {
  AUTOMATIC,
  DBR,
  DBR_COLUMN,
  DUPLICATE,
  flowFrom,
  LIST_WHERE,
  OTHER_COLUMN,
  REPORT,
  TA_EXCLUDED,
} from "./flow-sql";

const COUNTED = {
  duplicates: DUPLICATE,
  excluded_automatic: AUTOMATIC,
  records_screened: LIST_WHERE.records_screened,
  records_unaccounted: LIST_WHERE.records_unaccounted,
  reports_unaccounted: LIST_WHERE.reports_unaccounted,
  ungrouped_reports: LIST_WHERE.ungrouped_reports,
  ...Object.fromEntries(Object.entries(DBR_COLUMN).map(([k, sql]) => [`dbr_${k}`, sql])),
  ...Object.fromEntries(Object.entries(OTHER_COLUMN).map(([k, sql]) => [`other_${k}`, sql])),
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
             count(DISTINCT rep.study_id) FILTER (WHERE ${LIST_WHERE.included})::int AS new_studies
      ${flowFrom(reviewId)}`,
    db.$queryRaw<{ name: string; kind: SourceKindName; records: number }[]>`
      SELECT s.name, s.kind::text AS kind, count(*)::int AS records
        FROM records r JOIN sources s ON s.id = r.source_id
       WHERE r.review_id = ${reviewId}
       GROUP BY s.id, s.name, s.kind`,
    // One final reason per record (title/abstract) or report (full text), from the settled outcome only.
    db.$queryRaw<{ box: string; reason: string | null; n: number }[]>`
      SELECT 'records_excluded' AS box, tar.label AS reason, count(*)::int AS n
      ${flowFrom(reviewId, Prisma.sql`LEFT JOIN exclusion_reasons tar ON tar.id = ta.reason_id`)} AND ${TA_EXCLUDED}
      GROUP BY tar.label
      UNION ALL
      SELECT CASE WHEN ${DBR} THEN 'dbr_excluded' ELSE 'other_excluded' END, ftr.label, count(*)::int
      ${flowFrom(reviewId, Prisma.sql`LEFT JOIN exclusion_reasons ftr ON ftr.id = ft.reason_id`)} AND ${REPORT} AND ft.status = 'excluded'
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
    excludedAutomatic: num("excluded_automatic"),
    // Sift has no removal "for other reasons" before screening: every record kept is screened.
    excludedOther: 0,
    recordsScreened: num("records_screened"),
    recordsExcluded: reasonsFor("records_excluded"),
    recordsUnaccounted: num("records_unaccounted"),
    dbr: columnCounts("dbr"),
    other: columnCounts("other"),
    reportsUnaccounted: num("reports_unaccounted"),
    newStudies: num("new_studies"),
    ungroupedReports: num("ungrouped_reports"),
  };
}
