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
  type RecordFilters,
  type RecordSort,
} from "../../records/browse-input";
export { type HistoryEvent, historyLine } from "../../records/history-events";
export { PREFIX_FROM } from "../../records/search-query";
