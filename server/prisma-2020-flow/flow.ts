// PRISMA 2020 arithmetic: the counts read from a review in, the diagram's boxes (named as in the PRISMA2020
// template's `data` column) and the state of every identity out. Pure, so each rule is tested with plain data.
// The boxes are those of Figure 1 of the statement (Page et al., BMJ 2021;372:n71) in its two forms: for new
// reviews, and for updated reviews (with "Previous studies" and "Total studies included in review").

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
  /** Title/abstract exclusions decided by people, by final reason (a null reason is "No reason recorded"). */
  recordsExcluded: ReasonCount[];
  /**
   * Title/abstract exclusions decided by an automation tool after ranking (the stopping rule): screened as a
   * population, so inside "Records excluded", split out as the statement's footnote to that box asks.
   */
  recordsExcludedByAutomation: number;
  /** Records screened with no final title/abstract decision yet: screening is in progress. */
  recordsAwaiting: number;
  /** Records screened that ended both excluded and sought in full, or included without being sought. */
  recordsInconsistent: number;
  dbr: ColumnCounts;
  other: ColumnCounts;
  /** Retrieved reports with no final full-text decision yet: full-text screening is in progress. */
  reportsAwaiting: number;
  /** Reports with a final full-text decision that were never retrieved. */
  reportsInconsistent: number;
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
  "records_awaiting",
  "records_inconsistent",
  "retrieval_pending_dbr",
  "retrieval_pending_other",
  "reports_awaiting",
  "reports_inconsistent",
  "ungrouped_reports",
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

/**
 * holds: the numbers add up. in_progress: they add up once the records or reports still awaiting a decision are
 * counted (a review being screened). inconsistent: they cannot all be true, whatever is still to be decided.
 */
export type CheckState = "holds" | "in_progress" | "inconsistent";

export interface IdentityCheck {
  id: string;
  /** The identity as the domain notes write it, in the template's variable names (for the CSV-minded). */
  rule: string;
  /** The identity in words, with this review's numbers. */
  statement: string;
  left: number;
  right: number;
  holds: boolean;
  state: CheckState;
  /** Why the identity must hold, in the user's words. */
  why: string;
  /** What the records or reports behind it do to it. */
  explanation: string;
  /** The records or reports that keep it from holding, and what to call that list. */
  behind: ListKey;
  behindLabel: string;
  behindCount: number;
}

/** Which form of the statement's Figure 1 the diagram takes. */
export type FlowVariant = "new" | "updated";

/** Studies and reports included in the previous version of an updated review. */
export interface PreviousVersion {
  studies: number;
  reports: number;
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
  /** Records excluded at title/abstract by people and by automation tools (values.records_excluded is both). */
  recordsExcludedBy: { human: number; automation: number };
  variant: FlowVariant;
  checks: IdentityCheck[];
  /** holds when every identity holds; otherwise the worst state of any. */
  state: CheckState;
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
  "previous_studies",
  "previous_reports",
  "total_studies",
  "total_reports",
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

/** `previous` given: the updated-review form, whose totals add the previous version's studies and reports. */
export function prisma2020Flow(counts: FlowCounts, previous: PreviousVersion | null = null): Prisma2020Flow {
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
    records_excluded: sum(counts.recordsExcluded) + counts.recordsExcludedByAutomation,
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
    previous_studies: previous?.studies ?? 0,
    previous_reports: previous?.reports ?? 0,
    total_studies: 0,
    total_reports: 0,
  };
  // Figure 1 for updated reviews: "Total studies included in review" = previous + new (same for reports).
  v.total_studies = v.previous_studies + v.new_studies;
  v.total_reports = v.previous_reports + v.new_reports;
  const otherRecords = v.website_results + v.organisation_results + v.citations_results;
  const checks = identityChecks(v, counts);
  return {
    values: v,
    databases,
    registers,
    recordsExcludedReasons: counts.recordsExcluded,
    dbrExcluded: counts.dbr.excluded,
    otherExcluded: counts.other.excluded,
    hasOtherMethods: otherRecords > 0 || v.other_sought_reports > 0,
    recordsExcludedBy: { human: sum(counts.recordsExcluded), automation: counts.recordsExcludedByAutomation },
    variant: previous ? "updated" : "new",
    checks,
    state: checks.some((c) => c.state === "inconsistent")
      ? "inconsistent"
      : checks.some((c) => c.state === "in_progress")
        ? "in_progress"
        : "holds",
  };
}

