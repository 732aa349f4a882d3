// The weight of evidence each field contributes to "same document": a log-odds term, positive when
// agreement is more common among duplicates than among look-alikes, negative when disagreement is. Each
// function returns its field's outcome, or null when a value is missing (a record that lacks pages is
// evidence neither way). The weights are set by bibliographic reasoning, not fitted to the labelled sets,
// which only served to check them (bench/dedup.ts --explain). Outcomes without a measured similarity are
// shared frozen objects, so the millions of comparisons of a large import allocate little.
import { type AuthorName, compareAuthors, sharedByline } from "./authors";
import { compareJournals } from "./journal";
import type { PageRange, PreparedRecord } from "./normalise";
import { subtitleDropped, type TitleAgreement } from "./title-similarity";

export type Agreement = "same" | "close" | "partial" | "differ" | "missing";

export interface FieldEvidence {
  readonly agreement: Agreement;
  readonly weight: number;
  /** 0..1 where the field is compared by similarity. */
  readonly similarity?: number;
}

export type Evidence = Record<string, FieldEvidence>;
type Outcome = FieldEvidence | null;

const outcome = (agreement: Agreement, weight: number): FieldEvidence => Object.freeze({ agreement, weight });

const IDENTIFIER_SAME = outcome("same", 10);
// Two different DOIs (or PMIDs) are two different registrations, however alike the rest looks.
const IDENTIFIER_DIFFER = outcome("differ", -10);
const SAME_REVIEW = outcome("same", 10);
const CONTAINER_DOI = outcome("partial", 0);
const TITLE_MISSING = outcome("missing", 0);
const NUMBERS_DIFFER = outcome("differ", -6);
const KIND_DIFFER = outcome("differ", -4.5);
const NOTICE_OF_ARTICLE = outcome("partial", 0);
const AUTHORS_MISSING_ONE_SIDE = outcome("missing", -0.5);
const AUTHORS_MISSING = outcome("missing", 0);
const YEAR_SAME = outcome("same", 1);
// Online-first and print years often differ by one; more than that is another paper or an update.
const YEAR_CLOSE = outcome("close", -0.5);
const YEAR_DIFFER = outcome("differ", -4);
const JOURNAL_SAME = outcome("same", 1);
const JOURNAL_PARTIAL = outcome("partial", 0.3);
const JOURNAL_DIFFER = outcome("differ", -1);
const VOLUME_SAME = outcome("same", 1.5);
const VOLUME_DIFFER = outcome("differ", -2.5);
const ISSUE_SAME = outcome("same", 0.5);
const ISSUE_DIFFER = outcome("differ", -1);
const PAGES_SAME = outcome("same", 2.5);
// Page 1 is where every article of an online-only journal starts.
const PAGES_SAME_FIRST = outcome("same", 1);
const PAGES_CLOSE = outcome("close", 0.5);
const PAGES_DIFFER = outcome("differ", -3);
// A single page earlier in the same volume is where a journal prints the meeting abstract that preceded the
// full paper (a single page after it is a correction or a letter about it: another document). Still a
// disagreement: only full agreement of title and authors carries such a pair to a merge.
const PAGES_ABSTRACT_BEFORE = outcome("differ", -1.5);
// The same abstract presented at two meetings is printed in two supplements.
const PRINTED_ELSEWHERE = outcome("differ", 0);

const AUTHORS_SAME = 2.5;
// Every name of one byline on the other and none left over (two or more names, whatever their order), under
// titles at least 90 % alike and where volume, issue and pages do not disagree: a record that carries little
// else (a proceedings paper without venue or pages, the same paper indexed elsewhere) is then told from a
// look-alike by its authors. A team's companion papers and abstracts share a byline too, but not a title;
// where the numbering disagrees (an article and its correction) the byline proves nothing more.
const WHOLE_BYLINE = 1;
/** Longest byline compareAuthors reads in full, so that "every name" can be told. */
const WHOLE_BYLINE_NAMES = 15;
/** Fewest names a byline must hold for its order to prove more than "the same authors". */
const BYLINE_NAMES = 4;
// Four or more names in the same order are far rarer among look-alikes than an author overlap, which is
// all AUTHORS_SAME asks for: with the journal agreeing and nothing in the numbering disagreeing, such a
// pair is one paper whose title was reworded between its online-first and its printed version.
const BYLINE_SAME = outcome("same", 3);

