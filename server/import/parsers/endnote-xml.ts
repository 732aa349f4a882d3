// EndNote XML, as EndNote, Zotero and Mendeley export it: <xml><records><record>…, often all on one line,
// with EndNote wrapping most text in <style> runs.
import { cleanText, emptyRecord, findNctIds, normaliseDoi, nullIfEmpty, parseYear, pmcidFrom } from "../normalise";
import type { ParsedRecord, ParseEvent, Parser } from "../types";
import { unique } from "./field-values";
import { addRaw, allRawValues } from "./raw-fields";
import { find, findAll, flattenElement, textOf, type XmlElement, xmlRecords } from "./xml-records";

const SHAPE = {
  formatName: "EndNote XML",
  roots: ["xml", "records"],
  records: ["record"],
};

const isInline = (name: string) => name === "style";

// An accession number is a PMID only when the record says it came from PubMed; Embase, CINAHL and Web of
// Science numbers look just as numeric.
const PUBMED_DATABASE = /pubmed|medline|\bnlm\b/i;
const PUBMED_URL = /(?:ncbi\.nlm\.nih\.gov\/pubmed\/|pubmed\.ncbi\.nlm\.nih\.gov\/)(\d{1,9})\b/i;

export const parseEndnoteXml: Parser = async function* (chunks): AsyncGenerator<ParseEvent> {
  for await (const event of xmlRecords(chunks, SHAPE)) {
    if ("error" in event) {
      yield { kind: "skipped", diagnostic: { line: event.line, message: event.error } };
    } else {
      yield { kind: "record", line: event.line, record: toRecord(event.element) };
    }
  }
};

const text = (element: XmlElement, path: string) => cleanText(textOf(find(element, path)));
const texts = (element: XmlElement, path: string) =>
  findAll(element, path)
    .map((e) => cleanText(textOf(e)))
    .filter(Boolean);

function toRecord(element: XmlElement): ParsedRecord {
  const record = emptyRecord();
  flattenElement(element, isInline, (path, value) => addRaw(record.raw, path, value));

  const refType = find(element, "ref-type");
  record.type = nullIfEmpty(refType?.attributes.name) ?? nullIfEmpty(textOf(refType));
  record.title = text(element, "titles/title");
  record.abstract = text(element, "abstract");
  record.authors = texts(element, "contributors/authors/author").map((a) => a.replace(/[,;]$/, ""));
  record.year = parseYear(text(element, "dates/year")) ?? parseYear(text(element, "dates/pub-dates/date"));
  record.journal =
    nullIfEmpty(text(element, "periodical/full-title")) ??
    nullIfEmpty(text(element, "titles/secondary-title")) ??
    nullIfEmpty(text(element, "periodical/abbr-1")) ??
    nullIfEmpty(text(element, "alt-periodical/full-title"));
  record.volume = nullIfEmpty(text(element, "volume"));
  // EndNote's own name for the issue is "number"; Zotero writes both, Mendeley only "issue".
  record.issue = nullIfEmpty(text(element, "number")) ?? nullIfEmpty(text(element, "issue"));
  record.pages = nullIfEmpty(text(element, "pages"));

  const urls = [...texts(element, "urls/related-urls/url"), ...texts(element, "urls/web-urls/url")];
  record.url = urls[0] ?? null;
  record.doi =
    normaliseDoi(text(element, "electronic-resource-num")) ?? normaliseDoi(urls.find((u) => /doi\.org\//i.test(u)));

  const database = `${text(element, "remote-database-name")} ${text(element, "remote-database-provider")}`;
  const fromPubmed = PUBMED_DATABASE.test(database);
  const accession = /^\d{1,9}$/.exec(text(element, "accession-num"))?.[0];
  record.pmid = (fromPubmed ? accession : undefined) ?? urls.map((u) => PUBMED_URL.exec(u)?.[1]).find(Boolean) ?? null;
  record.pmcid = pmcidFrom(texts(element, "custom2").join(" "));

  // EndNote may put a whole keyword list into one <keyword>, one keyword per line.
  record.keywords = unique(
    findAll(element, "keywords/keyword")
      .flatMap((k) =>
        textOf(k)
          .split(/[\r\n]+/)
          .map(cleanText),
      )
      .filter(Boolean),
  );
  record.language = nullIfEmpty(text(element, "language"));
  record.nctIds = findNctIds(allRawValues(record.raw));
  return record;
}