const count = (value: number) => value.toLocaleString("en-US");

interface CheckSpec extends Omit<IdentityCheck, "holds" | "state"> {
  holds: boolean;
  /** Whether the numbers add up once what still awaits a decision is counted, and nothing contradicts them. */
  addsUpWhenDecided: boolean;
}

function check({ addsUpWhenDecided, ...c }: CheckSpec): IdentityCheck {
  return { ...c, state: c.holds ? "holds" : addsUpWhenDecided ? "in_progress" : "inconsistent" };
}

function identityChecks(v: Record<FlowVariable, number>, counts: FlowCounts): IdentityCheck[] {
  const identified = v.database_results + v.register_results;
  const removed = v.duplicates + v.excluded_automatic + v.excluded_other;
  const columnName = { dbr: "databases and registers", other: "other methods" } as const;
  return [
    check({
      id: "screened_from_identified",
      rule: "records_screened = database_results + register_results − duplicates − excluded_automatic − excluded_other",
      statement: `Records screened (${count(v.records_screened)}) should equal the records identified from databases and registers (${count(identified)}) less those removed before screening (${count(removed)}).`,
      left: v.records_screened,
      right: identified - removed,
      holds: v.records_screened === identified - removed,
      addsUpWhenDecided: false,
      why: "Every record identified is either removed before screening or screened.",
      explanation: "Nothing else can happen to a record identified: these are the records it counts.",
      behind: "identified_dbr",
      behindLabel: "Records identified from databases and registers",
      behindCount: identified,
    }),
    check({
      id: "screened_excluded_or_sought",
      rule: "records_screened = records_excluded + dbr_sought_reports",
      statement: `Records screened (${count(v.records_screened)}) should equal the records excluded (${count(v.records_excluded)}) plus the reports sought for retrieval (${count(v.dbr_sought_reports)}).`,
      left: v.records_screened,
      right: v.records_excluded + v.dbr_sought_reports,
      why: "A record screened ends either excluded at title/abstract or sought in full.",
      holds: v.records_screened === v.records_excluded + v.dbr_sought_reports && counts.recordsInconsistent === 0,
      addsUpWhenDecided:
        counts.recordsInconsistent === 0 &&
        v.records_screened === v.records_excluded + v.dbr_sought_reports + counts.recordsAwaiting,
      ...(counts.recordsInconsistent > 0
        ? {
            explanation:
              "A record screened ends either excluded at title/abstract or sought in full, never both and never neither once decided. These records break that.",
            behind: "records_inconsistent" as const,
            behindLabel: "Records screened that ended both excluded and sought, or included without being sought",
            behindCount: counts.recordsInconsistent,
          }
        : {
            explanation:
              "A record screened ends either excluded at title/abstract or sought in full. These records await a final title/abstract decision.",
            behind: "records_awaiting" as const,
            behindLabel: "Records awaiting a final title/abstract decision",
            behindCount: counts.recordsAwaiting,
          }),
    }),
    ...(["dbr", "other"] as const).map((column) =>
      check({
        id: `${column}_sought_retrieved_or_not`,
        rule: `${column}_sought_reports = ${column}_notretrieved_reports + ${column}_assessed`,
        statement: `Reports sought for retrieval (${columnName[column]}: ${count(v[`${column}_sought_reports`])}) should equal the reports not retrieved (${count(v[`${column}_notretrieved_reports`])}) plus the reports assessed for eligibility (${count(v[`${column}_assessed`])}).`,
        left: v[`${column}_sought_reports`],
        right: v[`${column}_notretrieved_reports`] + v[`${column}_assessed`],
        why: "A report sought is either retrieved, and then assessed for eligibility, or not retrieved.",
        holds: v[`${column}_sought_reports`] === v[`${column}_notretrieved_reports`] + v[`${column}_assessed`],
        addsUpWhenDecided:
          v[`${column}_sought_reports`] ===
          v[`${column}_notretrieved_reports`] + v[`${column}_assessed`] + counts[column].stillSought,
        explanation:
          "A report sought is either retrieved (and then assessed) or marked not retrieved. These reports are still being sought.",
        behind: `retrieval_pending_${column}`,
        behindLabel: `Reports still being sought (${columnName[column]})`,
        behindCount: counts[column].stillSought,
      }),
    ),
    check({
      id: "included_from_assessed",
      rule: "new_reports = (dbr_assessed − Σ dbr_excluded) + (other_assessed − Σ other_excluded)",
      statement: `Reports of included studies (${count(v.new_reports)}) should equal the reports assessed for eligibility (${count(v.dbr_assessed + v.other_assessed)}) less the reports excluded with reasons (${count(v.dbr_excluded + v.other_excluded)}).`,
      left: v.new_reports,
      right: v.dbr_assessed - v.dbr_excluded + (v.other_assessed - v.other_excluded),
      why: "A report assessed for eligibility ends either included or excluded with a reason.",
      holds:
        v.new_reports === v.dbr_assessed - v.dbr_excluded + (v.other_assessed - v.other_excluded) &&
        counts.reportsInconsistent === 0,
      addsUpWhenDecided:
        counts.reportsInconsistent === 0 &&
        v.new_reports + counts.reportsAwaiting ===
          v.dbr_assessed - v.dbr_excluded + (v.other_assessed - v.other_excluded),
      ...(counts.reportsInconsistent > 0
        ? {
            explanation:
              "Only a report retrieved can be assessed, and an assessed report ends included or excluded with a reason. These reports were decided without being retrieved.",
            behind: "reports_inconsistent" as const,
            behindLabel: "Reports with a full-text decision that were never retrieved",
            behindCount: counts.reportsInconsistent,
          }
        : {
            explanation:
              "A report assessed ends either included or excluded with a reason. These reports await a final full-text decision.",
            behind: "reports_awaiting" as const,
            behindLabel: "Reports awaiting a final full-text decision",
            behindCount: counts.reportsAwaiting,
          }),
    }),
    check({
      id: "studies_at_most_reports",
      rule: "new_studies ≤ new_reports",
      statement: `Studies included (${count(v.new_studies)}) should be no more than the reports of included studies (${count(v.new_reports)}).`,
      left: v.new_studies,
      right: v.new_reports,
      holds: v.new_studies <= v.new_reports,
      addsUpWhenDecided: false,
      why: "A study has at least one report.",
      explanation: "A study has at least one report, so there cannot be more studies than reports.",
      behind: "included",
      behindLabel: "Reports of included studies",
      behindCount: v.new_reports,
    }),
    check({
      id: "reports_grouped",
      rule: "included reports without a study = 0",
      statement: `Every report of an included study should belong to a study; ${count(counts.ungroupedReports)} ${counts.ungroupedReports === 1 ? "does" : "do"} not yet.`,
      left: counts.ungroupedReports,
      right: 0,
      holds: counts.ungroupedReports === 0,
      addsUpWhenDecided: true,
      why: "Studies are counted from the included reports grouped into them.",
      explanation: "Until each included report is grouped into its study, the studies are undercounted.",
      behind: "ungrouped_reports",
      behindLabel: "Included reports not grouped into a study",
      behindCount: counts.ungroupedReports,
    }),
  ];
}
