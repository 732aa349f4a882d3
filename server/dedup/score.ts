// How likely two records are the same document: the weights of evidence of every field (field-evidence.ts)
// are summed onto a prior, the logistic function turns the sum into a probability, and two thresholds turn
// that into decisions.
import {
  AUTHORS_AND_JOURNAL_MAX,
  authorEvidence,
  BYLINE_MAX,
  bylineCouldCount,
  bylineEvidence,
  cochraneEvidence,
  correctionNotedByArticle,
  doiEvidence,
  doiNamesContainer,
  type Evidence,
  type FieldEvidence,
  issueEvidence,
  journalEvidence,
  kindEvidence,
  noticeOfArticle,
  numberEvidence,
  pagesDisagree,
  pagesEvidence,
  pmidEvidence,
  printedElsewhere,
  realign,
  sameCochraneReview,
  titleEvidence,
  translationEvidence,
  volumeEvidence,
  wholeBylineCouldCount,
  yearEvidence,
} from "./field-evidence";
import type { PreparedRecord } from "./normalise";
import { compareTitles, subtitleDropped } from "./title-similarity";
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

const weight = (e: FieldEvidence | null) => (e ? e.weight : 0);
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

function samePlace(a: PreparedRecord, b: PreparedRecord): boolean {
  return !!(a.volume && a.volume === b.volume && a.pages && b.pages && a.pages.startDigits === b.pages.startDigits);
}

/**
 * Two issues of one volume and no page on either record: a column printed in every issue under one title and
 * byline ("Editor's comments") looks like a duplicate in every other field. A copy that got its issue wrong
 * (or carries its article number there) is told from it by its pages, so without any a person decides.
 */
function inOtherIssues(
  a: PreparedRecord,
  b: PreparedRecord,
  volume: FieldEvidence | null,
  issue: FieldEvidence | null,
) {
  return volume?.agreement === "same" && issue?.agreement === "differ" && !a.pages && !b.pages;
}

/** null when the pair is not even worth a review. */
export function assessPair(a: PreparedRecord, b: PreparedRecord): PairAssessment | null {
  const titles = compareTitles(a, b);
  const versions = sameCochraneReview(a, b);
  const container = doiNamesContainer(a, b, titles);
  const identified = (!!a.doi && a.doi === b.doi && !container) || (!!a.pmid && a.pmid === b.pmid) || versions;
  // The common case, decided first: titles less than half alike and nothing else pointing to one document.
  // (Even full agreement of every other field could not lift such a pair to review.)
  if (
    titles &&
    titles.similarity < 0.5 &&
    !identified &&
    !a.title.translated &&
    !b.title.translated &&
    !samePlace(a, b) &&
    !subtitleDropped(a, b, titles)
  )
    return null;

  const na = realign(a, b);
  const nb = realign(b, a);
  const sameKind = a.title.kind === b.title.kind;
  const noticeTied = sameKind ? correctionNotedByArticle(a, b, titles) : noticeOfArticle(a, b, titles);
  // An abstract presented twice, or a review's versions, appear in other issues (and years) by nature.
  const encore = (a.meetingAbstract && b.meetingAbstract) || versions;
  const place = encore ? printedElsewhere : (e: FieldEvidence | null) => e;
  const volume = volumeEvidence(na, nb);
  const issue = issueEvidence(na, nb);
  // One supplement (one volume, no other issue) prints each abstract once: there, other pages are another abstract.
  const oneSupplement = !versions && volume?.agreement === "same" && issue?.agreement !== "differ";
  const pagePlace = oneSupplement ? (e: FieldEvidence | null) => e : place;
  const cheap = {
    // A notice has a DOI of its own, so two DOIs do not tell it from the article it is tied to.
    doi: noticeTied && !sameKind ? printedElsewhere(doiEvidence(a, b, container)) : doiEvidence(a, b, container),
    pmid: pmidEvidence(a, b),
    cochraneReview: cochraneEvidence(a, b),
    title: titleEvidence(a, b, titles),
    titleNumbers: numberEvidence(a, b),
    kind: kindEvidence(a, b, noticeTied),
    year: versions ? printedElsewhere(yearEvidence(a, b)) : yearEvidence(a, b),
    volume: place(volume),
    // A notice sits in another issue and on other pages than the article it concerns.
    issue: sameKind && !noticeTied ? place(issue) : null,
    pages: sameKind && !noticeTied ? pagePlace(pagesEvidence(na, nb)) : null,
  };
  const translation = translationEvidence(a, b, cheap.title);
  let logit = PRIOR + weight(translation);
  for (const key in cheap) logit += weight(cheap[key as keyof typeof cheap]);
  const bylineCounts = bylineCouldCount(a, b, cheap.title, [cheap.volume, cheap.issue, cheap.pages]);
  // When even full agreement of authors and journal could not lift the pair to review, skip comparing them.
  if (logit + AUTHORS_AND_JOURNAL_MAX + (bylineCounts ? BYLINE_MAX : 0) < REVIEW_LOGIT) return null;
  const numbering = [cheap.volume, cheap.issue, cheap.pages];
  const authors = authorEvidence(
    a,
    b,
    wholeBylineCouldCount(a, b, cheap.title, cheap.titleNumbers, numbering),
    pagesDisagree(cheap.pages),
  );
  const journal = place(journalEvidence(a, b));
  const byline = bylineCounts ? bylineEvidence(a, b, journal) : null;
  logit += authors.weight + weight(journal) + weight(byline);

  const score = logistic(logit);
  if (score < REVIEW_THRESHOLD) return null;
  const evidence: Evidence = {};
  for (const [field, outcome] of Object.entries({ ...cheap, translation, authors, journal, byline }))
    if (outcome) evidence[field] = outcome;
  // Without a title on both sides only a shared identifier makes a merge sure; a notice merges only with the
  // article it is tied to.
  const sure =
    score >= MERGE_THRESHOLD &&
    (titles !== null || identified) &&
    (sameKind || noticeTied) &&
    (identified || !inOtherIssues(a, b, cheap.volume, cheap.issue));
  return { score: Math.round(score * 1000) / 1000, decision: sure ? "merge" : "review", evidence };
}
