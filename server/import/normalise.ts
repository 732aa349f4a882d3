// Field clean-up shared by every parser. Pure functions.

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
const DOI_SHAPE = /10\.\d{4,9}\/\S+/;

/** "https://doi.org/10.1000/ABC " → "10.1000/abc"; null when no DOI is in the text. */
export function normaliseDoi(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().replace(DOI_PREFIX, "");
  const match = DOI_SHAPE.exec(trimmed);
  if (!match) return null;
  return decodeEscapes(match[0])
    .replace(/[.,;]+$/, "")
    .toLowerCase();
}

/** DOIs copied from URLs carry %-escapes; a malformed one ("%E0%A4") is left as written rather than failing. */
function decodeEscapes(text: string): string {
  try {
    return decodeURIComponent(text.replace(/%(?![0-9a-f]{2})/gi, "%25"));
  } catch {
    return text;
  }
}

const NCT = /\bNCT\s?(\d{8})\b/gi;

/** Every ClinicalTrials.gov id in the texts, upper case, first-seen order, without repeats. */
export function findNctIds(...texts: (string | null | undefined | string[])[]): string[] {
  const found = new Set<string>();
  for (const text of texts.flat()) {
    if (!text) continue;
    for (const m of text.matchAll(NCT)) found.add(`NCT${m[1]}`);
  }
  return [...found];
}

/** The first plausible publication year in a date-ish text ("2020//", "2019 Mar 5", "10 15" → null). */
export function parseYear(value: string | null | undefined): number | null {
  if (!value) return null;
  const match = /(?:^|[^\d])(1[6-9]\d{2}|20\d{2})(?!\d)/.exec(value);
  return match ? Number(match[1]) : null;
}

export function cleanText(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

export function nullIfEmpty(value: string | null | undefined): string | null {
  const cleaned = cleanText(value);
  return cleaned ? cleaned : null;
}

export function pmidFrom(value: string | null | undefined): string | null {
  const match = /\b(\d{1,9})\b/.exec(value ?? "");
  return match ? match[1]! : null;
}

export function pmcidFrom(value: string | null | undefined): string | null {
  const match = /\bPMC\s?(\d+)\b/i.exec(value ?? "");
  return match ? `PMC${match[1]}` : null;
}

/** A record with every field empty, for parsers to fill in. */
export function emptyRecord(): import("./types").ParsedRecord {
  return {
    title: "",
    abstract: "",
    authors: [],
    year: null,
    journal: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    pmid: null,
    pmcid: null,
    nctIds: [],
    keywords: [],
    type: null,
    language: null,
    url: null,
    raw: {},
  };
}
