// The part of import the screens may use: the kinds of source and the file formats an upload can name, the search
// log's fields, and the shapes of the duplicate-file question and of a withdrawal's impact.
export type { DuplicateCheck } from "../../import/overlap";
export { OVERLAP_THRESHOLD } from "../../import/overlap";
export { SearchLogFields } from "../../import/search-log-fields";
export { SOURCE_KIND_LABELS, SOURCE_KINDS, SUGGESTED_PLATFORMS, usualPlatform } from "../../import/sources";
export { FORMAT_LABELS, FORMATS, type Format } from "../../import/types";
export type { AffectedStudy, WithdrawalImpact } from "../../import/withdrawal-impact";
