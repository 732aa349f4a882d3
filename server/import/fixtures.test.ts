// Every real export in ../shared/fixtures read end to end, as an upload is: detection from content, counts, and
// for the tagged formats the fields themselves, checked against the files by hand.
import { createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedExports, exportPath, haveFixtures, MISSING_FIXTURES } from "./fixture-files";
import { parseFile } from "./parse-file";
import type { ParsedRecord } from "./types";

if (!haveFixtures) console.warn(MISSING_FIXTURES);

/**
 * Where Sift deliberately reads a first title the tsv does not: this record has no TI/T1, only a short title
 * (ST), which the RIS parser takes as the title rather than leave the record untitled.
 */
const TITLE_EXCEPTIONS: Record<string, string> = {
  "rispy/example_utf_chars.ris": "Состояние рецепторного аппарата эндометрия",
};

async function readExport(relativePath: string) {
  const { format, events } = await parseFile(createReadStream(exportPath(relativePath)), {
    fileName: path.basename(relativePath),
  });
  const records: ParsedRecord[] = [];
  let skipped = 0;
  for await (const event of events) {
    if (event.kind === "record") records.push(event.record);
    else skipped++;
  }
  return { format, records, skipped };
}

describe.skipIf(!haveFixtures)("real exports read as expected-counts.tsv says", () => {
  for (const row of expectedExports()) {
    it(`${row.path}: ${row.format}, ${row.records} records, ${row.bad} unreadable`, async () => {
      const { format, records, skipped } = await readExport(row.path);
      expect(format).toBe(row.format);
      expect(records).toHaveLength(row.records);
      expect(skipped).toBe(row.bad);
      const title = TITLE_EXCEPTIONS[row.path] ?? row.firstTitle;
      if (title) expect(records[0]?.title.slice(0, title.length)).toBe(title);
      else expect(records[0]?.title).toBe("");
    });
  }
});

