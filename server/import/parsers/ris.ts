// RIS, as written by reference managers and databases, which each bend the format a little: records run from
// "TY  -" to "ER  -"; anything between records (Ovid's "1." lines, Cochrane's "Record #1 of 18" headers) is
// ignored; lines without a tag continue the field above them.
import { cleanText, emptyRecord, findNctIds, normaliseDoi, nullIfEmpty, pmcidFrom, pmidFrom } from "../normalise";
import type { ParsedRecord, Parser } from "../types";
import { firstYear, pageRange, splitValues, unique } from "./field-values";
import { TaggedFields } from "./tagged-fields";
import { type TaggedReader, taggedParser } from "./tagged-records";

/** "TY  - JOUR": one to three spaces before the dash, any after it (Cochrane writes "TY  -  JOUR"), maybe no value. */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,3}-(?: |$)/;

function risReader(): TaggedReader {
  let record: TaggedFields | null = null;
  // Tagged lines outside a TY … ER record: Ovid's "NL" after ER (dropped at the next TY), or a record whose TY
  // line is damaged (kept when an ER closes it, since its fields are intact).
  let stray: TaggedFields | null = null;
  return {
    read(line, lineNo) {
      const tag = TAG_LINE.exec(line);
      if (!tag) {
        const text = line.trim();
        if (text) (record ?? stray)?.extend(text);
        return null;
      }
      const name = tag[1]!;
      const value = line.slice(tag[0].length).trim();
      if (name === "TY") {
        const closed = record;
        stray = null;
        record = new TaggedFields(lineNo, "\n");
        record.add(name, value);
        return closed;
      }
      if (name === "ER") {
        const closed = record ?? stray;
        record = stray = null;
        return closed;
      }
      (record ?? (stray ??= new TaggedFields(lineNo, "\n"))).add(name, value);
      return null;
    },
    // A stray record that no ER closed is not kept.
    end: () => record,
  };
}

function risRecord(f: TaggedFields): ParsedRecord {
  const record = emptyRecord();
  record.title = cleanText(f.first("TI", "T1", "CT", "BT") || f.first("ST"));
  record.abstract = cleanText(f.first("AB", "N2"));
  // Only primary authors: A2/A3 are editors and series editors. Some exporters put every author on one line.
  record.authors = splitValues(f.values("AU", "A1"), /[;\n]/);
  record.year = firstYear(f.values("PY", "Y1", "DA"));
  record.journal = nullIfEmpty(f.first("JF", "JO", "T2", "JA", "J2"));
  record.volume = nullIfEmpty(f.first("VL", "VO"));
  record.issue = nullIfEmpty(f.first("IS"));
  record.pages = pageRange(f.first("SP"), f.first("EP"));
  record.doi = risDoi(f);
  record.pmid = risPmid(f);
  record.pmcid = risPmcid(f);
  record.nctIds = findNctIds(f.allValues());
  record.keywords = unique(splitValues(f.values("KW"), /[;\n]/));
  record.type = nullIfEmpty(f.first("TY"));
  record.language = nullIfEmpty(f.first("LA"));
  record.url = risUrl(f);
  record.raw = f.raw();
  return record;
}

const DOI_ONLY = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:?\s*)?10\.\d{4,9}\/\S+$/i;
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\/10\./i;

/**
 * DO first. Without it, a doi.org link, or a note field (M3, N1) that holds nothing but a DOI; not any DOI
 * inside a note, which in Scopus exports is the reference list.
 */
function risDoi(f: TaggedFields): string | null {
  for (const value of f.values("DO")) {
    const doi = normaliseDoi(value);
    if (doi) return doi;
  }
  for (const value of splitValues(f.values("UR", "L1", "L2", "L3", "LK"), /[\s;]+/)) {
    if (DOI_URL.test(value)) return normaliseDoi(value);
  }
  for (const value of f.values("M3", "N1")) {
    if (DOI_ONLY.test(value.trim())) return normaliseDoi(value);
  }
  return null;
}

const DIGITS_ONLY = /^\d{1,8}$/;
const PUBMED_URL = /(?:ncbi\.nlm\.nih\.gov\/pubmed\/|pubmed\.ncbi\.nlm\.nih\.gov\/)(\d{1,8})(?!\d)/i;

/**
 * RIS has no PMID tag, so only where the exporter makes it unambiguous: EndNote's PubMed records ("DP - NLM")
 * and Ovid MEDLINE keep it in AN, Scopus in C2, Cochrane CENTRAL writes "C3 - PUBMED 21314913", and PubMed
 * links carry it. AN elsewhere is a database accession number (WOS:…, rayyan-…, CN-…).
 */
function risPmid(f: TaggedFields): string | null {
  const tagged = f.first("PM", "PMID");
  if (tagged) return pmidFrom(tagged);
  const an = f.first("AN");
  const provider = f.values("DP", "DB").join(" ");
  if (DIGITS_ONLY.test(an) && /\b(?:NLM|PubMed|MEDLINE)\b/i.test(provider)) return an;
  const c2 = f.first("C2");
  if (DIGITS_ONLY.test(c2) && /\bScopus\b/i.test(provider)) return c2;
  for (const value of f.values("C3", "N1")) {
    const labelled = /\b(?:PUBMED|PMID)\b[\s:]*(\d{1,8})(?!\d)/i.exec(value);
    if (labelled) return labelled[1]!;
  }
  for (const value of f.values("UR", "L2")) {
    const linked = PUBMED_URL.exec(value);
    if (linked) return linked[1]!;
  }
  return null;
}

/** EndNote's C2 holds the PMCID ("PMC3319071"); PubMed Central links carry it too. */
function risPmcid(f: TaggedFields): string | null {
  for (const value of f.values("PMC", "C2")) {
    if (/^\s*PMC\s?\d/i.test(value)) return pmcidFrom(value);
  }
  for (const value of f.values("UR", "L1", "L2")) {
    const linked = /\/pmc\/articles\/(PMC\d+)/i.exec(value);
    if (linked) return linked[1]!.toUpperCase();
  }
  return null;
}

/** The first web address: UR lines can hold several joined by ";", and L1 is often a local "internal-pdf://" path. */
function risUrl(f: TaggedFields): string | null {
  for (const value of splitValues(f.values("UR", "L1", "L2"), /[\s;]+/)) {
    if (/^https?:\/\//i.test(value)) return value;
  }
  return null;
}

export const parseRis: Parser = taggedParser(
  risReader,
  risRecord,
  "This file is not in RIS format: no record starts with a “TY  -” line.",
);
