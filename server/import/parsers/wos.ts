// Web of Science "plain text" / .ciw: "FN"/"VR" header lines, then records from "PT J" to "ER", "EF" at the end.
// A tag is two characters and a space; a line indented by three spaces continues the field above it.
import { cleanText, emptyRecord, findNctIds, normaliseDoi, nullIfEmpty, pmidFrom } from "../normalise";
import type { ParsedRecord, Parser } from "../types";
import { cleanValues, firstYear, pageRange, splitValues, unique } from "./field-values";
import { TaggedFields } from "./tagged-fields";
import { type TaggedReader, taggedParser } from "./tagged-records";

const TAG_LINE = /^([A-Z][A-Z0-9])(?: |$)/;

/** Fields with one item per line (authors, addresses, cited references); in the others a new line is only a wrap. */
const ONE_PER_LINE = new Set(["AU", "AF", "BA", "BF", "BE", "CA", "GP", "CR", "C1"]);

/** File header and trailer: outside any record. */
const FILE_TAGS = new Set(["FN", "VR", "EF"]);

/** A record runs from PT to ER; a line indented or without a tag continues the field above it. */
function wosReader(): TaggedReader {
  let record: TaggedFields | null = null;
  let lastTag = "";
  return {
    read(line, lineNo) {
      const text = line.trim();
      if (!text) return null;
      const tag = /^\s/.test(line) ? null : TAG_LINE.exec(line);
      if (!tag) {
        if (!record) return null;
        if (ONE_PER_LINE.has(lastTag)) record.add(lastTag, text);
        else record.extend(text);
        return null;
      }
      const name = tag[1]!;
      const value = line.slice(tag[0].length).trim();
      if (name === "ER" || FILE_TAGS.has(name)) {
        // EF ends the file, FN/VR start one: a record left open (no ER) ends here too.
        const closed = record;
        record = null;
        return closed;
      }
      // PT opens a record; any other tag outside one does too, so a record missing its PT line is kept.
      const closed = name === "PT" ? record : null;
      if (!record || name === "PT") record = new TaggedFields(lineNo, " ");
      record.add(name, value);
      lastTag = name;
      return closed;
    },
    end: () => record,
  };
}

function wosRecord(f: TaggedFields): ParsedRecord {
  const record = emptyRecord();
  record.title = cleanText(f.first("TI"));
  record.abstract = cleanText(f.first("AB"));
  // AF has full names ("Parkes-Loach, Pamela S"), AU only initials; older records have AU alone.
  record.authors = cleanValues(f.first("AF") ? f.values("AF") : f.values("AU"));
  record.year = firstYear(f.values("PY", "PD", "EA"));
  record.journal = nullIfEmpty(f.first("SO"));
  record.volume = nullIfEmpty(f.first("VL"));
  record.issue = nullIfEmpty(f.first("IS"));
  record.pages = pageRange(f.first("BP"), f.first("EP"));
  record.doi = normaliseDoi(f.first("DI"));
  record.pmid = pmidFrom(f.first("PM"));
  record.nctIds = findNctIds(f.allValues());
  // Author keywords (DE) and Keywords Plus (ID), each a ";"-separated list wrapped over lines.
  record.keywords = unique(splitValues(f.values("DE", "ID"), /;/));
  record.type = nullIfEmpty(f.first("DT", "PT"));
  record.language = nullIfEmpty(f.first("LA"));
  record.raw = f.raw();
  return record;
}

export const parseWos: Parser = taggedParser(
  wosReader,
  wosRecord,
  "This file is not in Web of Science tagged format: no record starts with a “PT” line.",
);
