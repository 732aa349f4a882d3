// Tables whose rows are made from other rows and can always be made again. Bundles leave them out (a restore
// writes them afresh) and a withdrawal does not archive them (they go with the rows they were made from), so
// neither needs to know their shape.
export const DERIVED_TABLES: Record<string, string> = {
  record_search: "the records' words for search, made from the records by search indexing (server/record-search)",
  screening_record_counts:
    "what each record counts for in screening progress, kept by the database's triggers as the records' rows are written",
  screening_count_deltas: "changes to the screening counts, written by the same triggers",
  screening_counts: "the screening counts up to the last fold of those changes",
  prisma_flow_counts: "the PRISMA diagram's counts as last computed, counted again after any change",
};