/** The most authors and journal can add: what a pair can still gain once the cheap fields are counted. */
export const AUTHORS_AND_JOURNAL_MAX = AUTHORS_SAME + WHOLE_BYLINE + JOURNAL_SAME.weight;

const round = (x: number) => Math.round(x * 1000) / 1000;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A DOI is meant to name one document, but some publishers register one for a whole meeting supplement and
 * databases copy it onto every abstract printed there. One DOI on two records names what contains them, and
 * proves nothing about them, under titles less than half alike on two pages, or anywhere in a supplement
 * (several abstracts share a page there); and on two pages under two teams' bylines (see reordered). A copy
 * whose page was mistyped keeps its title and byline; one whose title is in another language, its pages.
 */
export function doiNamesContainer(a: PreparedRecord, b: PreparedRecord, titles: TitleAgreement | null): boolean {
  if (!a.doi || a.doi !== b.doi) return false;
  const otherPages = !!a.pages && !!b.pages && a.pages.startDigits !== b.pages.startDigits;
  const unlike = !!titles && titles.similarity < 0.5;
  return (
    (unlike && (otherPages || (a.meetingAbstract && b.meetingAbstract))) ||
    (otherPages && reordered(a.authors, b.authors))
  );
}

export function doiEvidence(a: PreparedRecord, b: PreparedRecord, container: boolean): Outcome {
  if (!a.doi || !b.doi) return null;
  if (a.doi === b.doi) return container ? CONTAINER_DOI : IDENTIFIER_SAME;
  // Versions of one Cochrane review differ in their DOIs by design: cochraneEvidence weighs them.
  return sameCochraneReview(a, b) ? null : IDENTIFIER_DIFFER;
}

export function sameCochraneReview(a: PreparedRecord, b: PreparedRecord): boolean {
  return !!a.cochrane && a.cochrane.review === b.cochrane?.review;
}

/**
 * Two versions of one Cochrane review (one review number, "CD001234", "….CD001234.pub2", "….pub3") are one
 * review to screen: Cochrane publishes an update or an important amendment as a new citation version, with
 * its own DOI and MEDLINE record, under the same number, and it supersedes the earlier ones (Cochrane Handbook
 * 5.1, §3.2.3). They differ in DOI, year and issue, often in authors and sometimes in title; the number
 * outweighs all of it, like a shared identifier. Two review numbers are two reviews. Where both records carry
 * a DOI, doiEvidence has counted what the DOIs say already.
 */
export function cochraneEvidence(a: PreparedRecord, b: PreparedRecord): Outcome {
  if (!a.cochrane || !b.cochrane || (a.doi && a.doi === b.doi)) return null;
  if (a.cochrane.review === b.cochrane.review) return SAME_REVIEW;
  return a.doi && b.doi ? null : IDENTIFIER_DIFFER;
}

export function pmidEvidence(a: PreparedRecord, b: PreparedRecord): Outcome {
  if (!a.pmid || !b.pmid) return null;
  return a.pmid === b.pmid ? IDENTIFIER_SAME : IDENTIFIER_DIFFER;
}

/** Short titles ("Eculizumab", "Stroke rehabilitation") are shared by unrelated papers, so they prove less. */
function titleInformation(words: number): number {
  if (words >= 5) return 1;
  if (words >= 3) return 0.8;
  return words === 2 ? 0.6 : 0.4;
}

export function titleEvidence(a: PreparedRecord, b: PreparedRecord, titles: TitleAgreement | null): FieldEvidence {
  if (!titles) return TITLE_MISSING;
  const { similarity, containment, shorterWords } = titles;
  const info = titleInformation(shorterWords);
  let weight: number;
  let agreement: Agreement;
  if (similarity >= 0.99) [weight, agreement] = [5 * info, "same"];
  else if (similarity >= 0.95) [weight, agreement] = [4.5 * info, "close"];
  else if (similarity >= 0.9) [weight, agreement] = [3.5 * info, "close"];
  else if (similarity >= 0.85) [weight, agreement] = [2, "partial"];
  // One title is the other plus a subtitle or a prefix ("MEDICAL PROGRESS: ...").
  else if (containment >= 0.9 && shorterWords >= 4) [weight, agreement] = [2, "partial"];
  // A short main title printed without its subtitle: proves as much as its words can.
  else if (subtitleDropped(a, b, titles)) [weight, agreement] = [2 * info, "partial"];
  else if (similarity >= 0.75) [weight, agreement] = [0.5, "partial"];
  // A translated title need not resemble the original: the other fields decide.
  else if (a.title.translated || b.title.translated || samePageRange(a, b)) [weight, agreement] = [0, "differ"];
  else [weight, agreement] = [similarity >= 0.5 ? -3 : -6, "differ"];
  return { agreement, weight, similarity: round(similarity) };
}

