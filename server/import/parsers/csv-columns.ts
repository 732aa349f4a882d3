// Which spreadsheet column holds which field, for the exports of Rayyan, Covidence, PubMed, Scopus, Embase,
// Zotero, Cochrane CENTRAL, CINAHL, Abstrackr, OpenAlex, Lens, Google Scholar (via Publish or Perish) and
// generic tools, and turning one row into a record.
import {
  cleanText,
  emptyRecord,
  findNctIds,
  normaliseDoi,
  nullIfEmpty,
  parseYear,
  pmcidFrom,
  pmidFrom,
} from "../normalise";
import type { ParsedRecord } from "../types";
import { pageRange, unique } from "./field-values";
import { splitAuthors, splitKeywords } from "./name-lists";
import { addRaw } from "./raw-fields";

// Column names (lower case), best first. The first column present with a value wins. Two-letter names are
// Web of Science's tab-delimited export and RIS-minded tools.
const COLUMNS = {
  title: ["title", "article title", "document title", "primary title", "primary_title", "ti"],
  abstract: ["abstract", "abstract note", "ab"],
  // Scopus's "Author full names" ("Wilson, Lauren N. (5897…)") says more than its "Authors" ("Wilson L.N.").
  authors: [
    "author full names",
    "authors",
    "author",
    "author(s)",
    "author/s",
    "author names",
    "first_authors",
    "authorships.author.display_name",
    "af",
    "au",
  ],
  year: [
    "publication year",
    "year",
    "published year",
    "publication_year",
    "py",
    "date",
    "publication date",
    "date published",
    "date of publication",
    "publication_date",
  ],
  // Scopus's "Source" names the database, so "source" comes last, after Scopus's "Source title".
  journal: [
    "journal",
    "source title",
    "publication title",
    "journal title",
    "journal/book",
    "publication",
    "journal_name",
    "secondary_title",
    "primary_location.source.display_name",
    "so",
    "source",
  ],
  volume: ["volume", "biblio.volume", "vl"],
  // Zotero has both; its "Number" holds report and patent numbers.
  issue: ["issue", "issue number", "biblio.issue", "number", "is"],
  pages: ["pages", "page", "page range", "pagination", "pg"],
  firstPage: ["start page", "first page", "page start", "start_page", "biblio.first_page", "sp", "bp"],
  lastPage: ["end page", "last page", "page end", "end_page", "biblio.last_page", "ep"],
  doi: ["doi", "ids.doi", "di", "do"],
  pmid: ["pmid", "pubmed id", "pubmed_id", "medline pmid", "ids.pmid", "pm"],
  pmcid: ["pmcid", "pmc_id", "pmc id", "ids.pmcid"],
  type: [
    "publication type",
    "document type",
    "item type",
    "type",
    "type_of_reference",
    "doctype",
    "reference type",
    "dt",
  ],
  language: ["language", "article language", "language of original document", "la"],
  url: ["url", "link", "external url", "plink", "full text link", "primary_location.landing_page_url", "source urls"],
  // Zotero keeps identifiers it has no column for in "Extra": "PMID: 35319117 PMCID: PMC9151451".
  extra: ["extra"],
} as const;

// Every one of these columns is read; Scopus has author and index keywords, Zotero manual and automatic tags.
const KEYWORD_COLUMNS = [
  "keywords",
  "author keywords",
  "index keywords",
  "manual tags",
  "automatic tags",
  "subjects",
  "mesh terms",
  "keywords.display_name",
  "author_keywords",
  "kw",
  "de",
];

// OpenAlex joins list items with '|'.
const PIPE_LISTS = new Set(["authorships.author.display_name", "keywords.display_name"]);

export const TITLE_COLUMNS: readonly string[] = COLUMNS.title;

export function normaliseHeader(cell: string): string {
  return cleanText(cell.replace(/^\uFEFF/, "")).toLowerCase();
}

