// The engine's entry point: which incoming records duplicate an existing record or each other. Existing
// records are never compared with each other: they were compared when they arrived.
import { documentFrequencies, forEachCandidatePair } from "./blocking";
import { demoteInconsistentMerges, type Link } from "./cluster-guard";
import { type PreparedRecord, prepareRecord, Vocabulary } from "./normalise";
import { assessPair } from "./score";
import { compareTitles } from "./title-similarity";
import type { DedupRecord, DuplicateSearch, StudyLink } from "./types";

export { planMerges } from "./plan-merges";

/** Below this title similarity two records of one trial are different documents, not copies of one. */
const SAME_DOCUMENT_TITLE = 0.8;

function sharedNctId(a: PreparedRecord, b: PreparedRecord): string | null {
  for (const id of a.nctIds) if (b.nctIds.includes(id)) return id;
  return null;
}

/** A registry entry, the trial's article and its conference abstract share an NCT id but are not duplicates. */
function differentDocuments(a: PreparedRecord, b: PreparedRecord): boolean {
  if (a.type && b.type && a.type !== b.type) return true;
  const titles = compareTitles(a, b);
  return !titles || titles.similarity < SAME_DOCUMENT_TITLE || a.title.kind !== b.title.kind;
}

/**
 * Pairs are reported with `aId` the earlier record (existing before incoming, then input order). Pairs below
 * the review threshold are not reported at all.
 */
export function findDuplicates(existing: readonly DedupRecord[], incoming: readonly DedupRecord[]): DuplicateSearch {
  const vocabulary = new Vocabulary();
  const records: PreparedRecord[] = [];
  for (const r of existing) records.push(prepareRecord(r, records.length, false, vocabulary));
  for (const r of incoming) records.push(prepareRecord(r, records.length, true, vocabulary));
  const df = documentFrequencies(records, vocabulary.size);

  const links: Link[] = [];
  const studyLinks: StudyLink[] = [];
  forEachCandidatePair(records, df, (i, j) => {
    const a = records[i]!;
    const b = records[j]!;
    const nctId = sharedNctId(a, b);
    if (nctId && differentDocuments(a, b)) {
      studyLinks.push({ aId: a.id, bId: b.id, nctId });
      return;
    }
    const assessment = assessPair(a, b);
    if (assessment) links.push({ i, j, pair: { aId: a.id, bId: b.id, ...assessment } });
  });
  demoteInconsistentMerges(links, records);
  return { pairs: links.map((l) => l.pair), studyLinks };
}