/**
 * The same volume, year and page range, first and last page: two articles do not fill the same pages, so
 * titles that do not resemble each other there are one title in two languages (a German journal's article
 * indexed under its English title elsewhere), not two papers. Meeting abstracts are left out: databases give
 * each abstract of a supplement the supplement's whole page range. So are two issues: a journal that starts
 * each issue on page 1 prints two papers on the same pages of one volume.
 */
function samePageRange(a: PreparedRecord, b: PreparedRecord): boolean {
  const pa = a.pages;
  const pb = b.pages;
  return (
    !!pa?.end &&
    !!pb &&
    pa.startDigits === pb.startDigits &&
    pa.end === pb.end &&
    !!a.volume &&
    a.volume === b.volume &&
    a.year !== null &&
    a.year === b.year &&
    !(a.issue && b.issue && a.issue !== b.issue) &&
    !a.meetingAbstract &&
    !b.meetingAbstract
  );
}

const TRANSLATION_AT_SAME_PLACE = outcome("same", 2);

/**
 * A translated title (titleEvidence weighs it 0) printed in the same year, volume and first page as the
 * other record's title is its original: two articles do not start on one page of one volume. The journal is
 * left out on purpose, since it too is often named in the other language ("Zhonghua Yi Xue Za Zhi" /
 * "National Medical Journal of China"); the authors still have to agree for a merge.
 */
export function translationEvidence(a: PreparedRecord, b: PreparedRecord, title: FieldEvidence): Outcome {
  if (!(a.title.translated || b.title.translated) || title.weight > 0) return null;
  if (a.year === null || a.year !== b.year || !a.volume || a.volume !== b.volume) return null;
  return a.pages && b.pages && a.pages.startDigits === b.pages.startDigits ? TRANSLATION_AT_SAME_PLACE : null;
}

/** Titles that differ in a number ("Part 1" / "Part 2", "phase II" / "phase III") name different papers. */
export function numberEvidence(a: PreparedRecord, b: PreparedRecord): Outcome {
  const na = a.title.numbers;
  const nb = b.title.numbers;
  const pa = a.title.partNumbers;
  const pb = b.title.partNumbers;
  const partsDiffer = (pa.length > 0 || pb.length > 0) && !sameList(pa, pb);
  return (na.length && nb.length && !sameList(na, nb)) || partsDiffer ? NUMBERS_DIFFER : null;
}

/** Below this title similarity a notice is not taken to name the article beside it. */
const NOTICE_TITLE = 0.95;

/**
 * A correction, reply or comment printed under the article's own title in the same journal volume (and,
 * where a correction cites its article, citing this one's volume and first page) belongs to that article:
 * screening it apart would count one study twice, so it merges like a copy. A retraction never does: it
 * must stay in sight.
 */
export function noticeOfArticle(a: PreparedRecord, b: PreparedRecord, titles: TitleAgreement | null): boolean {
  const [notice, article] = a.title.kind === "article" ? [b, a] : [a, b];
  if (article.title.kind !== "article" || notice.title.kind === "article" || notice.title.kind === "retraction")
    return false;
  if (!titles || titles.similarity < NOTICE_TITLE) return false;
  if (!article.volume || article.volume !== notice.volume) return false;
  if (article.year === null || notice.year === null || Math.abs(article.year - notice.year) > 1) return false;
  if (!compareJournals(article.journal, notice.journal)) return false;
  // A correction is printed after the article it corrects: in a later issue, or on the page right after it;
  // a reply may share its issue.
  if (notice.title.kind === "erratum" && !printedAfter(notice, article)) return false;
  const cites = notice.title.cites;
  return !cites || (cites.volume === article.volume && (!article.pages || cites.page === article.pages.startDigits));
}

function printedAfter(notice: PreparedRecord, article: PreparedRecord): boolean {
  if (!article.issue || !notice.issue) return false;
  if (Number(notice.issue) > Number(article.issue)) return true;
  return (
    notice.issue === article.issue &&
    !!article.pages?.end &&
    !!notice.pages &&
    Number(notice.pages.startDigits) === Number(article.pages.end) + 1
  );
}

