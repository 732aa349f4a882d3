import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./search-query";

describe("parseSearchQuery", () => {
  it("reads nothing from blanks, punctuation alone, or exclusions alone", () => {
    expect(parseSearchQuery("")).toEqual({ kind: "none" });
    expect(parseSearchQuery("   \t ")).toEqual({ kind: "none" });
    expect(parseSearchQuery(" - ; ")).toEqual({ kind: "none" });
    expect(parseSearchQuery("-mouse -rat")).toEqual({ kind: "none" });
  });

  it("normalises DOIs as import does: resolver prefixes and case go, trailing punctuation too", () => {
    expect(parseSearchQuery("10.1016/J.JNS.2019.01.001")).toEqual({ kind: "doi", doi: "10.1016/j.jns.2019.01.001" });
    expect(parseSearchQuery("https://doi.org/10.1212/WNL.0000000000001234.")).toEqual({
      kind: "doi",
      doi: "10.1212/wnl.0000000000001234",
    });
    expect(parseSearchQuery("doi: 10.1002/ana.24436")).toEqual({ kind: "doi", doi: "10.1002/ana.24436" });
    expect(parseSearchQuery("https://dx.doi.org/10.1002/ANA.24436")).toEqual({ kind: "doi", doi: "10.1002/ana.24436" });
  });

  it("reads PMIDs with a prefix or a PubMed link, and bare numbers of five digits or more", () => {
    expect(parseSearchQuery("PMID: 31234567")).toEqual({ kind: "pmid", pmid: "31234567" });
    expect(parseSearchQuery("pubmed 123")).toEqual({ kind: "pmid", pmid: "123" });
    expect(parseSearchQuery("https://pubmed.ncbi.nlm.nih.gov/29876543/")).toEqual({ kind: "pmid", pmid: "29876543" });
    expect(parseSearchQuery("031234")).toEqual({ kind: "pmid", pmid: "31234" });
  });

  it("searches a year or a dose as a word, not as a PMID", () => {
    expect(parseSearchQuery("2019")).toMatchObject({ kind: "words", tsquery: "'2019':*" });
    expect(parseSearchQuery("500")).toMatchObject({ kind: "words", tsquery: "'500'" });
  });

  it("reads trial register ids in any case, with or without the space some exports put in", () => {
    expect(parseSearchQuery("nct01234567")).toEqual({ kind: "nct", nctId: "NCT01234567" });
    expect(parseSearchQuery("NCT 01234567")).toEqual({ kind: "nct", nctId: "NCT01234567" });
    expect(parseSearchQuery("nct: NCT01234567")).toEqual({ kind: "nct", nctId: "NCT01234567" });
    expect(parseSearchQuery("NCT0123456")).toMatchObject({ kind: "words" });
  });

  it("makes words of four letters or more prefixes and keeps shorter ones (ALS, MSC) exact", () => {
    expect(parseSearchQuery("stem cell ALS")).toEqual({
      kind: "words",
      tsquery: "'stem':* & 'cell':* & 'ALS'",
      text: "stem cell ALS",
      plain: true,
    });
    expect(parseSearchQuery("rat*")).toMatchObject({ tsquery: "'rat':*" });
  });

  it("keeps quoted phrases in order, excludes terms with a minus, and quotes every word so none is an operator", () => {
    expect(parseSearchQuery('"stem cell" -mouse')).toMatchObject({
      tsquery: "('stem' <-> 'cell') & !'mouse':*",
      plain: false,
    });
    expect(parseSearchQuery('-"animal model" transplant')).toMatchObject({
      tsquery: "!('animal' <-> 'model') & 'transplant':*",
    });
    expect(parseSearchQuery("O'Brien & (x | y) !z")).toMatchObject({
      tsquery: "'O''Brien':* & '(x' & 'y)' & '!z'",
    });
    expect(parseSearchQuery("back\\slash")).toMatchObject({ tsquery: "'back\\\\slash':*" });
  });

  it("keeps an unclosed quote's words as a phrase and ignores an empty one", () => {
    expect(parseSearchQuery('"lateral sclerosis')).toMatchObject({ tsquery: "('lateral' <-> 'sclerosis')" });
    expect(parseSearchQuery('"" motor')).toMatchObject({ tsquery: "'motor':*" });
  });

  it("caps the number of terms", () => {
    const parsed = parseSearchQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" "));
    expect(parsed.kind === "words" && parsed.tsquery.split(" & ")).toHaveLength(32);
  });
});
