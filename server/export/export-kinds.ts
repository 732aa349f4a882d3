import type { Role } from "../shared/roles";
// What can be exported, in which formats, and who may ask for it. Decision logs, conflicts, agreement and
// bundles show every reviewer's own decisions, so they are for leads and owners; records and a selection are for
// every member, with outcomes a blinded stage still hides left out (see record-source.ts).

export const EXPORT_KINDS = ["records", "decision_log", "conflicts", "agreement", "bundle", "selection"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** The kinds the Export page asks for; a selection is asked for from the record browser, where it is chosen. */
export const EXPORT_PAGE_KINDS = ["records", "decision_log", "conflicts", "agreement", "bundle"] as const;
export type ExportPageKind = (typeof EXPORT_PAGE_KINDS)[number];

export const EXPORT_FORMATS = ["csv", "xlsx", "ris", "bundle"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const SELECTION_FORMATS = ["csv", "ris"] as const;
export type SelectionFormat = (typeof SELECTION_FORMATS)[number];

export const RECORD_FILTERS = ["all", "included", "excluded"] as const;
export type RecordFilter = (typeof RECORD_FILTERS)[number];

export const KIND_RULES: Record<
  ExportKind,
  { label: string; formats: readonly ExportFormat[]; minRole: Role; staged: boolean }
> = {
  records: {
    label: "Records with their final decisions",
    formats: ["csv", "xlsx", "ris"],
    minRole: "observer",
    staged: true,
  },
  decision_log: { label: "Decision log", formats: ["csv", "xlsx"], minRole: "lead", staged: false },
  conflicts: { label: "Conflicts and resolutions", formats: ["csv", "xlsx"], minRole: "lead", staged: false },
  agreement: { label: "Agreement report", formats: ["csv", "xlsx"], minRole: "lead", staged: false },
  bundle: { label: "Whole-review bundle", formats: ["bundle"], minRole: "lead", staged: false },
  selection: {
    label: "Selected records",
    formats: SELECTION_FORMATS,
    minRole: "observer",
    staged: true,
  },
};

export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  xlsx: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  ris: { extension: "ris", contentType: "application/x-research-info-systems" },
  bundle: { extension: "sift.gz", contentType: "application/gzip" },
};
