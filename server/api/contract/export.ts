// The part of export the screens may use: the kinds of export, their formats and filters, and who may ask for each.
export {
  EXPORT_PAGE_KINDS,
  type ExportFormat,
  type ExportKind,
  type ExportPageKind,
  KIND_RULES,
  type RecordFilter,
  SELECTION_FORMATS,
  type SelectionFormat,
} from "../../export/export-kinds";
