import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import { parseCsv, parseTsv } from "./delimited";
import {
  expectedCounts,
  haveSharedFixtures,
  parseText,
  readSharedExport,
  warnIfNoSharedFixtures,
} from "./parser.fixture";

const WITH_PREAMBLE = [
  '"SEARCH QUERY","dinosaur:ti"',
  "-------------------------------------",
  "",
  '"Title","Author Names","Source title","Publication Year","Volume","Issue","First Page","Last Page","DOI","Medline PMID","Clinical Trial Numbers"',
  '"A first ""quoted"" title","Yang Z., McNamara M.E.","Nature","2024","15","1","12","19","https://doi.org/10.1038/ABC","38773066","NCT01234567"',
  '"A second title, over',
  'two lines","Doe J.","Science","2023",,,,,,,',
  '"Short row","Roe K."',
].join("\r\n");

describe("parseCsv", () => {
  it("finds the header below a preamble and maps the columns", async () => {
    const { records, lines, skipped } = await parseText(parseCsv, WITH_PREAMBLE);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([5, 6, 8]);
    expect(records[0]).toMatchObject({
      title: 'A first "quoted" title',
      authors: ["Yang, Z.", "McNamara, M.E."],
      journal: "Nature",
      year: 2024,
      volume: "15",
      issue: "1",
      pages: "12-19",
      doi: "10.1038/abc",
      pmid: "38773066",
      nctIds: ["NCT01234567"],
    });
    expect(records[0]!.raw).toMatchObject({ Title: 'A first "quoted" title', "Medline PMID": "38773066" });
    expect(records[1]).toMatchObject({ title: "A second title, over two lines", authors: ["Doe, J."], year: 2023 });
    expect(records[2]).toMatchObject({ title: "Short row", authors: ["Roe, K."] });
  });

  it("gives the same records whatever the chunk size", async () => {
    const whole = await parseText(parseCsv, WITH_PREAMBLE);
    for (const size of [1, 5, 100]) expect(await parseText(parseCsv, WITH_PREAMBLE, size)).toEqual(whole);
  });

  it("reads ';'-separated files with a padded preamble, Excel's =\"…\" and pandas' nan", async () => {
    const text =
      '\uFEFFSEARCH QUERY;dinosaur:ti;;;\n;;;;\nTitle;Authors;ISSN;Year;Language\n"Café, au lait";"Smith, J.; Doe, K.";="0012345";nan;="";extra\n';
    const { records } = await parseText(parseCsv, text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title: "Café, au lait",
      authors: ["Smith, J.", "Doe, K."],
      year: null,
      language: null,
    });
    expect(records[0]!.raw).toEqual({
      Title: "Café, au lait",
      Authors: "Smith, J.; Doe, K.",
      ISSN: "0012345",
      "column 6": "extra",
    });
  });

  it("counts rows with an empty title, and skips blank rows and one-cell section headings", async () => {
    const text =
      'title,abstract,journal\n"",An abstract,J\n\n,,\ncitations that are not yet labeled by anyone\n"Third",,J';
    const { records, lines } = await parseText(parseCsv, text);
    expect(records.map((r) => [r.title, r.abstract])).toEqual([
      ["", "An abstract"],
      ["Third", ""],
    ]);
    expect(lines).toEqual([2, 6]);
  });

  it("reads identifiers Zotero keeps in Extra, and the parts of Embase's citation-style Source", async () => {
    const text = [
      "Title,Extra,Source",
      'A,"Place: US PMID: 35319117  PMCID: PMC9151451","Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014"',
    ].join("\n");
    const [record] = (await parseText(parseCsv, text)).records;
    expect(record).toMatchObject({
      pmid: "35319117",
      pmcid: "PMC9151451",
      journal: "Endoscopic Ultrasound",
      year: 2014,
      volume: "3",
      issue: "3",
      pages: "152-160",
    });
  });

  it("treats Abstrackr's 0 as no PubMed id and takes a URL out of trailing text", async () => {
    const text = 'title,pubmed id,url\nA,0,"https://example.org/x     U2  - L123"\n';
    const [record] = (await parseText(parseCsv, text)).records;
    expect(record).toMatchObject({ pmid: null, url: "https://example.org/x" });
  });

  it("reports a quote that never closes at the line of its row", async () => {
    const { records, skipped } = await parseText(parseCsv, 'title,year\nFine,2020\n"Broken,2021\nLost,2022\n');
    expect(records.map((r) => r.title)).toEqual(["Fine"]);
    expect(skipped).toEqual([{ line: 3, message: expect.stringMatching(/Quote Not Closed/) }]);
  });

  it("rejects a file without a title column", async () => {
    await expect(parseText(parseCsv, "name,age\nAnn,3\n")).rejects.toThrow(NotBibliographicError);
    await expect(parseText(parseCsv, "")).rejects.toThrow(NotBibliographicError);
  });
});

