// PubMed's MEDLINE text format (.nbib, "PubMed format" downloads): "TAG - value" with the tag padded to four
// characters, long values wrapped onto lines indented by six spaces, a blank line after each record.
import { cleanText, emptyRecord, findNctIds, normaliseDoi, nullIfEmpty, pmcidFrom, pmidFrom } from "../normalise";
import { NotBibliographicError, type ParsedRecord, type ParseEvent, type Parser } from "../types";
import { cleanValues, firstYear, unique } from "./field-values";
import { lineBatches } from "./lines";
import { TaggedFields } from "./tagged-fields";

const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) *-(?: |$)/;

export const parseMedline: Parser = async function* (chunks) {
  let lineNo = 0;
  let record: TaggedFields | null = null;
  let found = false;
  let sawText = false;

  for await (const lines of lineBatches(chunks)) {
    for (const line of lines) {
      lineNo++;
      const text = line.trim();
      if (!text) {
        if (record) yield medlineEvent(record);
        record = null;
        continue;
      }
      sawText = true;
      const tag = TAG_LINE.exec(line);
      if (!tag) {
        record?.extend(text);
        continue;
      }
      const name = tag[1]!;
      // PMID opens a record even without the blank line before it; a record without PMID still counts.
      if (name === "PMID" && record) {
        yield medlineEvent(record);
        record = null;
      }
      if (!record) {
        record = new TaggedFields(lineNo, " ");
        found = true;
      }
      record.add(name, line.slice(tag[0].length).trim());
    }
  }
  if (record) yield medlineEvent(record);
  else if (!found && sawText) {
    throw new NotBibliographicError("This file is not in PubMed MEDLINE format: no record starts with a “PMID-” line.");
  }
};

function medlineEvent(fields: TaggedFields): ParseEvent {
  return { kind: "record", line: fields.line, record: medlineRecord(fields) };
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