/**
 * MEDLINE notes under an article where its corrections appeared; a record of the same title at that volume
 * and first page is such a correction, printed without a label.
 */
export function correctionNotedByArticle(a: PreparedRecord, b: PreparedRecord, titles: TitleAgreement | null): boolean {
  if (!titles || titles.similarity < NOTICE_TITLE) return false;
  return notes(a, b) || notes(b, a);
}

function notes(article: PreparedRecord, correction: PreparedRecord): boolean {
  const at = article.title.erratumAt;
  if (!at.length || !correction.volume || !correction.pages) return false;
  return at.some((place) => place.volume === correction.volume && place.page === correction.pages!.startDigits);
}

/**
 * An erratum, retraction, reply or comment is another document than the article it concerns; unless it is
 * tied to it (noticeOfArticle, correctionNotedByArticle) the pair can reach review, never an automatic merge
 * (see score.ts).
 */
export function kindEvidence(a: PreparedRecord, b: PreparedRecord, tied: boolean): Outcome {
  if (tied) return NOTICE_OF_ARTICLE;
  return a.title.kind === b.title.kind ? null : KIND_DIFFER;
}

export function yearEvidence(a: PreparedRecord, b: PreparedRecord): Outcome {
  if (a.year === null || b.year === null) return null;
  const gap = Math.abs(a.year - b.year);
  return gap === 0 ? YEAR_SAME : gap === 1 ? YEAR_CLOSE : YEAR_DIFFER;
}

export interface Numbering {
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: PageRange | null;
}

/**
 * Embase exports some conference abstracts one field to the left: no volume, the volume as issue, the issue
 * as pages. Put such a record back in line when the other record shows the pattern.
 */
export function realign(r: PreparedRecord, other: PreparedRecord): Numbering {
  if (
    !r.volume &&
    r.issue &&
    r.issue === other.volume &&
    r.pages &&
    !r.pages.end &&
    r.pages.startDigits === other.issue
  ) {
    return { year: r.year, volume: r.issue, issue: r.pages.startDigits, pages: null };
  }
  return r;
}

export function volumeEvidence(a: Numbering, b: Numbering): Outcome {
  if (!a.volume || !b.volume) return null;
  if (a.volume === b.volume) return VOLUME_SAME;
  // Some databases put the year where the volume goes (and the month as issue): "2016(May)" for "94(5)".
  return yearAsVolume(a) || yearAsVolume(b) ? null : VOLUME_DIFFER;
}

function yearAsVolume(n: Numbering): boolean {
  return n.year !== null && n.volume === String(n.year);
}

export function issueEvidence(a: Numbering, b: Numbering): Outcome {
  if (!a.issue || !b.issue) return null;
  return a.issue === b.issue ? ISSUE_SAME : ISSUE_DIFFER;
}

export function pagesEvidence(a: Numbering, b: Numbering): Outcome {
  const pa = a.pages;
  const pb = b.pages;
  if (!pa || !pb) return null;
  if (pa.start === pb.start || pa.startDigits === pb.startDigits)
    return pa.startDigits === "1" ? PAGES_SAME_FIRST : PAGES_SAME;
  // Same last page, different first: a typo in the first ("2297-2108" for "2097-2108").
  if (pa.end && pa.end === pb.end) return PAGES_CLOSE;
  return a.volume && a.volume === b.volume && (abstractBefore(pa, pb) || abstractBefore(pb, pa))
    ? PAGES_ABSTRACT_BEFORE
    : PAGES_DIFFER;
}

/** `single` is one page printed before `paper`, a range (volumes are paginated continuously). */
function abstractBefore(single: PageRange, paper: PageRange): boolean {
  return !single.end && !!paper.end && Number(single.startDigits) < Number(paper.startDigits);
}

/**
 * Two meeting abstracts: where each was printed (journal, volume, issue, pages) can differ without
 * making them two documents, so disagreement there weighs nothing; agreement still counts.
 */
export function printedElsewhere(e: Outcome): Outcome {
  return e && e.weight < 0 ? PRINTED_ELSEWHERE : e;
}

/**
 * Pages that disagree outright: not the abstract printed before its paper (PAGES_ABSTRACT_BEFORE), whose byline
 * grows by the time of the paper, and not a place that may differ by nature (printedElsewhere).
 */
export function pagesDisagree(pages: Outcome): boolean {
  return pages === PAGES_DIFFER;
}