describe.skipIf(!haveFixtures)("fields read from real exports", () => {
  it("RIS from Zotero (CRLF): authors, journal, year, DOI, keywords", async () => {
    const { records } = await readExport("cff-ris/_baseline_zotero.ris");
    expect(records[0]).toMatchObject({
      title:
        "Cellular structure of dinosaur scales reveals retention of reptile-type skin during the evolutionary transition to feathers",
      authors: ["Yang, Z.", "Jiang, B.", "Xu, J.", "McNamara, M.E."],
      journal: "Nature Communications",
      year: 2024,
      volume: "15",
      issue: "1",
      doi: "10.1038/s41467-024-48400-3",
      type: "JOUR",
      language: "English",
      url: "https://www.embase.com/search/results?subaction=viewrecord&id=L2029880245&from=export",
    });
    expect(records[0]!.keywords.slice(0, 3)).toEqual(["article", "controlled study", "animal tissue"]);
  });

  it("RIS from Web of Science with lone \\r line breaks: the tags after them are read", async () => {
    const { records } = await readExport("asysd/wos_test.ris");
    expect(records[0]).toMatchObject({
      authors: ["Larsen, LJ", "Roush, JK", "McLaughlin, RM", "Cash, WC"],
      journal: "VETERINARY AND COMPARATIVE ORTHOPAEDICS AND TRAUMATOLOGY",
      year: 1999,
      volume: "12",
      issue: "3",
      pages: "134-137",
    });
    expect(records[0]!.raw.AN).toBe("WOS:000082252000006");
    expect(records[0]!.raw.AD).toHaveLength(2);
    expect(records[0]!.raw.N1).toBe(
      "Times Cited in Web of Science Core Collection:  13\nTotal Times Cited:  13\nCited Reference Count:  11",
    );
  });

  it("RIS from EndNote's PubMed import: PMID from AN, keywords on untagged lines", async () => {
    const { records } = await readExport("asreview/pubmed_endnote.txt");
    expect(records[0]).toMatchObject({
      authors: ["Abdel-Tawab, M.", "Werz, O.", "Schubert-Zsilavecz, M."],
      journal: "Clin Pharmacokinet",
      year: 2011,
      pages: "349-69",
      doi: "10.2165/11586800-000000000-00000",
      pmid: "21553931",
    });
    expect(records[0]!.keywords).toHaveLength(10);
    expect(records[0]!.keywords[1]).toBe("Anti-Inflammatory Agents/adverse effects/pharmacokinetics/*pharmacology");
  });

  it("RIS traps: Cochrane's PUBMED line, Ovid's doi.org DOIs, a malformed year, several URLs", async () => {
    expect((await readExport("cff-ris/_baseline_cochrane_endnote.ris")).records[0]).toMatchObject({
      pmid: "21314913",
      doi: "10.1186/1745-6215-12-39",
      authors: ["Bywater, T", "Hutchings, J", "Whitaker, C", "Evans, C", "Parry, L"],
    });
    expect((await readExport("asreview/ovid_psycinfo.ris")).records[0]).toMatchObject({
      doi: "10.1002/cpp.2398",
      year: 2019,
      pages: null,
    });
    expect((await readExport("asreview/faulty_year.ris")).records[0]!.year).toBeNull();
    const urls = (await readExport("rispy/example_urls.ris")).records;
    expect(urls.map((r) => r.url)).toEqual(Array(4).fill("http://example.com"));
    expect(urls[1]!.raw.UR).toEqual(["http://example.com", "http://www.example.com"]);
    const keywords = (await readExport("asreview/ris_issue_992.txt")).records[0]!.keywords;
    expect(keywords).toHaveLength(13);
    expect(keywords.at(-1)).toBe("Patient Education");
  });

  it("MEDLINE: wrapped title, full author names, DOI from LID, PMID, journal", async () => {
    const { records } = await readExport("synthesisr/PubMed_example.txt");
    expect(records[0]).toMatchObject({
      title:
        "Differences in nitrate and phosphorus export between wooded and grassed riparian zones from farmland to receiving waterways under varying rainfall conditions.",
      authors: [
        "Neilen, Amanda D",
        "Chen, Chengrong R",
        "Parker, Brett M",
        "Faggotter, Stephen J",
        "Burford, Michele A",
      ],
      year: 2017,
      journal: "The Science of the total environment",
      volume: "598",
      pages: "188-197",
      doi: "10.1016/j.scitotenv.2017.04.075",
      pmid: "28441597",
      language: "eng",
      type: "Journal Article",
    });
    expect(records[0]!.keywords).toContain("Structural equation modelling");
    expect((await readExport("cff-ris/_baseline_pubmed.ris")).records[0]!.pmcid).toBe("PMC7026692");
  });

  it("Web of Science tagged: an author per line, wrapped title, DOI, PMID", async () => {
    const { records } = await readExport("synthesisr/WoS_ciw_example.ciw");
    expect(records[0]).toMatchObject({
      title: "Soil fauna diversity at different stages of reed restoration in a lakeshore wetland at Lake Taihu, China",
      journal: "ECOSYSTEM HEALTH AND SUSTAINABILITY",
      year: 2020,
      volume: "6",
      issue: "1",
      doi: "10.1080/20964129.2020.1722034",
      pmid: null,
      type: "J",
    });
    expect(records[0]!.authors).toHaveLength(10);
    expect(records[0]!.authors.slice(0, 2)).toEqual(["Li, Wei", "Dou, Zhiguo"]);
    expect(records[3]!.pmid).toBe("31858815");
    const wos = (await readExport("rispy/example_wos.ris")).records[0]!;
    expect(wos).toMatchObject({
      year: 2004,
      pages: "7003-7016",
      doi: "10.1021/bi049798f",
      type: "Article",
      language: "English",
    });
    expect(wos.keywords).toHaveLength(10);
  });
});
