// PubMed's MEDLINE text format (.nbib, "PubMed format" downloads): "TAG - value" with the tag padded to four
// characters, long values wrapped onto lines indented by six spaces, a blank line after each record.
import { cleanText, emptyRecord, findNctIds, normaliseDoi, nullIfEmpty, pmcidFrom, pmidFrom } from "../normalise";
import type { ParsedRecord, Parser } from "../types";
import { cleanValues, firstYear, unique } from "./field-values";
import { TaggedFields } from "./tagged-fields";
import { type TaggedReader, taggedParser } from "./tagged-records";

const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) *-(?: |$)/;

/** A record runs from its PMID line to a blank line (or the next PMID); other lines continue the field above. */
function medlineReader(): TaggedReader {
  let record: TaggedFields | null = null;
  return {
    read(line, lineNo) {
      const text = line.trim();
      if (!text) {
        const closed = record;
        record = null;
        return closed;
      }
      const tag = TAG_LINE.exec(line);
      if (!tag) {
        record?.extend(text);
        return null;
      }
      const name = tag[1]!;
      // PMID opens a record even without the blank line before it; a record without PMID still counts.
      const closed = name === "PMID" ? record : null;
      if (!record || closed) record = new TaggedFields(lineNo, " ");
      record.add(name, line.slice(tag[0].length).trim());
      return closed;
    },
    end: () => record,
  };
}

function medlineRecord(f: TaggedFields): ParsedRecord {
  const record = emptyRecord();
  record.title = cleanText(f.first("TI", "BTI", "TT"));
  record.abstract = cleanText(f.first("AB"));
  // FAU has the full name ("Griffin, Darren K"), AU the initials ("Griffin DK"); CN is a group author.
  record.authors = cleanValues(f.first("FAU") ? f.values("FAU", "CN") : f.values("AU", "CN"));
  record.year = firstYear(f.values("DP"));
  record.journal = nullIfEmpty(f.first("JT", "TA"));
  record.volume = nullIfEmpty(f.first("VI"));
  record.issue = nullIfEmpty(f.first("IP"));
  record.pages = nullIfEmpty(f.first("PG"));
  record.doi = medlineDoi(f);
  record.pmid = pmidFrom(f.first("PMID"));
  record.pmcid = pmcidFrom(f.first("PMC"));
  record.nctIds = findNctIds(f.allValues());
  record.keywords = unique(cleanValues(f.values("MH", "OT")));
  // Every publication type, since "Journal Article; Randomized Controlled Trial" is what screeners look for.
  record.type = nullIfEmpty(unique(cleanValues(f.values("PT"))).join("; "));
  record.language = nullIfEmpty(f.first("LA"));
  record.raw = f.raw();
  return record;
}

/** LID and AID list several ids each marked with its kind: "10.1016/j.ejmg.2019.03.004 [doi]", "S1769-… [pii]". */
function medlineDoi(f: TaggedFields): string | null {
  for (const value of f.values("LID", "AID")) {
    const marked = /^(.*)\[doi\]\s*$/i.exec(value);
    if (marked) {
      const doi = normaliseDoi(marked[1]);
      if (doi) return doi;
    }
  }
  return null;
}

export const parseMedline: Parser = taggedParser(
  medlineReader,
  medlineRecord,
  "This file is not in PubMed MEDLINE format: no record starts with a “PMID-” line.",
);
