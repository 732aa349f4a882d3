// The browser's search, filters, order and page as the address's query, so a link, a reload and the way back
// from a record all show the same list. Pure; values that are not known choices are dropped, never trusted.
import {
  CHANGED_FILTERS,
  CONFLICT_FILTERS,
  DECISION_FILTERS,
  DUPLICATE_FILTERS,
  FULL_TEXT_FILTERS,
  OUTCOME_FILTERS,
  REACHED_FILTERS,
  RECORD_SORTS,
  REMOVED_FILTERS,
  type RecordFilters,
  type RecordSort,
} from "@/server/api/contract/records";
import { STAGES } from "@/server/shared/stages";

export const PAGE_SIZE = 50;

export interface BrowseState extends RecordFilters {
  sort: RecordSort;
  descending: boolean;
  page: number;
}

export const DEFAULT_STATE: BrowseState = {
  query: "",
  duplicates: "any",
  removed: "any",
  reached: "any",
  fullText: "any",
  stage: "title_abstract",
  outcome: "any",
  conflict: "any",
  changed: "any",
  decision: "any",
  sort: "imported",
  descending: false,
  page: 1,
};

/** Query parameter names, short enough to read in an address. */
const KEYS = {
  query: "q",
  sourceId: "source",
  importId: "import",
  labelId: "label",
  duplicates: "duplicates",
  removed: "removed",
  reached: "reached",
  fullText: "fulltext",
  study: "study",
  stage: "stage",
  outcome: "outcome",
  exclusionReasonId: "reason",
  conflict: "conflict",
  changed: "changed",
  decision: "decision",
  decidedBy: "by",
  sort: "sort",
  descending: "desc",
  page: "page",
} as const satisfies Record<keyof BrowseState, string>;

const CHOICES = {
  duplicates: DUPLICATE_FILTERS,
  removed: REMOVED_FILTERS,
  reached: REACHED_FILTERS,
  fullText: FULL_TEXT_FILTERS,
  stage: STAGES,
  outcome: OUTCOME_FILTERS,
  conflict: CONFLICT_FILTERS,
  changed: CHANGED_FILTERS,
  decision: DECISION_FILTERS,
  sort: RECORD_SORTS,
} as const;

const ID = /^[\w-]{1,64}$/;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function get(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

export function stateFromParams(params: Params): BrowseState {
  const state: BrowseState = { ...DEFAULT_STATE };
  state.query = (get(params, KEYS.query) ?? "").slice(0, 500);
  for (const key of ["sourceId", "importId", "labelId", "study", "exclusionReasonId", "decidedBy"] as const) {
    const value = get(params, KEYS[key]);
    if (value && ID.test(value)) state[key] = value;
  }
  for (const [key, choices] of Object.entries(CHOICES) as [keyof typeof CHOICES, readonly string[]][]) {
    const value = get(params, KEYS[key]);
    if (value && choices.includes(value)) (state as unknown as Record<string, string>)[key] = value;
  }
  state.descending = get(params, KEYS.descending) === "1";
  const page = Number(get(params, KEYS.page));
  state.page = Number.isInteger(page) && page >= 1 && page <= 20_000 ? page : 1;
  return state;
}

/** Only what differs from the defaults, in a fixed order. */
export function paramsFromState(state: BrowseState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(KEYS) as [keyof BrowseState, string][]) {
    const value = state[key];
    if (value === undefined || value === DEFAULT_STATE[key] || value === "") continue;
    params.set(name, typeof value === "boolean" ? "1" : String(value));
  }
  return params;
}

/** The filters set besides the search, for "Filters (3)". */
export function activeFilters(state: BrowseState): number {
  const keys: (keyof RecordFilters)[] = [
    "sourceId",
    "importId",
    "labelId",
    "duplicates",
    "removed",
    "reached",
    "fullText",
    "study",
    "outcome",
    "exclusionReasonId",
    "conflict",
    "changed",
    "decision",
    "decidedBy",
  ];
  return keys.filter((key) => state[key] !== undefined && state[key] !== DEFAULT_STATE[key]).length;
}

/** The filters for a procedure: whose decisions counts only once a decision is chosen. */
export function filtersInput(reviewId: string, state: BrowseState): RecordFilters & { reviewId: string } {
  const { page: _page, sort: _sort, descending: _descending, ...filters } = state;
  return { reviewId, ...filters, decidedBy: filters.decision === "any" ? undefined : filters.decidedBy };
}

/** The list procedure's input for this state. */
export function listInput(reviewId: string, state: BrowseState) {
  const { sort, descending, page } = state;
  return { ...filtersInput(reviewId, state), sort, descending, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
}
