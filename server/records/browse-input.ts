// What the record browser can be asked: a search, filters and an order, as zod schemas the router validates with
// and the screen builds its controls from. Every choice has a neutral first value ("any"), so a request that
// leaves a filter out asks for nothing it may be refused.
import { z } from "zod";
import { STAGES } from "../shared/stages";

const Id = z.string().min(1).max(64);

/** Where a record stands at the chosen stage; "undecided" is a record the stage screens that is not settled yet. */
export const OUTCOME_FILTERS = ["any", "undecided", "conflict", "included", "excluded"] as const;
/** How far a record went: full-text screening (included at title/abstract), or into the review (included at full text). */
export const REACHED_FILTERS = ["any", "full_text", "included"] as const;
export const FULL_TEXT_FILTERS = ["any", "yes", "no"] as const;
/** unique: not merged and in no pair awaiting a decision; merged: merged into another as its duplicate. */
export const DUPLICATE_FILTERS = ["any", "unique", "merged", "pending"] as const;
export const CONFLICT_FILTERS = ["any", "open", "resolved"] as const;
/** removed: removed before screening by a lead (retracted, outside the date range…; server/records/removal.ts). */
export const REMOVED_FILTERS = ["any", "removed", "not_removed"] as const;
/** A lead's change of a settled record at the stage: reopened for screening, or given a new final verdict. */
export const CHANGED_FILTERS = ["any", "reopened", "overridden"] as const;
/** A reviewer's decision at the stage; "none": they have not decided it. */
export const DECISION_FILTERS = ["any", "include", "exclude", "maybe", "none"] as const;
export const RECORD_SORTS = ["imported", "title", "year", "relevance"] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

export const RecordFilters = z.object({
  /** Words, a "phrase", -excluded words; or a DOI, PMID or NCT id, looked up exactly. */
  query: z.string().max(500).default(""),
  sourceId: Id.optional(),
  importId: Id.optional(),
  duplicates: z.enum(DUPLICATE_FILTERS).default("any"),
  removed: z.enum(REMOVED_FILTERS).default("any"),
  reached: z.enum(REACHED_FILTERS).default("any"),
  fullText: z.enum(FULL_TEXT_FILTERS).default("any"),
  /** Records carrying this team label (labels are on records, never on decisions, so any member may filter). */
  labelId: Id.optional(),
  /** Records whose report is in this study. */
  study: Id.optional(),
  /** The stage the outcome, exclusion reason, conflict and decision filters are about. */
  stage: z.enum(STAGES).default("title_abstract"),
  outcome: z.enum(OUTCOME_FILTERS).default("any"),
  exclusionReasonId: Id.optional(),
  conflict: z.enum(CONFLICT_FILTERS).default("any"),
  changed: z.enum(CHANGED_FILTERS).default("any"),
  decision: z.enum(DECISION_FILTERS).default("any"),
  /** Whose decisions `decision` is about: the caller unless another reviewer is named. */
  decidedBy: Id.optional(),
});
export type RecordFilters = z.infer<typeof RecordFilters>;

export const MAX_PAGE = 200;

export const RecordListInput = RecordFilters.extend({
  sort: z.enum(RECORD_SORTS).default("imported"),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
});
export type RecordListInput = z.infer<typeof RecordListInput>;

/** How many records one bulk action (allocation, export) takes at most. */
export const MAX_SELECTION = 10_000;

/**
 * Records chosen in the browser for an action that takes any number of them (a selection export): every record
 * the filters select but `exceptIds` (ticked off after selecting them all), or the `recordIds` ticked one by one.
 */
export const ChosenRecords = z.object({
  filters: RecordFilters.optional(),
  exceptIds: z.array(Id).max(MAX_SELECTION).optional(),
  recordIds: z.array(Id).max(MAX_SELECTION).optional(),
});
export type ChosenRecords = z.infer<typeof ChosenRecords>;
