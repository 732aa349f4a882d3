// Which parser a file needs, judged from its first bytes: names mislead (RIS saved as .txt, MEDLINE and Web of
// Science saved as .ris), so the extension only breaks a tie.
import type { Format } from "./types";

/** Preamble lines (Embase's "SEARCH QUERY", Excel's padding) a table header may follow. */
const HEADER_SEARCH_LINES = 10;

const RIS_START = /^TY {1,3}-(?: |$)/;
const WOS_START = /^(?:FN \S|PT [A-Z]{1,2}\s*$)/;
/** A Web of Science field ("AU Smith, J" — one space, no dash) or its bare "ER", which RIS writes "ER  -". */
const WOS_FIELD = /^(?:(?:AU|AF|TI|SO|UT|DI|PY) \S|ER[ \t]*$)/m;
const BIBTEX_ENTRY = /^\s*@\s*[A-Za-z][\w-]*\s*[{(]/;

export function detectFormat(head: string, fileName?: string): Format | null {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (looksBinary(text)) return null;
  const start = text.search(/\S/);
  if (start < 0) return null;
  if (text[start] === "<") return xmlFormat(text);
  if (text[start] === "{" || text[start] === "[") return jsonFormat(text);
  return lineFormat(text, extensionOf(fileName));
}

/** NUL never occurs in text exports; a few other control characters can, but not many. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) controls++;
  }
  return controls > text.length / 100;
}

function xmlFormat(text: string): Format | null {
  if (/<Pubmed(?:Book)?Article(?:Set)?[\s>]/.test(text)) return "pubmed-xml";
  if (/<xml>\s*<records>/.test(text) || (text.includes("<record>") && text.includes("<ref-type"))) return "endnote-xml";
  return null;
}

/** The v2 API's page ({"studies": [...]}), one study, or a downloaded array of studies. */
function jsonFormat(text: string): Format | null {
  return /"protocolSection"\s*:/.test(text) || /"studies"\s*:\s*\[/.test(text) ? "ctgov-json" : null;
}

/** Formats a file name can claim: only to overrule a table header that comes before the tagged content. */
const TAGGED_BY_EXTENSION: Record<string, Format> = { ris: "ris", nbib: "medline", ciw: "wos", bib: "bibtex" };

/**
 * The first line that identifies a tagged format or a table header decides; the extension only settles the
 * rare file where both appear, such as a BibTeX file opening with a comment like "% title, author, year".
 */
function lineFormat(text: string, extension: string): Format | null {
  const named = TAGGED_BY_EXTENSION[extension];
  let table: Format | null = null;
  let nonBlank = 0;
  for (const line of text.split(/\r\n?|\n/)) {
    if (!line.trim()) continue;
    nonBlank++;
    const tagged = taggedFormat(line, text);
    if (tagged) return !table || tagged === named ? tagged : table;
    if (!table && nonBlank <= HEADER_SEARCH_LINES) {
      table = tableFormat(line);
      if (table && !named) return table;
    }
  }
  return table;
}

function taggedFormat(line: string, text: string): Format | null {
  if (RIS_START.test(line)) return "ris";
  if (line.startsWith("PMID-")) return "medline";
  if (WOS_START.test(line) && (line.startsWith("FN") || WOS_FIELD.test(text))) return "wos";
  if (BIBTEX_ENTRY.test(line)) return "bibtex";
  return null;
}

/** A header row: at least two cells named like bibliographic columns. ";" is a CSV too (Excel in many locales). */
function tableFormat(line: string): Format | null {
  let best: string[] | null = null;
  let bestDelimiter = "";
  for (const delimiter of ["\t", ",", ";"]) {
    const cells = splitCells(line, delimiter).map(normaliseHeader);
    if (cells.filter(isBibliographicColumn).length < 2 || (best && cells.length <= best.length)) continue;
    best = cells;
    bestDelimiter = delimiter;
  }
  if (!best) return null;
  if (best.includes("nct number")) return "ctgov-csv";
  return bestDelimiter === "\t" ? "tsv" : "csv";
}

function splitCells(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

function normaliseHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const COLUMN_NAMES = new Set([
  "doi",
  "pmid",
  "pmcid",
  "pubmed id",
  "issn",
  "isbn",
  "keywords",
  "author keywords",
  "journal",
  "year",
  "publication year",
  "volume",
  "issue",
  "pages",
  "nct number",
  "conditions",
  "interventions",
]);

function isBibliographicColumn(name: string): boolean {
  return (
    COLUMN_NAMES.has(name) ||
    /^(?:\w+ )?title$/.test(name) ||
    /^(?:\w+ )?abstract(?: note)?$/.test(name) ||
    /^(?:first )?authors?(?: s| names| full names)?$/.test(name)
  );
}

function extensionOf(fileName: string | undefined): string {
  const dot = fileName?.lastIndexOf(".") ?? -1;
  return dot >= 0 ? fileName!.slice(dot + 1).toLowerCase() : "";
}
