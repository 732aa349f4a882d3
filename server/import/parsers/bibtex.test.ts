import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import { parseBibtex } from "./bibtex";
import {
  expectedCounts,
  haveSharedFixtures,
  parseText,
  readSharedExport,
  warnIfNoSharedFixtures,
} from "./parser.fixture";

const LIBRARY = String.raw`% A hand-written library. @article{not, title = {in a comment}}
@preamble{"\newcommand{\noop}[1]{}"}
@STRING{ jams = {J.~Amer. Math. Soc.} }
@string{ jamsx = jams # " (extra)" }

@Article{laide2013,
  author    = {van der Berg, Jan and {World Health Organization} and M{\"u}ller, H. and Jean C{\'e}sar},
  title     = {{An} amazing {\textit{in vivo}} title with {\'e}, 50% and p < 0.05},
  journal   = jamsx,
  year      = 2013,
  volume    = {12},
  number    = "3",
  pages     = {73--76},
  doi       = {https://doi.org/10.1000/ABC\_1},
  keywords  = {alpha, beta; gamma},
  abstract  = {Line one
    continues here. NCT01234567.},
  language  = {English},
  eprinttype = {pubmed},
  eprint    = {31000001}
}

@comment{jabref-meta: databaseType:bibtex;}

@inproceedings(paren,
  title = "A (bracketed) title",
  booktitle = jams,
  year = {2020}
)
`;

describe("parseBibtex", () => {
  it("maps fields, turning LaTeX into text and applying @string macros", async () => {
    const { records, skipped, lines } = await parseText(parseBibtex, LIBRARY);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([6, 25]);
    expect(records[0]).toMatchObject({
      title: "An amazing in vivo title with é, 50% and p < 0.05",
      authors: ["van der Berg, Jan", "World Health Organization", "Müller, H.", "César, Jean"],
      journal: "J. Amer. Math. Soc. (extra)",
      year: 2013,
      volume: "12",
      issue: "3",
      pages: "73-76",
      doi: "10.1000/abc_1",
      pmid: "31000001",
      keywords: ["alpha", "beta", "gamma"],
      abstract: "Line one continues here. NCT01234567.",
      nctIds: ["NCT01234567"],
      language: "English",
      type: "article",
    });
    expect(records[0]!.raw).toMatchObject({ "@type": "article", "@key": "laide2013", year: "2013", number: "3" });
  });

  it("reads parenthesised entries and ignores @comment, @preamble and %-lines", async () => {
    const { records } = await parseText(parseBibtex, LIBRARY);
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({
      title: "A (bracketed) title",
      journal: "J. Amer. Math. Soc.",
      year: 2020,
      type: "inproceedings",
    });
  });

  it("gives the same records whatever the chunk size", async () => {
    const whole = await parseText(parseBibtex, LIBRARY);
    for (const size of [1, 7, 64]) expect(await parseText(parseBibtex, LIBRARY, size)).toEqual(whole);
  });

  it("keeps an entry whose field name has a space, with the fields after it", async () => {
    const text =
      "@ARTICLE{Li2020,\nauthor={Li, W. and Dou, Z.},\ntitle={Soil fauna},\nfunding_text\u00a01={Grant 1},\nfunding text 2={Grant 2},\npublisher={Taylor and Francis Ltd.},\nyear={2020},\n}\n";
    const { records, skipped } = await parseText(parseBibtex, text);
    expect(skipped).toEqual([]);
    expect(records[0]).toMatchObject({ title: "Soil fauna", authors: ["Li, W.", "Dou, Z."], year: 2020 });
    expect(records[0]!.raw).toMatchObject({
      funding_text_1: "Grant 1",
      funding_text_2: "Grant 2",
      publisher: "Taylor and Francis Ltd.",
    });
  });

  it("tolerates missing commas and keeps the first of duplicate fields, all of them in raw", async () => {
    const text = "@article{a,\n title = {First}\n year = {2001}\n title = {Second}\n}\n";
    const [record] = (await parseText(parseBibtex, text)).records;
    expect(record).toMatchObject({ title: "First", year: 2001 });
    expect(record!.raw.title).toEqual(["First", "Second"]);
  });

  it("skips an entry that never closes, reporting its line, and reads on from the next entry", async () => {
    const text =
      "@article{a, title = {Fine}}\n@article{b,\n  title = {Never closed,\n  year = {2001}\n@article{c, title = {Also fine}}\n";
    const { records, skipped } = await parseText(parseBibtex, text);
    expect(records.map((r) => r.title)).toEqual(["Fine", "Also fine"]);
    expect(skipped).toEqual([{ line: 2, message: expect.stringMatching(/never closes/) }]);
  });

  it("keeps the last entry when only its final brace is missing", async () => {
    const { records, skipped } = await parseText(
      parseBibtex,
      "@article{a,\n  title = {Whole values},\n  year = {2001}\n",
    );
    expect(skipped).toEqual([]);
    expect(records[0]).toMatchObject({ title: "Whole values", year: 2001 });
  });

  it("reads Zotero's {\\textless} and {\\textgreater} as the characters", async () => {
    const text = String.raw`@article{a, abstract = {p {\textless} 0.05 and n {\textgreater} 10, 50\% of {DNA}}}`;
    expect((await parseText(parseBibtex, text)).records[0]!.abstract).toBe("p < 0.05 and n > 10, 50% of DNA");
  });

  it("reads a value nested 100,000 braces deep in linear time", async () => {
    const text = `@article{k, title = ${"{".repeat(100_000)}x${"}".repeat(100_000)}}`;
    expect((await parseText(parseBibtex, text)).records[0]!.title).toBe("x");
  });

  it("falls back to rough text for a value the library rejects, converting the others", async () => {
    const text = String.raw`@article{a, title = {Broken $math \end{x} here}, author = {Jean C{\'e}sar}}`;
    const { records } = await parseText(parseBibtex, text);
    expect(records[0]!.title).toMatch(/^Broken math/);
    expect(records[0]!.authors).toEqual(["César, Jean"]);
  });

  it("rejects text without any entry, and reads an empty file as no records", async () => {
    await expect(parseText(parseBibtex, "TY  - JOUR\nTI  - A title\nER  - \n")).rejects.toThrow(NotBibliographicError);
    expect((await parseText(parseBibtex, "")).records).toEqual([]);
  });
});

