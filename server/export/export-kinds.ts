import type { Role } from "../shared/roles";
// What can be exported, in which formats, and who may ask for it. Decision logs, conflicts, agreement and
// bundles show every reviewer's own decisions, so they are for leads and owners; records are for every member,
// with outcomes a blinded stage still hides left out (see record-source.ts).

export const EXPORT_KINDS = ["records", "decision_log", "conflicts", "agreement", "bundle"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ["csv", "xlsx", "ris", "bundle"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
};

export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  xlsx: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  ris: { extension: "ris", contentType: "application/x-research-info-systems" },
  bundle: { extension: "sift.gz", contentType: "application/gzip" },
};
