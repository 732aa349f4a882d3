import type { ExportFormat, ExportPageKind, RecordFilter } from "@/server/api/contract/export";

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: "CSV (spreadsheets, R, Python)",
  xlsx: "Excel workbook (.xlsx)",
  ris: "RIS (Zotero, EndNote, Mendeley)",
  bundle: "Sift bundle (.sift.gz)",
};

export const SHORT_FORMAT: Record<ExportFormat, string> = { csv: "CSV", xlsx: "Excel", ris: "RIS", bundle: "Bundle" };

export const KIND_HINTS: Record<ExportPageKind, string> = {
  records:
    "Every record of a stage with its bibliographic fields, final decision, exclusion reason and who settled it.",
  decision_log: "Every decision, change, withdrawal and conflict resolution, with the person and the time.",
  conflicts: "Each disagreement with every reviewer's decision and the lead's resolution.",
  agreement: "Cohen's kappa for each pair of reviewers per stage, and Fleiss' kappa where three or more screen.",
  bundle: "The whole review in one file, to keep as a backup or restore on another Sift with sift restore.",
};

export const FILTER_LABELS: Record<RecordFilter, string> = { all: "all", included: "included", excluded: "excluded" };