warnIfNoSharedFixtures("BibTeX shared fixtures");

describe.skipIf(!haveSharedFixtures)("parseBibtex on the shared exports", () => {
  for (const expected of haveSharedFixtures ? expectedCounts("bibtex") : []) {
    it(`${expected.path}: ${expected.records} records`, async () => {
      const { records, skipped } = await parseText(parseBibtex, readSharedExport(expected.path), 1000);
      expect(records).toHaveLength(expected.records);
      expect(skipped).toHaveLength(expected.bad);
      expect(records[0]!.title.startsWith(expected.firstTitle)).toBe(true);
    });
  }

  it("zotero_export.bib: authors, year, journal, pages and DOIs", async () => {
    const { records } = await parseText(parseBibtex, readSharedExport("asysd/zotero_export.bib"), 1000);
    expect(records[0]).toMatchObject({
      title: "Microangiography of the humeral condyle in Cocker Spaniel and non-Cocker Spaniel dogs",
      authors: ["Larsen, LJ", "Roush, JK", "McLaughlin, RM", "Cash, WC"],
      year: 1999,
      journal: "VETERINARY AND COMPARATIVE ORTHOPAEDICS AND TRAUMATOLOGY",
      volume: "12",
      issue: "3",
      pages: "134-137",
      language: "English",
    });
    expect(records[1]).toMatchObject({ doi: "10.21521/mw.6330", year: 2019 });
  });

  it("Scopus_bib_example.bib: the entries with 'funding_text 1' keep all their fields", async () => {
    const { records } = await parseText(parseBibtex, readSharedExport("synthesisr/Scopus_bib_example.bib"), 1000);
    expect(records[0]).toMatchObject({
      authors: expect.arrayContaining(["Li, W.", "Pan, X."]),
      doi: "10.1080/20964129.2020.1722034",
      journal: "Ecosystem Health and Sustainability",
      language: "English",
      keywords: expect.arrayContaining(["Lake Taihu", "wetland restoration"]),
    });
    expect(records[0]!.raw).toMatchObject({ publisher: "Taylor and Francis Ltd.", document_type: "Article" });
    expect(records[0]!.raw.funding_text_1).toMatch(/^The Special Fund/);
  });

  it("biber-examples.bib: @set entries, a duplicate key, accents and @string journals", async () => {
    const { records } = await parseText(parseBibtex, readSharedExport("bibtex/biber-examples.bib"), 1000);
    expect(records.filter((r) => r.type === "set")).toHaveLength(3);
    expect(records.filter((r) => r.raw["@key"] === "tmn4")).toHaveLength(2);
    expect(records.filter((r) => r.title === "")).toHaveLength(21);
    const byKey = (key: string) => records.find((r) => r.raw["@key"] === key)!;
    expect(byKey("angenendt").journal).toBe("Revue d'Histoire Ecclésiastique");
    expect(byKey("bertram").journal).toBe("J. Amer. Math. Soc.");
    expect(byKey("set:aksin").authors[0]).toBe("Aksın, Özge");
    expect(byKey("sigfridsson").doi).toBe("10.1002/(sici)1096-987x(199803)19:4<377::aid-jcc1>3.0.co;2-p");
  });

  it("traps.bib and encoding.bib: accents, protective braces and a name split over two lines", async () => {
    const [trap] = (await parseText(parseBibtex, readSharedExport("bibtex/traps.bib"))).records;
    // Without " and " BibTeX reads "Jean Laid{\'e},\n Ben Loaeb" as one name, "Last, First".
    expect(trap).toMatchObject({ title: "An amazing title", authors: ["Jean Laidé, Ben Loaeb"], pages: "12-23" });
    const [encoded] = (await parseText(parseBibtex, readSharedExport("bibtex/encoding.bib"))).records;
    expect(encoded).toMatchObject({ title: "An amazing title: à", journal: "Elémentaire", authors: ["César, Jean"] });
  });
});
