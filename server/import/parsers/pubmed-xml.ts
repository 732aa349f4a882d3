// PubMed XML, as efetch and PubMed's "Save: XML" write it: a PubmedArticleSet of PubmedArticle (journal
// articles) and PubmedBookArticle (books and chapters, e.g. GeneReviews) records.
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
import type { ParsedRecord, ParseEvent, Parser } from "../types";
import { pageRange, unique } from "./field-values";
import { addRaw } from "./raw-fields";
import { find, findAll, flattenElement, textOf, type XmlElement, xmlRecords } from "./xml-records";

const SHAPE = {
  formatName: "PubMed XML",
  roots: ["PubmedArticleSet", "PubmedBookArticleSet"],
  records: ["PubmedArticle", "PubmedBookArticle"],
};

const INLINE = new Set(["i", "b", "u", "sup", "sub"]);
const isInline = (name: string) => INLINE.has(name) || name.startsWith("mml:");

// Lists of other works (cited references, comments, errata): their ids and NCT numbers are not this record's.
const OTHER_WORKS = /ReferenceList|CommentsCorrections/;

export const parsePubmedXml: Parser = async function* (chunks): AsyncGenerator<ParseEvent> {
  for await (const event of xmlRecords(chunks, SHAPE)) {
    if ("error" in event) {
      yield { kind: "skipped", diagnostic: { line: event.line, message: event.error } };
    } else {
      yield { kind: "record", line: event.line, record: toRecord(event.element) };
    }
  }
};

/** Where the parts of a record live: journal articles and book articles nest the same elements differently. */
interface Parts {
  document: XmlElement | undefined;
  container: XmlElement | undefined;
  articleIds: XmlElement[];
  pmid: string;
}

function partsOf(record: XmlElement): Parts {
  if (record.name === "PubmedBookArticle") {
    const document = find(record, "BookDocument");
    return {
      document,
      container: find(document, "Book"),
      articleIds: [
        ...findAll(document, "ArticleIdList/ArticleId"),
        ...findAll(record, "PubmedBookData/ArticleIdList/ArticleId"),
      ],
      pmid: textOf(find(document, "PMID")),
    };
  }
  const citation = find(record, "MedlineCitation");
  return {
    document: find(citation, "Article"),
    container: find(citation, "Article/Journal"),
    articleIds: findAll(record, "PubmedData/ArticleIdList/ArticleId"),
    pmid: textOf(find(citation, "PMID")),
  };
}

function toRecord(element: XmlElement): ParsedRecord {
  const record = emptyRecord();
  const ownTexts: string[] = [];
  flattenElement(element, isInline, (path, value) => {
    addRaw(record.raw, path, value);
    if (!OTHER_WORKS.test(path)) ownTexts.push(value);
  });

  const isBook = element.name === "PubmedBookArticle";
  const { document, container, articleIds, pmid } = partsOf(element);
  const citation = find(element, "MedlineCitation");
  const idOfType = (type: string) => textOf(articleIds.find((id) => id.attributes.IdType === type));

  const articleTitle = cleanText(textOf(find(document, "ArticleTitle")));
  const bookTitle = cleanText(textOf(find(container, "BookTitle")));
  record.title = articleTitle || cleanText(textOf(find(document, "VernacularTitle"))) || (isBook ? bookTitle : "");
  record.abstract = findAll(document, "Abstract/AbstractText")
    .map((section) => {
      const text = cleanText(textOf(section));
      const label = section.attributes.Label;
      return label && text ? `${label}: ${text}` : text;
    })
    .filter(Boolean)
    .join(" ");
  record.authors = authorsOf(document);

  const pubDate = isBook ? find(container, "PubDate") : find(container, "JournalIssue/PubDate");
  record.year =
    parseYear(textOf(find(pubDate, "Year"))) ??
    parseYear(textOf(find(pubDate, "MedlineDate"))) ??
    parseYear(textOf(find(document, "ArticleDate/Year")));

  record.journal = isBook
    ? articleTitle
      ? nullIfEmpty(bookTitle)
      : null
    : (nullIfEmpty(textOf(find(container, "Title"))) ??
      nullIfEmpty(textOf(find(container, "ISOAbbreviation"))) ??
      nullIfEmpty(textOf(find(citation, "MedlineJournalInfo/MedlineTA"))));
  record.volume = nullIfEmpty(textOf(find(container, isBook ? "Volume" : "JournalIssue/Volume")));
  record.issue = nullIfEmpty(textOf(find(container, "JournalIssue/Issue")));
  record.pages = pagesOf(find(document, "Pagination"));

  const eLocationDoi = textOf(findAll(document, "ELocationID").find((e) => e.attributes.EIdType === "doi"));
  record.doi = normaliseDoi(idOfType("doi")) ?? normaliseDoi(eLocationDoi);
  record.pmid = pmidFrom(pmid) ?? pmidFrom(idOfType("pubmed"));
  record.pmcid = pmcidFrom(idOfType("pmc"));

  const keywordOwner = isBook ? document : citation;
  record.keywords = unique(
    [
      ...findAll(keywordOwner, "KeywordList/Keyword"),
      ...findAll(citation, "MeshHeadingList/MeshHeading/DescriptorName"),
    ]
      .map((k) => cleanText(textOf(k)))
      .filter(Boolean),
  );
  const types = [...findAll(document, "PublicationTypeList/PublicationType"), ...findAll(document, "PublicationType")];
  record.type = nullIfEmpty(unique(types.map((t) => cleanText(textOf(t)))).join("; "));
  record.language = nullIfEmpty(textOf(find(document, "Language")));
  record.nctIds = findNctIds(ownTexts);
  return record;
}

function authorsOf(document: XmlElement | undefined): string[] {
  const authors: string[] = [];
  for (const list of findAll(document, "AuthorList")) {
    if (list.attributes.Type === "editors") continue;
    for (const author of findAll(list, "Author")) {
      const collective = cleanText(textOf(find(author, "CollectiveName")));
      const last = cleanText(textOf(find(author, "LastName")));
      const given = cleanText(textOf(find(author, "ForeName"))) || cleanText(textOf(find(author, "Initials")));
      const suffix = cleanText(textOf(find(author, "Suffix")));
      const surname = suffix ? `${last} ${suffix}` : last;
      const name = collective || (surname && given ? `${surname}, ${given}` : surname || given);
      if (name) authors.push(name);
    }
  }
  return authors;
}

function pagesOf(pagination: XmlElement | undefined): string | null {
  return (
    nullIfEmpty(textOf(find(pagination, "MedlinePgn"))) ??
    pageRange(textOf(find(pagination, "StartPage")), textOf(find(pagination, "EndPage")))
  );
}
