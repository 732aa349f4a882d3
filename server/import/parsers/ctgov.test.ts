import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import { parseCtgovCsv, parseCtgovJson } from "./ctgov";
import { parseText } from "./parser.fixture";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name), "utf8");
const JSON_DOWNLOAD = fixture("ctgov-studies.json");
const CSV_DOWNLOAD = fixture("ctgov-studies.csv");

const study = (nctId: string, extra = "") =>
  `{"protocolSection":{"identificationModule":{"nctId":"${nctId}","briefTitle":"Study ${nctId}"}${extra}}}`;

describe("parseCtgovJson", () => {
  it("maps each study of an API v2 page", async () => {
    const { records, skipped, lines } = await parseText(parseCtgovJson, JSON_DOWNLOAD);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([3, 95, 129]);
    expect(records[0]).toMatchObject({
      title: expect.stringMatching(/^A 52-week, Double-blind, Randomised/),
      abstract:
        "The purpose of this study is to evaluate whether budesonide/formoterol used as needed gives asthma control in patients with mild asthma.",
      authors: [],
      year: 2014,
      journal: null,
      type: "registry-entry",
      url: "https://clinicaltrials.gov/study/NCT02149199",
      nctIds: ["NCT02149199"],
      keywords: ["Asthma", "Mild asthma", "As-needed treatment"],
      doi: null,
      pmid: null,
    });
    expect(records[0]!.raw).toMatchObject({
      "protocolSection.sponsorCollaboratorsModule.leadSponsor.name": "AstraZeneca",
      "protocolSection.armsInterventionsModule.interventions.name": ["Budesonide/formoterol", "Terbutaline"],
      "protocolSection.designModule.enrollmentInfo.count": "3850",
      hasResults: "true",
    });
  });

  it("falls back to the brief title and start date, and collects NCT ids from aliases and secondary ids", async () => {
    const { records } = await parseText(parseCtgovJson, JSON_DOWNLOAD);
    expect(records[1]).toMatchObject({
      title: "Cohort Study of Lung Function in Adults With Asthma",
      year: 2020,
      nctIds: ["NCT04567890", "NCT04500001", "NCT03333333"],
      keywords: ["Asthma", "Lung Function"],
    });
    expect(records[2]).toMatchObject({
      title: 'Café Study: "Quotes", Back\\slashes and {Braces} [in] Titles',
      year: 2025,
      keywords: ["Healthy", "Diet"],
    });
  });

  it("gives the same records whatever the chunk size", async () => {
    const whole = await parseText(parseCtgovJson, JSON_DOWNLOAD);
    for (const size of [1, 7, 1000]) expect(await parseText(parseCtgovJson, JSON_DOWNLOAD, size)).toEqual(whole);
  });

  it("reads a page token before the studies, a bare array of studies, and a single study", async () => {
    const tokenFirst = `{"nextPageToken":"abc","totalCount":2,"studies":[${study("NCT00000001")},${study("NCT00000002")}]}`;
    expect((await parseText(parseCtgovJson, tokenFirst)).records.map((r) => r.nctIds[0])).toEqual([
      "NCT00000001",
      "NCT00000002",
    ]);
    const bare = `[${study("NCT00000003")}]`;
    expect((await parseText(parseCtgovJson, bare)).records.map((r) => r.title)).toEqual(["Study NCT00000003"]);
    const single = study("NCT00000004", ',"statusModule":{"startDateStruct":{"date":"2019-02"}}');
    expect((await parseText(parseCtgovJson, single, 5)).records).toMatchObject([
      { title: "Study NCT00000004", year: 2019 },
    ]);
    expect((await parseText(parseCtgovJson, '{"studies":[]}')).records).toEqual([]);
  });

  it("skips a malformed study and keeps the others", async () => {
    const text = `{"studies":[\n${study("NCT00000001")},\n{"protocolSection":{"identificationModule":{"nctId":"NCT00000002",}}},\n${study("NCT00000003")}\n]}`;
    const { records, skipped } = await parseText(parseCtgovJson, text);
    expect(records.map((r) => r.nctIds[0])).toEqual(["NCT00000001", "NCT00000003"]);
    expect(skipped).toEqual([{ line: 3, message: expect.stringMatching(/^unreadable study/) }]);
  });

  it("skips a study nested too deep to read instead of crashing", async () => {
    const deep = `{"protocolSection":{"identificationModule":{"nctId":"NCT00000009"}},"derivedSection":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const { records, skipped } = await parseText(parseCtgovJson, `{"studies":[${deep},${study("NCT00000001")}]}`);
    expect(records.map((r) => r.nctIds[0])).toEqual(["NCT00000001"]);
    expect(skipped).toEqual([{ line: 1, message: expect.stringMatching(/^unreadable study/) }]);
  });

  it("reports a file that ends inside a study", async () => {
    const { records, skipped } = await parseText(
      parseCtgovJson,
      `{"studies":[${study("NCT00000001")},{"protocolSection":{"ident`,
    );
    expect(records).toHaveLength(1);
    expect(skipped).toHaveLength(1);
  });

  it("rejects what is not a ClinicalTrials.gov download", async () => {
    await expect(parseText(parseCtgovJson, "TY  - JOUR")).rejects.toThrow(NotBibliographicError);
    await expect(parseText(parseCtgovJson, '{"results":[1,2]}')).rejects.toThrow(NotBibliographicError);
    await expect(parseText(parseCtgovJson, "")).rejects.toThrow(NotBibliographicError);
  });
});

describe("parseCtgovCsv", () => {
  it("maps the rows of the search page's CSV download", async () => {
    const { records, skipped, lines } = await parseText(parseCtgovCsv, CSV_DOWNLOAD);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([2, 3, 4]);
    expect(records[0]).toMatchObject({
      title: "SYGMA 1 - A Study of As-needed Budesonide/Formoterol in Mild Asthma",
      year: 2014,
      type: "registry-entry",
      url: "https://clinicaltrials.gov/study/NCT02149199",
      nctIds: ["NCT02149199"],
      keywords: ["Asthma"],
      authors: [],
    });
    expect(records[0]!.raw).toMatchObject({
      Sponsor: "AstraZeneca",
      Phases: "PHASE3",
      "Other IDs": "D589SC00003|2014-000767-27",
    });
    expect(records[1]).toMatchObject({
      year: 2020,
      nctIds: ["NCT04567890", "NCT03333333"],
      keywords: ["Asthma", "Lung Function"],
    });
    expect(records[2]).toMatchObject({ abstract: "Tests the splitter: line two of the summary.", year: 2025 });
  });

  it("matches the JSON download study for study", async () => {
    const fromCsv = (await parseText(parseCtgovCsv, CSV_DOWNLOAD, 64)).records.map((r) => r.nctIds[0]);
    const fromJson = (await parseText(parseCtgovJson, JSON_DOWNLOAD)).records.map((r) => r.nctIds[0]);
    expect(fromCsv).toEqual(fromJson);
  });

  it("rejects a CSV without an NCT Number column", async () => {
    await expect(parseText(parseCtgovCsv, "Title,Year\nA,2020\n")).rejects.toThrow(NotBibliographicError);
  });
});
