// The part of records the screens may use: the browser's filter choices and limits, and the history's sentences.
export {
  CHANGED_FILTERS,
  CONFLICT_FILTERS,
  DECISION_FILTERS,
  DUPLICATE_FILTERS,
  FULL_TEXT_FILTERS,
  MAX_PAGE,
  MAX_SELECTION,
  OUTCOME_FILTERS,
  REACHED_FILTERS,
  RECORD_SORTS,
  REMOVED_FILTERS,
  type RecordFilters,
  type RecordSort,
} from "../../records/browse-input";
export { type HistoryEvent, historyLine } from "../../records/history-events";
export {
  MAX_REMOVAL_NOTE,
  REMOVAL_REASON_LABELS,
  REMOVAL_REASONS,
  type RemovalReason,
} from "../../records/removal-reasons";
export { PREFIX_FROM } from "../../records/search-query";
