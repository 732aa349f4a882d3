import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect";

describe("detectFormat", () => {
  it.each([
    ["ris", "TY  - JOUR\nTI  - x\nER  - \n"],
    ["ris", "\uFEFF\r\n\r\nTY  - JOUR\r\n"],
    ["ris", "1.\nTY  - JOUR\n"],
    ["ris", 'Record #1 of 2\nProvider: Wiley\nContent: text/plain; charset="UTF-8"\n\nTY  -  JOUR\n'],
    ["medline", "PMID- 30922926\nOWN - NLM\n"],
    ["wos", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n"],
    ["wos", "PT J\nAU Smith, J\nTI A title\nER\n"],
    ["pubmed-xml", '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet>\n<PubmedArticle>'],
    [
      "endnote-xml",
      '<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal Article">17</ref-type>',
    ],
    ["bibtex", "@article{key,\n  title = {A}\n}"],
    ["bibtex", "% comment\n@STRING{cup = {Cambridge}}\n@book{x, title={T}}"],
    ["bibtex", "\n@ARTICLE{Li2020,\nauthor={Li, W.},"],
    ["ctgov-json", '{"studies":[{"protocolSection":{}}],"nextPageToken":"x"}'],
    ["ctgov-json", '{\n  "protocolSection": {\n    "identificationModule": {"nctId": "NCT01234567"}'],
    ["ctgov-json", '[{"protocolSection": {}}]'],
    ["ctgov-csv", "NCT Number,Study Title,Study URL,Conditions\nNCT01234567,A,https://x,Asthma\n"],
    ["csv", "Title,Authors,Year\nA,B,2020\n"],
    ["csv", '"SEARCH QUERY","dinosaur:ti"\n-----\n\n"Title","Author Names","Source"\n'],
    ["csv", "SEARCH QUERY;dinosaur:ti;;;\n-----;;;;\n;;;;\nTitle;Original Title;Author Names;Source\n"],
    ["csv", "abstract;first_authors;title;publication_year\n"],
    ["tsv", "abstract\tfirst_authors\ttitle\tpublication_year\n"],
    ["csv", "(internal) id,(source) id,pubmed id,keywords,abstract,title,journal\n"],
  ])("%s: %j", (format, head) => {
    expect(detectFormat(head)).toBe(format);
  });

  it.each([
    ["empty", ""],
    ["blank", " \n\r\n\t"],
    ["prose", "Dear editor,\nI enclose the title, authors and abstract of our paper, as requested.\n"],
    ["a PNG", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000"],
    ["other XML", '<?xml version="1.0"?><html><body>hi</body></html>'],
    ["other JSON", '{"name": "sift", "version": "0.1.0"}'],
    ["a one-column table", "title\nA\nB\n"],
    ["a WoS-like PT line alone", "PT J\nsome text\n"],
  ])("null for %s", (_what, head) => {
    expect(detectFormat(head, "export.ris")).toBeNull();
  });

  it("goes by content, not by the file name", () => {
    expect(detectFormat("PMID- 1\nTI  - x\n", "pubmed.ris")).toBe("medline");
    expect(detectFormat("TY  - JOUR\n", "export.txt")).toBe("ris");
    expect(detectFormat("FN Clarivate Analytics Web of Science\n", "savedrecs.txt")).toBe("wos");
  });

  it("lets the extension settle a file that holds both a table header and tagged content", () => {
    const head = "% title, author, year\n@article{x,\n  title = {A}\n}\n";
    expect(detectFormat(head, "refs.bib")).toBe("bibtex");
    expect(detectFormat(head, "refs.txt")).toBe("csv");
  });
});