/** Excel's ="…" wrapper (which stops a value being read as a number) is not part of it; pandas' nan is no value. */
export function cellValue(cell: string | undefined): string {
  const trimmed = (cell ?? "").trim();
  const unwrapped = /^="(.*)"$/s.exec(trimmed)?.[1] ?? trimmed;
  return /^(?:nan|none|null)$/i.test(unwrapped) ? "" : unwrapped;
}

type Field = keyof typeof COLUMNS;

export class ColumnMap {
  private readonly indexes = new Map<Field, { index: number; name: string }[]>();
  private readonly keywordIndexes: { index: number; name: string }[] = [];

  constructor(private readonly header: string[]) {
    const names = header.map(normaliseHeader);
    for (const [field, aliases] of Object.entries(COLUMNS) as [Field, readonly string[]][]) {
      const found = aliases.flatMap((alias) =>
        names.flatMap((name, index) => (name === alias ? [{ index, name }] : [])),
      );
      this.indexes.set(field, found);
    }
    names.forEach((name, index) => {
      if (KEYWORD_COLUMNS.includes(name)) this.keywordIndexes.push({ index, name });
    });
  }

  toRecord(cells: string[]): ParsedRecord {
    const record = emptyRecord();
    const values = cells.map(cellValue);
    for (const [index, value] of values.entries())
      addRaw(record.raw, cleanText(this.header[index] ?? `column ${index + 1}`), value);

    const column = (field: Field) => this.indexes.get(field)!.find((c) => values[c.index]);
    const get = (field: Field) => {
      const found = column(field);
      return found ? values[found.index]! : "";
    };

    record.title = cleanText(get("title"));
    record.abstract = cleanText(get("abstract"));
    const authors = column("authors");
    if (authors) record.authors = splitAuthors(values[authors.index]!, PIPE_LISTS.has(authors.name) ? "|" : undefined);
    record.year = parseYear(get("year"));
    record.journal = nullIfEmpty(get("journal"));
    record.volume = nullIfEmpty(get("volume"));
    record.issue = nullIfEmpty(get("issue"));
    record.pages = nullIfEmpty(get("pages")) ?? pageRange(get("firstPage"), get("lastPage"));
    if (column("journal")?.name === "source") fillFromCitation(record);

    record.doi = normaliseDoi(get("doi"));
    const extra = get("extra");
    // Abstrackr writes 0 for "no PubMed id".
    record.pmid = pmidFrom(get("pmid").replace(/^0$/, "")) ?? pmidFrom(/\bPMID:\s*(\d+)/i.exec(extra)?.[1]);
    record.pmcid = pmcidFrom(get("pmcid")) ?? pmcidFrom(/\bPMCID:\s*(PMC\d+)/i.exec(extra)?.[1]);
    record.keywords = unique(
      this.keywordIndexes.flatMap(({ index, name }) =>
        splitKeywords(values[index] ?? "", PIPE_LISTS.has(name) ? "|" : undefined),
      ),
    );
    record.type = nullIfEmpty(get("type"));
    record.language = nullIfEmpty(get("language"));
    // Rayyan's url cell can trail other RIS text ("https://…     U2  - L2029880245").
    record.url = /https?:\/\/\S+/.exec(get("url"))?.[0] ?? null;
    record.nctIds = findNctIds(values);
    return record;
  }
}

/**
 * Embase's "Source" is a whole citation: "Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014".
 * Where it is the only journal column, its parts fill what the row has no column for.
 */
function fillFromCitation(record: ParsedRecord): void {
  const citation = /^(.+?) \((\d{4})\)(?: ([^\s:()]+)(?::([^\s()]+))?)?(?: \(([^)]+)\))?/.exec(record.journal ?? "");
  if (!citation) return;
  record.journal = cleanText(citation[1]);
  record.year ??= Number(citation[2]);
  record.volume ??= citation[3] ?? null;
  record.issue ??= citation[4] ?? null;
  record.pages ??= citation[5] ?? null;
}