describe("parseTsv", () => {
  it("reads tab-separated rows, commas and semicolons inside cells included", async () => {
    const text = "Title\tAuthors\tKeywords\nOne, two; three\tSmith, J.; Doe, K.\ta; b\n";
    const [record] = (await parseText(parseTsv, text)).records;
    expect(record).toMatchObject({ title: "One, two; three", authors: ["Smith, J.", "Doe, K."], keywords: ["a", "b"] });
  });

  it("reads Web of Science's tab-delimited export by its two-letter columns", async () => {
    const text = [
      "PT\tAU\tAF\tTI\tSO\tDE\tAB\tPY\tVL\tIS\tBP\tEP\tDI\tPM\tUT",
      "J\tSmith, J; Doe, K\tSmith, John; Doe, Kim\tA title\tJOURNAL OF THINGS\tcats; dogs\tAn abstract.\t2019\t12\t3\t101\t109\t10.1000/xyz\t31000001\tWOS:000123",
    ].join("\n");
    const [record] = (await parseText(parseTsv, text)).records;
    expect(record).toMatchObject({
      title: "A title",
      authors: ["Smith, John", "Doe, Kim"],
      journal: "JOURNAL OF THINGS",
      keywords: ["cats", "dogs"],
      year: 2019,
      pages: "101-109",
      doi: "10.1000/xyz",
      pmid: "31000001",
    });
  });
});

warnIfNoSharedFixtures("CSV and TSV shared fixtures");

describe.skipIf(!haveSharedFixtures)("parseCsv and parseTsv on the shared exports", () => {
  const cases = haveSharedFixtures ? [...expectedCounts("csv"), ...expectedCounts("tsv")] : [];
  for (const expected of cases) {
    it(`${expected.path}: ${expected.records} records`, async () => {
      const parser = expected.format === "tsv" ? parseTsv : parseCsv;
      const { records, skipped } = await parseText(parser, readSharedExport(expected.path), 1000);
      expect(records).toHaveLength(expected.records);
      expect(skipped).toHaveLength(expected.bad);
      expect(records[0]!.title.startsWith(expected.firstTitle)).toBe(true);
    });
  }

  const read = async (file: string) => parseText(parseCsv, readSharedExport(file), 1000);

  it("_baseline_pubmed.csv: PubMed's author list, ids and journal", async () => {
    const [record] = (await read("cff-csv/_baseline_pubmed.csv")).records;
    expect(record).toMatchObject({
      authors: ["Griffin, DK", "Larkin, DM", "O'Connor, RE"],
      journal: "Eur J Med Genet",
      year: 2020,
      pmid: "30922926",
      pmcid: "PMC7026692",
      doi: "10.1016/j.ejmg.2019.03.004",
    });
  });

  it("_baseline_scopus.csv: full author names without their Scopus ids", async () => {
    const [record] = (await read("cff-csv/_baseline_scopus.csv")).records;
    expect(record!.authors.slice(0, 2)).toEqual(["Wilson, Lauren N.", "Gardner, Jacob D."]);
    expect(record).toMatchObject({
      journal: "Nature Communications",
      volume: "15",
      issue: "1",
      pmid: "38580657",
      doi: "10.1038/s41467-024-46843-2",
    });
  });

  it("_baseline_embase.csv and _baseline_excel.csv: the same first record below their preambles", async () => {
    for (const file of ["cff-csv/_baseline_embase.csv", "cff-csv/_baseline_excel.csv"]) {
      const { records, lines } = await read(file);
      expect(lines[0]).toBe(5);
      expect(records[0]).toMatchObject({
        authors: ["Yang, Z.", "Jiang, B.", "Xu, J.", "McNamara, M.E."],
        year: 2024,
        pmid: "38773066",
      });
    }
  });

  it("_baseline_abstrackr.csv: multi-line rows start on their own lines; the heading row is not a record", async () => {
    const { records, lines } = await read("cff-csv/_baseline_abstrackr.csv");
    expect(lines).toEqual([2, 8, 11, 16, 24, 30, 37, 39, 45, 51]);
    expect(records[0]!.authors).toEqual(["Longrich, N.R.", "Pereda-Suberbiola, X.", "Bardet, N.", "Jalil, N.-E."]);
  });

  it("_baseline_cinahl.csv and _baseline_openalex.csv: Excel's =\"…\" dates and OpenAlex's '|' lists", async () => {
    const [cinahl] = (await read("cff-csv/_baseline_cinahl.csv")).records;
    expect(cinahl).toMatchObject({ year: 2024, journal: "PLoS ONE", doi: "10.1371/journal.pone.0298242" });
    const [openalex] = (await read("cff-csv/_baseline_openalex.csv")).records;
    expect(openalex).toMatchObject({
      authors: ["Alba Vicente", "Josep Sanjuan", "Jordi Pérez-Cano", "Khaled Trabelsi", "Carles Martín–Closas"],
      journal: "Cretaceous Research",
      doi: "10.1016/j.cretres.2023.105752",
      keywords: ["Archipelago", "Aptian", "Paleoclimatology"],
    });
  });

  it("asysd/zotero_export.csv: PMIDs from Zotero's Extra column", async () => {
    const { records } = await read("asysd/zotero_export.csv");
    expect(records[0]).toMatchObject({
      authors: ["Rotter, Carina", "Whittaker, Danielle", "Rusbridge, Clare"],
      doi: "10.1111/jvim.16404",
      pmid: "35319117",
      pmcid: "PMC9151451",
      year: 2022,
    });
  });
});
