// Record types in words. Imports keep each source's own type (RIS "TY" codes, BibTeX entry types, PubMed
// publication types, which are words already); screens and exports show a clinician words, never "JOUR".
//
// The RIS codes are the reference type list of the RIS format specification (Research Information Systems,
// "RIS Format Specifications", Reference Manager, 2011: "Reference Type" tag TY), with its names in sentence case.

const RIS_TYPES: Record<string, string> = {
  ABST: "Abstract",
  ADVS: "Audiovisual material",
  AGGR: "Aggregated database",
  ANCIENT: "Ancient text",
  ART: "Art work",
  BILL: "Bill",
  BLOG: "Blog",
  BOOK: "Book",
  CASE: "Case",
  CHAP: "Book chapter",
  CHART: "Chart",
  CLSWK: "Classical work",
  COMP: "Computer program",
  CONF: "Conference proceedings",
  CPAPER: "Conference paper",
  CTLG: "Catalogue",
  DATA: "Data file",
  DBASE: "Online database",
  DICT: "Dictionary",
  EBOOK: "Electronic book",
  ECHAP: "Electronic book chapter",
  EDBOOK: "Edited book",
  EJOUR: "Electronic article",
  ELEC: "Web page",
  ENCYC: "Encyclopaedia",
  EQUA: "Equation",
  FIGURE: "Figure",
  GEN: "Generic",
  GOVDOC: "Government document",
  GRANT: "Grant",
  HEAR: "Hearing",
  ICOMM: "Internet communication",
  INPR: "Article in press",
  JFULL: "Journal (full)",
  JOUR: "Journal article",
  LEGAL: "Rule or regulation",
  MANSCPT: "Manuscript",
  MAP: "Map",
  MGZN: "Magazine article",
  MPCT: "Film or broadcast",
  MULTI: "Online multimedia",
  MUSIC: "Music score",
  NEWS: "Newspaper article",
  PAMP: "Pamphlet",
  PAT: "Patent",
  PCOMM: "Personal communication",
  RPRT: "Report",
  SER: "Serial publication",
  SLIDE: "Slide",
  SOUND: "Sound recording",
  STAND: "Standard",
  STAT: "Statute",
  THES: "Thesis or dissertation",
  UNBILL: "Unenacted bill",
  UNPB: "Unpublished work",
  VIDEO: "Video recording",
};

/** BibTeX entry types (lower-cased by the parser), Crossref's work types, and Sift's type for a registry entry. */
const OTHER_TYPES: Record<string, string> = {
  article: "Journal article",
  book: "Book",
  booklet: "Booklet",
  inbook: "Book chapter",
  incollection: "Book chapter",
  inproceedings: "Conference paper",
  conference: "Conference paper",
  proceedings: "Conference proceedings",
  manual: "Manual",
  mastersthesis: "Master's thesis",
  phdthesis: "Doctoral thesis",
  techreport: "Report",
  unpublished: "Unpublished work",
  online: "Web page",
  misc: "Other",
  "journal-article": "Journal article",
  "proceedings-article": "Conference paper",
  "book-chapter": "Book chapter",
  "posted-content": "Preprint",
  dissertation: "Thesis or dissertation",
  report: "Report",
  dataset: "Data set",
  "registry-entry": "Trial registry entry",
};

/**
 * The record type in words: a known code becomes its name, and anything else (PubMed's "Journal Article;
 * Randomized Controlled Trial", Web of Science's "Article") is already words and is shown as it came.
 */
export function recordTypeLabel(type: string | null | undefined): string | null {
  const raw = type?.trim();
  if (!raw) return null;
  return RIS_TYPES[raw.toUpperCase()] ?? OTHER_TYPES[raw.toLowerCase()] ?? raw;
}
