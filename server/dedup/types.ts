// The shapes the de-duplication engine reads and returns. Plain data: the caller loads records from wherever
// they live and decides what to do with the pairs.

export interface DedupRecord {
  id: string;
  title: string;
  /** One entry per author, as the source wrote it: "Surname, Given", "Given Surname" or "Surname GI". */
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  /** Normalised already: lower case, no resolver prefix. */
  doi: string | null;
  pmid: string | null;
  nctIds: string[];
  type: string | null;
  /** Only weighs in when choosing which record of a cluster to keep; matching ignores it. */
  abstract?: string | null;
}

export type PairDecision = "merge" | "review";

export interface CandidatePair {
  aId: string;
  bId: string;
  /** Estimated probability that both records describe the same document, 0..1. */
  score: number;
  decision: PairDecision;
  /** Per field: the two values as compared and how they agreed, for a side-by-side view. */
  evidence: Record<string, unknown>;
}

/**
 * Two different documents of one registered study (registry entry, journal article, conference abstract):
 * never merged, but worth grouping into a study later.
 */
export interface StudyLink {
  aId: string;
  bId: string;
  nctId: string;
}

export interface DuplicateSearch {
  pairs: CandidatePair[];
  studyLinks: StudyLink[];
}

export interface Removal {
  removedId: string;
  keptId: string;
  /** Score of the pair that tied the removed record to its cluster. */
  pairScore: number;
}

/** The record fields de-duplication compares: what it loads, and what the pair view shows beside more. */
export const DEDUP_FIELDS = {
  id: true,
  title: true,
  authors: true,
  year: true,
  journal: true,
  volume: true,
  issue: true,
  pages: true,
  doi: true,
  pmid: true,
  nctIds: true,
  type: true,
  abstract: true,
} as const;
