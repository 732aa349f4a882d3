import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import { parseText } from "./parser.fixture";
import { parseRis } from "./ris";

const BASIC = [
  "TY  - JOUR",
  "AU  - Shannon, Claude E.",
  "AU  - Weaver, Warren",
  "A2  - Editor, Ed",
  "PY  - 1948/07//",
  "TI  - A Mathematical Theory of Communication",
  "JF  - Bell System Technical Journal",
  "VL  - 27",
  "IS  - 3",
  "SP  - 379",
  "EP  - 423",
  "DO  - https://doi.org/10.1002/J.1538-7305.1948.TB01338.X",
  "KW  - information; entropy",
  "KW  - coding",
  "LA  - English",
  "UR  - http://example.com/a; http://example.com/b",
  "UR  - http://example.com/c",
  "N1  - Registered as NCT01234567",
  "ER  - ",
].join("\n");

describe("parseRis", () => {
  it("maps the common tags", async () => {
    const { records, lines, skipped } = await parseText(parseRis, BASIC);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([1]);
    expect(records[0]).toMatchObject({
      title: "A Mathematical Theory of Communication",
      authors: ["Shannon, Claude E.", "Weaver, Warren"],
      year: 1948,
      journal: "Bell System Technical Journal",
      volume: "27",
      issue: "3",
      pages: "379-423",
      doi: "10.1002/j.1538-7305.1948.tb01338.x",
      keywords: ["information", "entropy", "coding"],
      type: "JOUR",
      language: "English",
      url: "http://example.com/a",
      nctIds: ["NCT01234567"],
    });
    expect(records[0]!.raw.UR).toEqual(["http://example.com/a; http://example.com/b", "http://example.com/c"]);
    expect(records[0]!.raw.A2).toBe("Editor, Ed");
  });

  it("reads the same records whatever the chunk size", async () => {
    const whole = await parseText(parseRis, BASIC);
    for (const size of [1, 2, 3, 7, 64]) expect(await parseText(parseRis, BASIC, size)).toEqual(whole);
  });

  it("handles CRLF, bare CR and LF mixed, with a chunk cut between \\r and \\n", async () => {
    const text = "\uFEFFTY  - JOUR\r\nTI  - One\rAU  - A, B\nER  - \r\nTY  - BOOK\r\nTI  - Two\r\nER  -";
    for (const size of [1, 2, text.length]) {
      const { records } = await parseText(parseRis, text, size);
      expect(records.map((r) => [r.type, r.title, r.authors])).toEqual([
        ["JOUR", "One", ["A, B"]],
        ["BOOK", "Two", []],
      ]);
    }
  });

  it("ignores Ovid numbers, Cochrane headers and blank lines between records", async () => {
    const text = [
      "",
      "",
      "Record #1 of 2",
      "Provider: John Wiley & Sons, Ltd.",
      'Content: text/plain; charset="UTF-8"',
      "",
      "1.",
      "TY  -  JOUR",
      "TI  -  Extra spaces after the dash",
      "ER  -  ",
      "NL  - Clin Psychol Psychother",
      "",
      "Link to the Ovid Full Text or citation: https://ovid.example/x",
      "",
      "2. ",
      "TY  - JOUR",
      "TI  - Second",
      "ER  -",
    ].join("\n");
    const { records, lines } = await parseText(parseRis, text);
    expect(records.map((r) => r.title)).toEqual(["Extra spaces after the dash", "Second"]);
    expect(lines).toEqual([8, 16]);
    expect(records[0]!.raw).not.toHaveProperty("NL");
  });

  it("appends untagged lines to the field above, and an 'ER' that is text does not end the record", async () => {
    const text = [
      "TY  - JOUR",
      "N2  - first line,",
      "ER then second line",
      "",
      "the last line",
      "KW  - Health Facility Administration",
      "Joint Commission",
      "Standards",
      "ER  -",
    ].join("\n");
    const { records } = await parseText(parseRis, text);
    expect(records).toHaveLength(1);
    expect(records[0]!.abstract).toBe("first line, ER then second line the last line");
    expect(records[0]!.raw.N2).toBe("first line,\nER then second line\nthe last line");
    expect(records[0]!.keywords).toEqual(["Health Facility Administration", "Joint Commission", "Standards"]);
  });

  it("keeps records with no fields, no title or an empty tag", async () => {
    const text = "TY  -\nER  -\n\nTY  - GEN\nTI  -\nSP  -\nER  -\nTY  - EJOUR\nAB  - Only an abstract\nER  -";
    const { records } = await parseText(parseRis, text);
    expect(records.map((r) => [r.type, r.title, r.pages])).toEqual([
      [null, "", null],
      ["GEN", "", null],
      ["EJOUR", "", null],
    ]);
    expect(records[1]!.raw).toEqual({ TY: "GEN", TI: "", SP: "" });
  });

  it("takes the title from T1 or the short title when TI is absent", async () => {
    const { records } = await parseText(parseRis, "TY  - JOUR\nT1  - From T1\nER  -\nTY  - JOUR\nST  - Short\nER  -");
    expect(records.map((r) => r.title)).toEqual(["From T1", "Short"]);
  });

  it("reads years from Y1 and DA, and none from a malformed PY", async () => {
    const { records } = await parseText(
      parseRis,
      "TY  - JOUR\nY1  - 2020//\nER  -\nTY  - JOUR\nPY  - 10 15\nER  -\nTY  - JOUR\nDA  - 2019 Mar 5\nER  -",
    );
    expect(records.map((r) => r.year)).toEqual([2020, null, 2019]);
  });

  it("splits one AU line that holds every author", async () => {
    const { records } = await parseText(
      parseRis,
      "TY  - JOUR\nAU  - Smith, J.; Jones, K. ;Lee, M.\nA1  - Wu, X\nER  -",
    );
    expect(records[0]!.authors).toEqual(["Smith, J.", "Jones, K.", "Lee, M.", "Wu, X"]);
  });

  it("keeps thousands of authors and unknown tags", async () => {
    const authors = Array.from({ length: 7456 }, (_, i) => `AU  - Author${i}, A`).join("\n");
    const { records } = await parseText(
      parseRis,
      `TY  - JOUR\nJP  - CRISPR\nJP  - Direct Current\n${authors}\nDC  - x\nER  -`,
    );
    expect(records[0]!.authors).toHaveLength(7456);
    expect(records[0]!.raw).toMatchObject({ JP: ["CRISPR", "Direct Current"], DC: "x" });
  });

  it("reads records with no blank line between them and no final newline or ER", async () => {
    const { records } = await parseText(
      parseRis,
      "TY  - EJOUR\nTI  - A\nER  - \nTY  - EJOUR\nTI  - B\nER  - \nTY  - EJOUR\nTI  - C",
    );
    expect(records.map((r) => r.title)).toEqual(["A", "B", "C"]);
  });

  it("keeps a record whose TY line is damaged, once an ER closes it", async () => {
    const { records } = await parseText(parseRis, "TY  - JOUR\nTI  - A\nER  -\nT?  - JOUR\nTI  - B\nER  -");
    expect(records.map((r) => [r.type, r.title])).toEqual([
      ["JOUR", "A"],
      [null, "B"],
    ]);
  });

  it("finds a DOI in a doi.org link or a DOI-only note when DO is absent, not in reference lists", async () => {
    const text = [
      "TY  - JOUR\nUR  - https://doi.org/10.1016/J.GR.2023.11.010\nER  -",
      "TY  - JOUR\nM3  - doi: 10.1000/xyz\nER  -",
      "TY  - JOUR\nN1  - References: Smith (2001) 10.1000/cited\nUR  - https://www.scopus.com/record?doi=10.1000%2fabc\nER  -",
      "TY  - JOUR\nDO  - 10.1038/s41467-024-48400-3     LK  - https://example.org\nER  -",
      "TY  - JOUR\nDO  - 10.1000/%E0%A4\nER  -",
    ].join("\n");
    const { records } = await parseText(parseRis, text);
    expect(records.map((r) => r.doi)).toEqual([
      "10.1016/j.gr.2023.11.010",
      "10.1000/xyz",
      null,
      "10.1038/s41467-024-48400-3",
      "10.1000/%e0%a4",
    ]);
  });

  it("takes a PMID only where the exporter makes it unambiguous", async () => {
    const text = [
      "TY  - JOUR\nAN  - 22424230\nDP  - NLM\nC2  - PMC3319071\nER  -",
      "TY  - JOUR\nC2  - 31421429\nDB  - Scopus\nER  -",
      "TY  - JOUR\nC3  - PUBMED 38407106,EMBASE 643589775\nER  -",
      "TY  - JOUR\nUR  - https://www.ncbi.nlm.nih.gov/pubmed/23162881\nER  -",
      "TY  - JOUR\nAN  - 2214991469; 51887\nC2  - 15344782\nER  -",
      "TY  - JOUR\nAN  - WOS:000376252000001\nER  -",
    ].join("\n");
    const { records } = await parseText(parseRis, text);
    expect(records.map((r) => r.pmid)).toEqual(["22424230", "31421429", "38407106", "23162881", null, null]);
    expect(records[0]!.pmcid).toBe("PMC3319071");
  });

  it("ignores Ovid's placeholder pages", async () => {
    const { records } = await parseText(
      parseRis,
      "TY  - JOUR\nSP  - No\nEP  - Specified\nER  -\nTY  - JOUR\nSP  - 1-5\nER  -",
    );
    expect(records.map((r) => r.pages)).toEqual([null, "1-5"]);
  });

  it("throws NotBibliographicError for text with no RIS record, and yields nothing for empty text", async () => {
    await expect(parseText(parseRis, "PMID- 123\nTI  - A MEDLINE file\n")).rejects.toThrow(NotBibliographicError);
    expect((await parseText(parseRis, "\n\n")).records).toEqual([]);
  });
});
