// What every parser yields, whatever the file format: records in Sift's shape plus the raw fields they came
// from, and one diagnostic for each record that could not be read.

export const FORMATS = [
  "ris",
  "medline",
  "wos",
  "pubmed-xml",
  "endnote-xml",
  "bibtex",
  "csv",
  "tsv",
  "ctgov-json",
  "ctgov-csv",
] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_LABELS: Record<Format, string> = {
  ris: "RIS",
  medline: "PubMed MEDLINE (.nbib)",
  wos: "Web of Science tagged",
  "pubmed-xml": "PubMed XML",
  "endnote-xml": "EndNote XML",
  bibtex: "BibTeX",
  csv: "CSV",
  tsv: "Tab-separated",
  "ctgov-json": "ClinicalTrials.gov JSON",
  "ctgov-csv": "ClinicalTrials.gov CSV",
};

export interface ParsedRecord {
  title: string;
  abstract: string;
  /** "Surname, Given" as far as the source allows, in the source's order. */
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  /** Normalised: lower case, no resolver prefix (see normaliseDoi). */
  doi: string | null;
  pmid: string | null;
  pmcid: string | null;
  /** Every NCT id found anywhere in the record (fields, abstract, secondary ids), upper case, unique. */
  nctIds: string[];
  keywords: string[];
  type: string | null;
  language: string | null;
  url: string | null;
  /** Every field of the input as read (tag or column → value, or values when repeated), so nothing is lost. */
  raw: Record<string, string | string[]>;
}

export interface Diagnostic {
  /** 1-based line (text formats) or row (CSV) where the unreadable record starts. */
  line: number;
  message: string;
}

export type ParseEvent =
  | { kind: "record"; line: number; record: ParsedRecord }
  | { kind: "skipped"; diagnostic: Diagnostic };

/**
 * A parser reads decoded text chunks (any size, split anywhere, BOM already removed) and yields records as it
 * goes, so memory does not grow with the file. It throws NotBibliographicError when the input is not this
 * format at all; a malformed record becomes a "skipped" event and parsing continues.
 */
export type Parser = (chunks: AsyncIterable<string>) => AsyncGenerator<ParseEvent>;

export class NotBibliographicError extends Error {}
