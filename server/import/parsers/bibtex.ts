// BibTeX and BibLaTeX (.bib) as Zotero, JabRef, Scopus, Google Scholar and people write it. The stream is cut
// into entries (bibtex-blocks.ts), each read on its own (bibtex-fields.ts) with the @string macros defined
// above it, and its LaTeX turned into text (bibtex-latex.ts).
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
import { NotBibliographicError, type ParsedRecord, type ParseEvent, type Parser } from "../types";
import { bibtexBlocks } from "./bibtex-blocks";
import { type BibtexEntry, readEntry } from "./bibtex-fields";
import { convertFields } from "./bibtex-latex";
import { unique } from "./field-values";
import { addRaw } from "./raw-fields";

const NOT_RECORDS = new Set(["comment", "preamble"]);
// Scopus puts the authors' keywords in author_keywords and its indexing terms in keywords.
const KEYWORD_FIELDS = ["keywords", "keyword", "author_keywords"];

export const parseBibtex: Parser = async function* (chunks): AsyncGenerator<ParseEvent> {
  const macros = new Map<string, string>();
  const input = { hasText: false };
  let blocks = 0;
  for await (const block of bibtexBlocks(noticeText(chunks, input))) {
    blocks++;
    if (NOT_RECORDS.has(block.type)) continue;
    const entry = readEntry(block.text, macros);
    if (block.type === "string") {
      for (const field of entry?.fields ?? []) macros.set(field.name, field.value);
      continue;
    }
    // A block missing only its final brace at the end of the file still has whole values: keep it.
    if (!entry || entry.truncated) {
      const message = block.closed ? "unreadable BibTeX entry" : "BibTeX entry with a brace or quote that never closes";
      yield { kind: "skipped", diagnostic: { line: block.line, message } };
      continue;
    }
    let record: ParsedRecord;
    try {
      record = toRecord(entry);
    } catch (err) {
      const message = `unreadable BibTeX entry: ${(err as Error).message}`;
      yield { kind: "skipped", diagnostic: { line: block.line, message } };
      continue;
    }
    yield { kind: "record", line: block.line, record };
  }
  if (blocks === 0 && input.hasText) {
    throw new NotBibliographicError("No BibTeX entries (@article{…} and the like) were found.");
  }
};

async function* noticeText(chunks: AsyncIterable<string>, input: { hasText: boolean }): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    if (!input.hasText && /\S/.test(chunk)) input.hasText = true;
    yield chunk;
  }
}

function toRecord(entry: BibtexEntry): ParsedRecord {
  const record = emptyRecord();
  addRaw(record.raw, "@type", entry.type);
  addRaw(record.raw, "@key", entry.key);
  for (const field of entry.fields) addRaw(record.raw, field.name, cleanText(field.value));

  const { texts, people } = convertFields(entry.fields);
  const first = (...names: string[]) => names.map((name) => texts.get(name)).find(Boolean) ?? "";

  record.type = entry.type;
  record.title = first("title");
  record.abstract = first("abstract");
  record.authors = people.get("author") ?? [];
  record.year = parseYear(first("year")) ?? parseYear(first("date"));
  record.journal = nullIfEmpty(first("journal", "journaltitle", "booktitle"));
  record.volume = nullIfEmpty(first("volume"));
  record.issue = nullIfEmpty(first("number", "issue"));
  record.pages = nullIfEmpty(first("pages").replace(/\s*[-–—]+\s*/g, "-"));
  const url = first("url");
  record.url = nullIfEmpty(url);
  record.doi = normaliseDoi(first("doi")) ?? (/doi\.org\//i.test(url) ? normaliseDoi(url) : null);
  const eprintType = first("eprinttype", "archiveprefix").toLowerCase();
  record.pmid = pmidFrom(first("pmid") || (eprintType === "pubmed" ? first("eprint") : ""));
  record.pmcid = pmcidFrom(first("pmcid") || (eprintType === "pmc" ? first("eprint") : ""));
  record.keywords = unique(
    KEYWORD_FIELDS.flatMap((name) => (texts.get(name) ?? "").split(/[;,]/))
      .map(cleanText)
      .filter(Boolean),
  );
  record.language = nullIfEmpty(first("language", "langid"));
  record.nctIds = findNctIds([...texts.values()]);
  return record;
}
