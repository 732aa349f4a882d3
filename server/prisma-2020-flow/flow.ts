// PRISMA 2020 arithmetic: the counts read from a review in, the diagram's boxes (named as in the PRISMA2020
// template's `data` column) and the result of every identity out. Pure, so each rule is tested with plain data.

export type SourceKindName = "database" | "register" | "website" | "organisation" | "citation_searching";

/** The label of exclusions whose final decision carries no reason (allowed at title/abstract). */
export const NO_REASON = "No reason recorded";

export interface ReasonCount {
  reason: string;
  n: number;
}

/** Reports of one column: "databases and registers" or "other methods". */
export interface ColumnCounts {
  sought: number;
  notRetrieved: number;
  /** Reports retrieved, hence assessed in full. */
  assessed: number;
  /** One final reason per report excluded at full text. */
  excluded: ReasonCount[];
  /** Reports included at full text. */
  included: number;
  /** Reports still waiting to be retrieved. */
  stillSought: number;
}

export interface FlowCounts {
  /** Every record imported, duplicates included, by source. */
  sources: { name: string; kind: SourceKindName; records: number }[];
  duplicates: number;
  excludedAutomatic: number;
  excludedOther: number;
  recordsScreened: number;
  /** Title/abstract exclusions by final reason (a null reason is "No reason recorded"). */
  recordsExcluded: ReasonCount[];
  /** Records screened that are neither excluded at title/abstract nor sought in full, or are both. */
  recordsUnaccounted: number;
  dbr: ColumnCounts;
  other: ColumnCounts;
  /** Retrieved reports with no final full-text decision, plus decided reports that were never retrieved. */
  reportsUnaccounted: number;
  newStudies: number;
  /** Included reports not yet grouped into a study. */
  ungroupedReports: number;
}

