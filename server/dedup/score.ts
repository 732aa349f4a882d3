// How likely two records are the same document: the weights of evidence of every field (field-evidence.ts)
// are summed onto a prior, the logistic function turns the sum into a probability, and two thresholds turn
// that into decisions.
import {
  AUTHORS_AND_JOURNAL_MAX,
  authorEvidence,
  identifierEvidence,
  journalEvidence,
  kindEvidence,
  numberEvidence,
  numberingEvidence,
  titleEvidence,
  yearEvidence,
  type Evidence,
} from "./field-evidence";
import type { PreparedRecord } from "./normalise";
import { compareTitles } from "./title-similarity";
import type { PairDecision } from "./types";

/** At or above: the pair is merged without asking. */
export const MERGE_THRESHOLD = 0.98;
/** At or above (and below MERGE_THRESHOLD): shown to a reviewer. */
export const REVIEW_THRESHOLD = 0.5;

/** Log-odds of "same document" before any field is looked at, for a pair that shares a blocking key. */
const PRIOR = -4;
const REVIEW_LOGIT = Math.log(REVIEW_THRESHOLD / (1 - REVIEW_THRESHOLD));

export interface PairAssessment {
  score: number;
  decision: PairDecision;
  evidence: Evidence;
}

function samePlace(a: PreparedRecord, b: PreparedRecord): boolean {
  return !!(a.volume && a.volume === b.volume && a.pages && b.pages && a.pages.startDigits === b.pages.startDigits);
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

function total(evidence: Evidence): number {
  let logit = PRIOR;
  for (const key in evidence) logit += evidence[key]!.weight;
  return logit;
}

/** null when the pair is not even worth a review. */
export function assessPair(a: PreparedRecord, b: PreparedRecord): PairAssessment | null {
  const titles = compareTitles(a, b);
  const identified = (!!a.doi && a.doi === b.doi) || (!!a.pmid && a.pmid === b.pmid);
  // The common case, decided before anything is allocated: titles less than half alike, nothing else
  // pointing to one document. (Even full agreement of every other field could not lift such a pair to review.)
  if (titles && titles.similarity < 0.5 && !identified && !a.title.translated && !b.title.translated && !samePlace(a, b)) return null;
  const evidence: Evidence = {};
  identifierEvidence(a, b, evidence);
  titleEvidence(a, b, titles, evidence);
  numberEvidence(a, b, evidence);
  kindEvidence(a, b, evidence);
  yearEvidence(a, b, evidence);
  numberingEvidence(a, b, evidence);
  // Most candidate pairs share a common word or a surname and little else: when even full agreement of
  // authors and journal could not lift them to review, stop before comparing those (the costly fields).
  if (total(evidence) + AUTHORS_AND_JOURNAL_MAX < REVIEW_LOGIT) return null;
  authorEvidence(a, b, evidence);
  journalEvidence(a, b, evidence);

  const score = logistic(total(evidence));
  if (score < REVIEW_THRESHOLD) return null;
  // Without a title on both sides only a shared identifier makes a merge sure; notices are never merged.
  const sure = score >= MERGE_THRESHOLD && (titles !== null || identified) && !evidence.kind;
  return { score: Math.round(score * 1000) / 1000, decision: sure ? "merge" : "review", evidence };
}
