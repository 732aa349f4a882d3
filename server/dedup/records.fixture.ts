// Record builders for the engine's tests: a plausible journal article, changed field by field.
import { type PreparedRecord, prepareRecord, Vocabulary } from "./normalise";
import type { DedupRecord } from "./types";

let counter = 0;

export function article(fields: Partial<DedupRecord> = {}): DedupRecord {
  counter++;
  return {
    id: `r${counter}`,
    title: "Eculizumab for congenital atypical hemolytic-uremic syndrome",
    authors: ["Gruppo, R. A.", "Rother, R. P."],
    year: 2009,
    journal: "New England Journal of Medicine",
    volume: "360",
    issue: "5",
    pages: "544-546",
    doi: null,
    pmid: null,
    nctIds: [],
    type: "article",
    ...fields,
  };
}

/** Both records prepared in one vocabulary, as findDuplicates would. */
export function prepared(...records: DedupRecord[]): PreparedRecord[] {
  const vocabulary = new Vocabulary();
  return records.map((r, i) => prepareRecord(r, i, true, vocabulary));
}