/**
 * `wholeBylineCounts`: see wholeBylineCouldCount. `teamsCount`: the pages disagree (pagesDisagree), where two
 * teams' bylines (see reordered) are two documents side by side rather than one byline exported twice.
 */
export function authorEvidence(
  a: PreparedRecord,
  b: PreparedRecord,
  wholeBylineCounts = false,
  teamsCount = false,
): FieldEvidence {
  const agreement = compareAuthors(a.authors, b.authors);
  if (!agreement) return a.authors.length || b.authors.length ? AUTHORS_MISSING_ONE_SIDE : AUTHORS_MISSING;
  const { overlap, firstMatch } = agreement;
  const similarity = round(overlap);
  const whole =
    overlap === 1 &&
    wholeBylineCounts &&
    a.authors.length === b.authors.length &&
    a.authors.length >= 2 &&
    a.authors.length <= WHOLE_BYLINE_NAMES
      ? WHOLE_BYLINE
      : 0;
  if (overlap >= 0.8) {
    const same = firstMatch && !(teamsCount && reordered(a.authors, b.authors));
    return { agreement: same ? "same" : "close", weight: (same ? AUTHORS_SAME : 1.5) + whole, similarity };
  }
  if (overlap >= 0.5) return { agreement: "partial", weight: 0.5, similarity };
  return { agreement: "differ", weight: overlap > 0 ? -1.5 : -4, similarity };
}

/**
 * A shorter byline that is not the start of the longer: a database that cuts a byline short ("et al.", an
 * author limit) keeps its first names in order, so the same names in another order and with others between
 * them are another team's byline (two abstracts of one group, each with its own co-authors).
 */
function reordered(a: readonly AuthorName[], b: readonly AuthorName[]): boolean {
  return a.length !== b.length && Math.min(a.length, b.length) >= 2 && sharedByline(a, b) === 0;
}

/**
 * Whether a whole byline in common (WHOLE_BYLINE) counts, judged on title and numbering: never where the
 * titles' numbers differ ("Part 2"), the parts of one work sharing their byline. Between two meeting abstracts,
 * whose differing numbering weighs nothing, only under one title: a team rewords an abstract for the next
 * meeting with its results.
 */
export function wholeBylineCouldCount(
  a: PreparedRecord,
  b: PreparedRecord,
  title: FieldEvidence,
  titleNumbers: Outcome,
  numbering: readonly Outcome[],
): boolean {
  const alike = a.meetingAbstract && b.meetingAbstract ? 0.99 : 0.9;
  return (title.similarity ?? 0) >= alike && !titleNumbers && numbering.every((e) => !e || e.weight >= 0);
}

/**
 * Whether bylineEvidence could count, judged on the fields compared before the authors (so that the
 * comparison is skipped only when it could not lift the pair). Companion papers of one team share a byline
 * as well, so it only counts between titles that at least partly agree (a title "differ"s below 0.75),
 * between documents of one kind, where volume, issue and pages do not disagree, and never between meeting
 * abstracts: a team sends several abstracts with one byline to one meeting.
 */
export function bylineCouldCount(
  a: PreparedRecord,
  b: PreparedRecord,
  title: FieldEvidence,
  numbering: readonly Outcome[],
): boolean {
  if (title.agreement === "differ" || title.agreement === "missing") return false;
  if (a.title.kind !== b.title.kind || a.meetingAbstract || b.meetingAbstract) return false;
  if (a.authors.length < BYLINE_NAMES || b.authors.length < BYLINE_NAMES) return false;
  return numbering.every((e) => !e || e.weight >= 0);
}

/** Maximum weight of bylineEvidence, for the early exit in score.ts. */
export const BYLINE_MAX = BYLINE_SAME.weight;

/** Call only where bylineCouldCount holds; `journal` is the pair's journal outcome. */
export function bylineEvidence(a: PreparedRecord, b: PreparedRecord, journal: Outcome): Outcome {
  if (journal?.agreement !== "same") return null;
  return sharedByline(a.authors, b.authors) >= BYLINE_NAMES ? BYLINE_SAME : null;
}

export function journalEvidence(a: PreparedRecord, b: PreparedRecord): Outcome {
  const journal = compareJournals(a.journal, b.journal);
  if (journal === null) return null;
  return journal === 1 ? JOURNAL_SAME : journal > 0 ? JOURNAL_PARTIAL : JOURNAL_DIFFER;
}
