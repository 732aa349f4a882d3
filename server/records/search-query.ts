// What a person typed into the record browser's search box, read once: an identifier (DOI, PMID, trial register
// id) looked up exactly, normalised as import normalises it, or words for the full-text search. Pure.
import { findNctIds, normaliseDoi } from "../import/normalise";

export type SearchQuery =
  | { kind: "none" }
  | { kind: "doi"; doi: string }
  | { kind: "pmid"; pmid: string }
  | { kind: "nct"; nctId: string }
  | {
      kind: "words";
      /** For PostgreSQL's to_tsquery in the `sift_search` configuration: every term quoted, so nothing is syntax. */
      tsquery: string;
      /** The words as typed, for matching titles by trigrams when no record has them all. */
      text: string;
      /** Only words, no "phrases" or -exclusions: a search that may fall back to titles that look alike. */
      plain: boolean;
    };

/** Words this long or longer also find the longer words they begin ("cell" finds "cells", "cellular"). */
export const PREFIX_FROM = 4;
const MAX_TERMS = 32;

const PMID_PREFIX = /^(?:pmid|pubmed(?:\s+id)?)\s*:?\s*(\d{1,9})$/i;
const PUBMED_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\/?$/i;
/** A bare number this long is a PMID; shorter ones (years, doses) are searched as words. */
const BARE_PMID = /^\d{5,9}$/;
const NCT_ONLY = /^(?:nct\s*:?\s*)?(NCT\s?\d{8})$/i;
const DOI_LIKE = /^(?:doi\s*:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i;

/** A quoted term for to_tsquery: the configuration's parser still splits and folds it, but it is never an operator. */
function quoted(word: string): string {
  return `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

interface Term {
  words: string[];
  negated: boolean;
  phrase: boolean;
  prefix: boolean;
}

/** Splits on spaces, keeping "quoted phrases" together; a leading minus excludes a term, a trailing * widens it. */
function terms(text: string): Term[] {
  const out: Term[] = [];
  for (const m of text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    if (m[3] !== undefined) {
      let word = m[3];
      const negated = word.startsWith("-") && word.length > 1;
      if (negated) word = word.slice(1);
      const star = word.endsWith("*");
      word = word.replace(/\*+$/, "");
      // Punctuation alone (a dash between words, a stray quote) says nothing to search for.
      if (!/[\p{L}\p{N}]/u.test(word)) continue;
      out.push({ words: [word], negated, phrase: false, prefix: star || [...word].length >= PREFIX_FROM });
    } else {
      const words = (m[2] ?? "").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length) out.push({ words, negated: m[1] === "-", phrase: true, prefix: false });
    }
  }
  return out.slice(0, MAX_TERMS);
}

function termQuery(term: Term): string {
  const body = term.phrase
    ? term.words.map(quoted).join(" <-> ")
    : `${quoted(term.words[0]!)}${term.prefix ? ":*" : ""}`;
  const grouped = term.phrase && term.words.length > 1 ? `(${body})` : body;
  return term.negated ? `!${grouped}` : grouped;
}

export function parseSearchQuery(input: string): SearchQuery {
  const text = input.replace(/\s+/g, " ").trim();
  if (!text) return { kind: "none" };
  const pmid = PMID_PREFIX.exec(text) ?? PUBMED_URL.exec(text);
  if (pmid) return { kind: "pmid", pmid: String(Number(pmid[1])) };
  if (BARE_PMID.test(text)) return { kind: "pmid", pmid: String(Number(text)) };
  const nct = NCT_ONLY.exec(text);
  if (nct) return { kind: "nct", nctId: findNctIds(nct[1])[0]! };
  if (DOI_LIKE.test(text)) {
    const doi = normaliseDoi(text);
    if (doi) return { kind: "doi", doi };
  }
  const all = terms(text);
  // Only exclusions would match nearly everything; they narrow a search, they are not one.
  if (!all.some((t) => !t.negated)) return { kind: "none" };
  return {
    kind: "words",
    tsquery: all.map(termQuery).join(" & "),
    text,
    plain: all.every((t) => !t.negated && !t.phrase),
  };
}
