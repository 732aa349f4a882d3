import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import { parseEndnoteXml } from "./endnote-xml";
import {
  expectedCounts,
  haveSharedFixtures,
  parseText,
  readSharedExport,
  warnIfNoSharedFixtures,
} from "./parser.fixture";

const s = (text: string) => `<style face="normal" font="default" size="100%">${text}</style>`;

// EndNote's own export: one line, text in <style> runs, the PMID in accession-num with its database named.
const ENDNOTE =
  `<?xml version="1.0" encoding="UTF-8" ?><xml><records>` +
  `<record><database name="My.enl" path="C:\\My.enl">My.enl</database><source-app name="EndNote" version="20.0">EndNote</source-app>` +
  `<rec-number>1</rec-number><ref-type name="Journal Article">17</ref-type>` +
  `<contributors><authors><author>${s("Smith, J.")}</author><author>${s("Jones, K.")}</author></authors>` +
  `<secondary-authors><author>${s("Editor, E.")}</author></secondary-authors></contributors>` +
  `<titles><title>${s("Effect of ")}<style face="italic" font="default" size="100%">E. coli</style>${s(" on things")}</title>` +
  `<secondary-title>${s("J Things")}</secondary-title></titles>` +
  `<periodical><full-title>${s("Journal of Things")}</full-title></periodical>` +
  `<pages>${s("73-76")}</pages><volume>${s("12")}</volume><number>${s("3")}</number>` +
  `<keywords><keyword>${s("alpha\rbeta")}</keyword><keyword>${s("gamma")}</keyword></keywords>` +
  `<dates><year>${s("2019")}</year><pub-dates><date>${s("Mar")}</date></pub-dates></dates>` +
  `<accession-num>${s("31000001")}</accession-num><electronic-resource-num>${s("https://doi.org/10.1000/ABC")}</electronic-resource-num>` +
  `<abstract>${s("Registered as NCT01234567. Results &amp; more &lt;here&gt;.")}</abstract>` +
  `<urls><related-urls><url>${s("https://example.org/a")}</url></related-urls></urls>` +
  `<custom2>${s("PMC7000001")}</custom2>` +
  `<remote-database-name>${s("PubMed")}</remote-database-name><language>${s("eng")}</language></record>` +
  // Zotero's and Mendeley's: plain text, no database named for the accession number.
  `<record><ref-type name="Generic">13</ref-type><contributors><authors><author>Doe, Ann</author></authors></contributors>` +
  `<titles><title>Second</title><secondary-title>Book of Things</secondary-title></titles>` +
  `<issue>4</issue><dates><year>1999</year></dates><accession-num>23122173</accession-num><urls/></record>` +
  `</records></xml>`;

describe("parseEndnoteXml", () => {
  it("reads EndNote's styled text and maps every field", async () => {
    const { records, skipped, lines } = await parseText(parseEndnoteXml, ENDNOTE);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([1, 2]); // the keyword list holds a line break
    expect(records[0]).toMatchObject({
      title: "Effect of E. coli on things",
      abstract: "Registered as NCT01234567. Results & more <here>.",
      authors: ["Smith, J.", "Jones, K."],
      year: 2019,
      journal: "Journal of Things",
      volume: "12",
      issue: "3",
      pages: "73-76",
      doi: "10.1000/abc",
      pmid: "31000001",
      pmcid: "PMC7000001",
      nctIds: ["NCT01234567"],
      keywords: ["alpha", "beta", "gamma"],
      type: "Journal Article",
      language: "eng",
      url: "https://example.org/a",
    });
    expect(records[0]!.raw["ref-type@name"]).toBe("Journal Article");
    expect(records[0]!.raw["contributors/secondary-authors/author"]).toBe("Editor, E.");
  });

  it("keeps an accession number from an unnamed database in raw only", async () => {
    const second = (await parseText(parseEndnoteXml, ENDNOTE)).records[1]!;
    expect(second).toMatchObject({
      title: "Second",
      journal: "Book of Things",
      issue: "4",
      year: 1999,
      type: "Generic",
      pmid: null,
    });
    expect(second.raw["accession-num"]).toBe("23122173");
  });

  it("gives the same records whatever the chunk size", async () => {
    const whole = await parseText(parseEndnoteXml, ENDNOTE);
    for (const size of [1, 13, 500]) expect(await parseText(parseEndnoteXml, ENDNOTE, size)).toEqual(whole);
  });

  it("skips a malformed record and keeps the others", async () => {
    const broken = ENDNOTE.replace("<volume>", "<volume><b>");
    const { records, skipped } = await parseText(parseEndnoteXml, broken);
    expect(records.map((r) => r.title)).toEqual(["Second"]);
    expect(skipped).toEqual([{ line: 1, message: expect.stringMatching(/^malformed XML/) }]);
  });

  it("rejects other XML", async () => {
    await expect(parseText(parseEndnoteXml, "<PubmedArticleSet></PubmedArticleSet>")).rejects.toThrow(
      NotBibliographicError,
    );
  });
});

warnIfNoSharedFixtures("EndNote XML shared fixtures");

describe.skipIf(!haveSharedFixtures)("parseEndnoteXml on the shared exports", () => {
  for (const expected of haveSharedFixtures ? expectedCounts("endnote-xml") : []) {
    it(`${expected.path}: ${expected.records} records`, async () => {
      const { records, skipped } = await parseText(parseEndnoteXml, readSharedExport(expected.path), 1000);
      expect(records).toHaveLength(expected.records);
      expect(skipped).toHaveLength(expected.bad);
      expect(records[0]!.title.startsWith(expected.firstTitle)).toBe(true);
      expect(records[0]).toMatchObject({
        authors: ["Rotter, Carina", "Whittaker, Danielle", "Rusbridge, Clare"],
        year: 2022,
        journal: "Journal of veterinary internal medicine",
        volume: "36",
        issue: "3",
        pages: "1032-1038",
        doi: "10.1111/jvim.16404",
        language: "eng",
        type: "Journal Article",
      });
    });
  }

  it("mendeley_export.xml: 100 Generic records, accession numbers kept in raw", async () => {
    const { records } = await parseText(parseEndnoteXml, readSharedExport("asysd/mendeley_export.xml"), 1000);
    expect(records.filter((r) => r.type === "Generic")).toHaveLength(100);
    expect(records[0]!.raw["accession-num"]).toBe("35319117");
    expect(records[0]!.keywords).toContain("Myoclonus");
  });
});
