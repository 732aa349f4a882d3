// Turns each record into the comparable features scoring and blocking read, once per record rather than once
// per pair: cleaned title words (also as interned ids), parsed authors, journal words, first page, volume.
import { type AuthorName, parseAuthors, surnameKey } from "./authors";
import { type NormalisedJournal, normaliseJournal } from "./journal";
import { foldText } from "./text-fold";
import { type NormalisedTitle, normaliseTitle, significantWords } from "./title";
import type { DedupRecord } from "./types";

export interface PageRange {
  /** First page as printed, lower case ("c219", "e8", "1844"). */
  start: string;
  /** Its digits only, so "C219" and "219" can be told apart from a real conflict. */
  startDigits: string;
  /** Last page written out in full ("1844-59" → "1859"), or null for a single page. */
  end: string | null;
}

/** "73-76", "73-6", "1844-59", "e158-66", "C219-C235", "532, 534-536" → first and last page. */
export function parsePages(raw: string | null): PageRange | null {
  if (!raw) return null;
  const text = foldText(raw)
    .replace(/[‐-―−]/g, "-")
    .trim();
  // "215 p" and "xiii, 351 p" give a thesis's or book's length, not where it starts.
  if (/^\D*\d+\s*(?:p|pp|pages)\.?$/.test(text) && !/-/.test(text)) return null;
  const m = /^(?:pp?\.?\s*)?([a-z]{0,2})(\d+)([a-z]?)(?:\s*-+\s*([a-z]{0,2})(\d+)[a-z]?)?/.exec(text);
  if (!m) return null;
  const [, prefix, digits, suffix, , endDigitsRaw] = m;
  const start = `${prefix}${digits}${suffix}`;
  let end: string | null = null;
  if (endDigitsRaw) {
    const full =
      endDigitsRaw.length < digits!.length
        ? digits!.slice(0, digits!.length - endDigitsRaw.length) + endDigitsRaw
        : endDigitsRaw;
    if (full !== digits) end = full;
  }
  return { start, startDigits: String(Number(digits)), end };
}

/**
 * Volume or issue: the first number ("Suppl. 2" → "2", "13, Sp. Iss. SI" → "13"). Without a number the field
 * holds something else ("(Jul)", "Ph.D.", "SUPPL") and is treated as missing.
 */
export function normaliseNumbering(raw: string | null): string | null {
  const number = raw ? /\d+/.exec(raw) : null;
  return number ? String(Number(number[0])) : null;
}

/** Record types grouped into kinds of document: two records of one trial of different kinds are two documents. */
export function normaliseType(raw: string | null): string | null {
  if (!raw) return null;
  const t = foldText(raw);
  if (/regist|trial record|ctgov|clinicaltrials/.test(t)) return "registry";
  if (/conf|proceed|meeting|abstract|congress|poster/.test(t)) return "conference";
  if (/thesis|dissert/.test(t)) return "thesis";
  if (/chap|incollection|inbook|section/.test(t)) return "chapter";
  if (/book/.test(t)) return "book";
  if (/preprint|posted/.test(t)) return "preprint";
  if (/article|journal|jour|review|letter|editorial|comment|erratum|misc/.test(t)) return "article";
  return t.trim() || null;
}

export interface PreparedRecord {
  /** Position in the combined list: existing records first, then incoming. */
  index: number;
  id: string;
  incoming: boolean;
  title: NormalisedTitle;
  /** Title words run together, for character-level similarity that ignores word splits ("post-transplant"). */
  titleCompact: string;
  /** Interned ids of the significant title words, sorted and unique. */
  titleTokens: number[];
  /** The title's translation printed beside it (NormalisedTitle.alternative), in the same two forms. */
  alternativeTitle: { titleCompact: string; titleTokens: number[]; significant: string[] } | null;
  authors: AuthorName[];
  firstAuthorKey: string | null;
  year: number | null;
  journal: NormalisedJournal;
  volume: string | null;
  issue: string | null;
  pages: PageRange | null;
  doi: string | null;
  pmid: string | null;
  nctIds: string[];
  type: string | null;
  /** Published in a supplement or a meeting's proceedings: an abstract, which is often presented twice. */
  meetingAbstract: boolean;
  cochrane: CochraneReview | null;
}

/**
 * A Cochrane review keeps its number ("CD001234") through every version; each version since the first has its
 * own DOI, the number followed by ".pub2", ".pub3" … (the first, often the protocol, has the bare number).
 */
