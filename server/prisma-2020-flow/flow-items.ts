// The records or reports behind a box of the diagram or a failed identity, a page at a time.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { BELOW_STOPPING_THRESHOLD } from "../prioritise/stopping-rule";
import { type RemovalReason, removalReasonText } from "../records/removal-reasons";
import { type ListKey, NO_REASON } from "./flow";
import { flowConditions, flowRecords } from "./flow-sql";

const FLOW = flowConditions("f");

/** The lists of records; every other list holds the reports made from them, which is how its rows are described. */
const RECORD_LISTS = new Set<ListKey>([
  "identified_dbr",
  "removed_before_screening",
  "records_screened",
  "records_excluded",
  "identified_other",
  "records_awaiting",
  "records_inconsistent",
]);

export interface FlowItem {
  recordId: string;
  reportId: string | null;
  title: string;
  authors: string[];
  year: number | null;
  source: string;
  /** Where the item stands, in the terms of the box it was listed from. */
  detail: string;
}

interface Row {
  record_id: string;
  report_id: string | null;
  title: string;
  authors: string[];
  year: number | null;
  source: string;
  duplicate_of_title: string | null;
  excluded_by_automation: boolean;
  removal_reason: RemovalReason | null;
  removal_note: string | null;
  ta_status: string | null;
  ta_reason: string | null;
  retrieval_status: string | null;
  ft_status: string | null;
  ft_reason: string | null;
  study: string | null;
}

const RETRIEVAL = {
  sought: "Full text still sought",
  retrieved: "Full text retrieved",
  not_retrieved: "Full text not retrieved",
} as const;

function detail(key: ListKey, row: Row): string {
  const decided = (status: string | null, reason: string | null) =>
    status === "included"
      ? "Included"
      : status === "excluded"
        ? `Excluded: ${reason ?? NO_REASON}`
        : "No final decision yet";
  switch (key) {
    case "identified_dbr":
    case "identified_other":
    case "removed_before_screening":
      if (row.duplicate_of_title !== null) return `Duplicate of “${row.duplicate_of_title || "(no title)"}”`;
      if (row.removal_reason)
        return `Removed before screening: ${removalReasonText(row.removal_reason, row.removal_note ?? "")}`;
      return "Kept for screening";
    case "records_screened":
    case "records_excluded":
    case "records_awaiting":
    case "records_inconsistent":
      if (row.excluded_by_automation)
        return `Title/abstract: Excluded by automation tools: ${BELOW_STOPPING_THRESHOLD.toLowerCase()}`;
      return `Title/abstract: ${decided(row.ta_status, row.ta_reason)}${row.report_id ? "; full text sought" : ""}`;
    case "included":
    case "ungrouped_reports":
      return row.study ? `Study: ${row.study}` : "Not grouped into a study yet";
    default:
      return `${RETRIEVAL[row.retrieval_status as keyof typeof RETRIEVAL] ?? "Not sought"}; full text: ${decided(row.ft_status, row.ft_reason)}`;
  }
}

export async function listFlowItems(db: Db, reviewId: string, key: ListKey, page: { offset: number; limit: number }) {
  const order =
    key === "included" || key === "ungrouped_reports"
      ? Prisma.sql`st.label NULLS LAST, f.title, f.record_id`
      : Prisma.sql`f.title, f.record_id`;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT f.record_id, f.report_id, f.title, f.authors[1:3] AS authors, f.year, f.source,
             dup.title AS duplicate_of_title, f.excluded_by_automation IS TRUE AS excluded_by_automation,
             f.removal_reason::text AS removal_reason, f.removal_note,
             f.ta_status::text AS ta_status, tar.label AS ta_reason, f.retrieval_status::text AS retrieval_status,
             f.ft_status::text AS ft_status,
             CASE WHEN f.ft_excluded_by_automation THEN ${BELOW_STOPPING_THRESHOLD} ELSE ftr.label END AS ft_reason,
             st.label AS study
        FROM ${flowRecords(reviewId)} f
        LEFT JOIN records dup ON dup.id = f.duplicate_of_id
        LEFT JOIN exclusion_reasons tar ON tar.id = f.ta_reason_id
        LEFT JOIN exclusion_reasons ftr ON ftr.id = f.ft_reason_id
        LEFT JOIN studies st ON st.id = f.study_id
       WHERE ${FLOW.list[key]}
       ORDER BY ${order}
       LIMIT ${page.limit} OFFSET ${page.offset}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${flowRecords(reviewId)} f WHERE ${FLOW.list[key]}`,
  ]);
  return {
    key,
    unit: RECORD_LISTS.has(key) ? ("records" as const) : ("reports" as const),
    total: count?.n ?? 0,
    offset: page.offset,
    items: rows.map(
      (row): FlowItem => ({
        recordId: row.record_id,
        reportId: row.report_id,
        title: row.title,
        authors: row.authors,
        year: row.year,
        source: row.source,
        detail: detail(key, row),
      }),
    ),
  };
}
