// Tables whose rows are made from other rows and can always be made again. Bundles leave them out (a restore
// writes them afresh) and a withdrawal does not archive them (they go with the rows they were made from), so
// neither needs to know their shape.
export const DERIVED_TABLES: Record<string, string> = {
  record_search: "the records' words for search, made from the records by search indexing (server/record-search)",
};
