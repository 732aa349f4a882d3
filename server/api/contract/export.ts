// The part of export the screens may use: the kinds of export, their formats and filters, and who may ask for each.
export {
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  KIND_RULES,
  type RecordFilter,
} from "../../export/export-kinds";