export interface CochraneReview {
  /** "cd001234". */
  review: string;
  /** 1 for the bare DOI, n for ".pubn"; null when only the page field names the review. */
  version: number | null;
}

const COCHRANE_DOI = /^10\.1002\/14651858\.(cd\d{6})(?:\.pub(\d+))?$/;

/** From the DOI, or from the page field of a record in the Cochrane Database (which prints the number there). */
export function cochraneReview(
  doi: string | null,
  pages: string | null,
  journal: string | null,
): CochraneReview | null {
  const m = doi ? COCHRANE_DOI.exec(doi) : null;
  if (m) return { review: m[1]!, version: m[2] ? Number(m[2]) : 1 };
  const page = pages?.trim().toLowerCase();
  if (page && /^cd\d{6}$/.test(page) && /cochrane/i.test(journal ?? "")) return { review: page, version: null };
  return null;
}

/**
 * How late a version of a Cochrane review is (the later year, then the higher version number), for keeping the
 * latest when versions merge, since it supersedes the others; 0 for any other record.
 */
export function cochraneRecency(r: {
  doi: string | null;
  pages: string | null;
  journal: string | null;
  year: number | null;
}): number {
  const review = cochraneReview(normaliseDoi(r.doi), r.pages?.trim() || null, r.journal);
  return review ? (r.year ?? 0) * 1000 + (review.version ?? 0) : 0;
}

/** Interns title words so that token comparisons are integer merges. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  idsOf(words: readonly string[]): number[] {
    const ids: number[] = [];
    for (const w of words) {
      let id = this.ids.get(w);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(w, id);
      }
      ids.push(id);
    }
    ids.sort((x, y) => x - y);
    let n = 0;
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i]!;
    ids.length = n;
    return ids;
  }

  get size(): number {
    return this.ids.size;
  }
}

/** Callers pass DOIs normalised already; this only guards against a resolver prefix or trailing punctuation. */
export function normaliseDoi(raw: string | null | undefined): string | null {
  const doi = raw
    ?.trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/, "")
    .replace(/[.,;]+$/, "");
  return doi ? doi : null;
}

const SUPPLEMENT = /suppl|abstract|meeting|congress/i;
const MEETING_VENUE = /\b(?:conference|congress|meeting|symposium|proceedings)\b/i;

/**
 * A supplement issue ("Suppl. 1"), a supplement page ("S42"), a conference record type or a meeting named as
 * the venue mark a meeting abstract.
 */
export function isMeetingAbstract(
  record: Pick<DedupRecord, "volume" | "issue" | "pages" | "journal">,
  type: string | null,
): boolean {
  return (
    type === "conference" ||
    SUPPLEMENT.test(record.volume ?? "") ||
    SUPPLEMENT.test(record.issue ?? "") ||
    /^\s*s\d/i.test(record.pages ?? "") ||
    MEETING_VENUE.test(record.journal ?? "")
  );
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function prepareRecord(
  record: DedupRecord,
  index: number,
  incoming: boolean,
  vocabulary: Vocabulary,
): PreparedRecord {
  const title = normaliseTitle(record.title ?? "");
  const titleCompact = title.text.replace(/ /g, "");
  const authors = parseAuthors(record.authors ?? []);
  const type = normaliseType(clean(record.type));
  const year = record.year !== null && Number.isFinite(record.year) && record.year > 0 ? record.year : null;
  const doi = normaliseDoi(record.doi);
  const alternative = title.alternative;
  const alternativeWords = alternative ? alternative.split(" ") : [];
  const alternativeSignificant = significantWords(alternativeWords);
  return {
    index,
    id: record.id,
    incoming,
    title,
    titleCompact,
    titleTokens: vocabulary.idsOf(title.significant),
    alternativeTitle: alternative
      ? {
          titleCompact: alternativeWords.join(""),
          titleTokens: vocabulary.idsOf(alternativeSignificant),
          significant: alternativeSignificant,
        }
      : null,
    authors,
    firstAuthorKey: authors[0] ? surnameKey(authors[0]) : null,
    year,
    journal: normaliseJournal(clean(record.journal)),
    volume: normaliseNumbering(clean(record.volume)),
    issue: normaliseNumbering(clean(record.issue)),
    pages: parsePages(clean(record.pages)),
    doi,
    pmid: clean(record.pmid)?.replace(/^0+/, "") ?? null,
    nctIds: (record.nctIds ?? []).map((n) => n.toUpperCase()),
    type,
    meetingAbstract: isMeetingAbstract(record, type),
    cochrane: cochraneReview(doi, clean(record.pages), clean(record.journal)),
  };
}