/** Lists a box or a failed identity opens: the records or reports behind it. */
export const LIST_KEYS = [
  "identified_dbr",
  "removed_before_screening",
  "records_screened",
  "records_excluded",
  "dbr_sought",
  "dbr_notretrieved",
  "dbr_assessed",
  "dbr_excluded",
  "identified_other",
  "other_sought",
  "other_notretrieved",
  "other_assessed",
  "other_excluded",
  "included",
  "records_unaccounted",
  "retrieval_pending_dbr",
  "retrieval_pending_other",
  "reports_unaccounted",
  "ungrouped_reports",
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export interface IdentityCheck {
  id: string;
  /** The identity as the domain notes write it. */
  rule: string;
  left: number;
  right: number;
  holds: boolean;
  /** What a failure means, in the user's words. */
  explanation: string;
  /** The records or reports behind a failure, and what to call that list. */
  behind: ListKey;
  behindLabel: string;
  behindCount: number;
}

export interface Prisma2020Flow {
  /** Every number of the diagram, keyed by the template's `data` names. */
  values: Record<FlowVariable, number>;
  databases: { name: string; n: number }[];
  registers: { name: string; n: number }[];
  recordsExcludedReasons: ReasonCount[];
  dbrExcluded: ReasonCount[];
  otherExcluded: ReasonCount[];
  /** Whether the "other methods" column is drawn: only when such records exist. */
  hasOtherMethods: boolean;
  checks: IdentityCheck[];
}

export const FLOW_VARIABLES = [
  "database_results",
  "register_results",
  "website_results",
  "organisation_results",
  "citations_results",
  "duplicates",
  "excluded_automatic",
  "excluded_other",
  "records_screened",
  "records_excluded",
  "dbr_sought_reports",
  "dbr_notretrieved_reports",
  "dbr_assessed",
  "dbr_excluded",
  "other_sought_reports",
  "other_notretrieved_reports",
  "other_assessed",
  "other_excluded",
  "new_studies",
  "new_reports",
] as const;
export type FlowVariable = (typeof FLOW_VARIABLES)[number];

const sum = (reasons: ReasonCount[]) => reasons.reduce((t, r) => t + r.n, 0);

function byKind(counts: FlowCounts, kind: SourceKindName) {
  return counts.sources
    .filter((s) => s.kind === kind)
    .map((s) => ({ name: s.name, n: s.records }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
}

const total = (rows: { n: number }[]) => rows.reduce((t, r) => t + r.n, 0);

export function prisma2020Flow(counts: FlowCounts): Prisma2020Flow {
  const databases = byKind(counts, "database");
  const registers = byKind(counts, "register");
  const v: Record<FlowVariable, number> = {
    database_results: total(databases),
    register_results: total(registers),
    website_results: total(byKind(counts, "website")),
    organisation_results: total(byKind(counts, "organisation")),
    citations_results: total(byKind(counts, "citation_searching")),
    duplicates: counts.duplicates,
    excluded_automatic: counts.excludedAutomatic,
    excluded_other: counts.excludedOther,
    records_screened: counts.recordsScreened,
    records_excluded: sum(counts.recordsExcluded),
    dbr_sought_reports: counts.dbr.sought,
    dbr_notretrieved_reports: counts.dbr.notRetrieved,
    dbr_assessed: counts.dbr.assessed,
    dbr_excluded: sum(counts.dbr.excluded),
    other_sought_reports: counts.other.sought,
    other_notretrieved_reports: counts.other.notRetrieved,
    other_assessed: counts.other.assessed,
    other_excluded: sum(counts.other.excluded),
    new_studies: counts.newStudies,
    new_reports: counts.dbr.included + counts.other.included,
  };
  const otherRecords = v.website_results + v.organisation_results + v.citations_results;
  return {
    values: v,
    databases,
    registers,
    recordsExcludedReasons: counts.recordsExcluded,
    dbrExcluded: counts.dbr.excluded,
    otherExcluded: counts.other.excluded,
    hasOtherMethods: otherRecords > 0 || v.other_sought_reports > 0,
    checks: identityChecks(v, counts),
  };
}

function check(c: Omit<IdentityCheck, "holds">): IdentityCheck {
  return { ...c, holds: c.id === "studies_at_most_reports" ? c.left <= c.right : c.left === c.right };
}

function identityChecks(v: Record<FlowVariable, number>, counts: FlowCounts): IdentityCheck[] {
  const identified = v.database_results + v.register_results;
  return [
    check({
      id: "screened_from_identified",
      rule: "records_screened = database_results + register_results − duplicates − excluded_automatic − excluded_other",
      left: v.records_screened,
      right: identified - v.duplicates - v.excluded_automatic - v.excluded_other,
      explanation: "Records identified, less those removed before screening, should all reach screening.",
      behind: "identified_dbr",
      behindLabel: "Records identified from databases and registers",
      behindCount: identified,
    }),
    check({
      id: "screened_excluded_or_sought",
      rule: "records_screened = records_excluded + dbr_sought_reports",
      left: v.records_screened,
      right: v.records_excluded + v.dbr_sought_reports,
      explanation:
        "Every record screened should end either excluded at title/abstract or sought in full. These records have no final title/abstract decision yet, or have both.",
      behind: "records_unaccounted",
      behindLabel: "Records screened without exactly one final outcome",
      behindCount: counts.recordsUnaccounted,
    }),
    ...(["dbr", "other"] as const).map((column) =>
      check({
        id: `${column}_sought_retrieved_or_not`,
        rule: `${column}_sought_reports = ${column}_notretrieved_reports + ${column}_assessed`,
        left: v[`${column}_sought_reports`],
        right: v[`${column}_notretrieved_reports`] + v[`${column}_assessed`],
        explanation:
          "Every report sought should be either retrieved (and assessed) or marked not retrieved. These reports are still being sought.",
        behind: `retrieval_pending_${column}`,
        behindLabel: `Reports still being sought (${column === "dbr" ? "databases and registers" : "other methods"})`,
        behindCount: counts[column].stillSought,
      }),
    ),
    check({
      id: "included_from_assessed",
      rule: "new_reports = (dbr_assessed − Σ dbr_excluded) + (other_assessed − Σ other_excluded)",
      left: v.new_reports,
      right: v.dbr_assessed - v.dbr_excluded + (v.other_assessed - v.other_excluded),
      explanation:
        "Every report assessed should end either excluded with a reason or included. These reports have no final full-text decision yet, or were decided without being retrieved.",
      behind: "reports_unaccounted",
      behindLabel: "Reports without a final full-text decision, or decided without being retrieved",
      behindCount: counts.reportsUnaccounted,
    }),
    check({
      id: "studies_at_most_reports",
      rule: "new_studies ≤ new_reports",
      left: v.new_studies,
      right: v.new_reports,
      explanation: "A study has at least one report, so there cannot be more studies than reports.",
      behind: "included",
      behindLabel: "Reports of included studies",
      behindCount: v.new_reports,
    }),
    check({
      id: "reports_grouped",
      rule: "included reports without a study = 0",
      left: counts.ungroupedReports,
      right: 0,
      explanation:
        "Each included report should belong to a study, or studies are undercounted. Group these reports into studies.",
      behind: "ungrouped_reports",
      behindLabel: "Included reports not grouped into a study",
      behindCount: counts.ungroupedReports,
    }),
  ];
}
