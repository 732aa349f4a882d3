// RIS for reference managers (Zotero, EndNote, Mendeley): one record per TY … ER block. Sift's own RIS parser
// reads every field back (ris-writer.test.ts proves it), and the screening outcome travels in an N1 note.
import type { ParsedRecord } from "../import/types";

/** A record's bibliographic fields as import reads them, plus free-text notes. */
export interface RisRecord extends Omit<ParsedRecord, "raw"> {
  /** Free-text notes, e.g. "Sift title/abstract: excluded (Wrong population)". */
  notes?: string[];
}

/** A line-based format: a line break inside a value would start a new, misread line. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

function risType(type: string | null): string {
  return type && /^[A-Z]{2,6}$/.test(type) ? type : "JOUR";
}

function splitPages(pages: string | null): [string, string | null] | null {
  if (!pages) return null;
  const range = /^\s*([^-–—\s]+)\s*[-–—]\s*(\S+)\s*$/.exec(pages);
  return range ? [range[1]!, range[2]!] : [pages.trim(), null];
}

export function risEntry(record: RisRecord): string {
  const lines: string[] = [];
  const add = (tag: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined) return;
    const text = oneLine(String(value));
    if (text) lines.push(`${tag}  - ${text}`);
  };
  add("TY", risType(record.type));
  add("TI", record.title);
  for (const author of record.authors) add("AU", author);
  add("PY", record.year);
  add("JO", record.journal);
  add("VL", record.volume);
  add("IS", record.issue);
  const pages = splitPages(record.pages);
  if (pages) {
    add("SP", pages[0]);
    add("EP", pages[1]);
  }
  add("DO", record.doi);
  add("AB", record.abstract);
  for (const keyword of record.keywords) add("KW", keyword);
  add("LA", record.language);
  add("UR", record.url);
  add("C2", record.pmcid);
  if (record.pmid) add("N1", `PMID: ${record.pmid}`);
  if (record.nctIds.length) add("N1", `Registered as ${record.nctIds.join(", ")}`);
  for (const note of record.notes ?? []) add("N1", note);
  lines.push("ER  - ", "");
  return `${lines.join("\r\n")}\r\n`;
}
