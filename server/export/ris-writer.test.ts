import { describe, expect, it } from "vitest";
import { parseText } from "../import/parsers/parser.fixture";
import { parseRis } from "../import/parsers/ris";
import { type RisRecord, risEntry } from "./ris-writer";

const FULL: RisRecord = {
  title: "Intrathecal mesenchymal stem cells in ALS: a phase 2 trial",
  abstract: "Background: MSC-NTF cells.\nMethods: 48 participants.",
  authors: ["Berry, James D.", "Cudkowicz, Merit E."],
  year: 2019,
  journal: "Neurology",
  volume: "93",
  issue: "24",
  pages: "e2294-e2305",
  doi: "10.1212/wnl.0000000000008620",
  pmid: "31740545",
  pmcid: "PMC6937498",
  nctIds: ["NCT02017912"],
  keywords: ["ALS", "stem cells"],
  type: "JOUR",
  language: "English",
  url: "https://example.org/article",
  notes: ["Sift title/abstract: included"],
};

describe("risEntry", () => {
  it("round-trips through Sift's own RIS parser", async () => {
    const { records, skipped } = await parseText(
      parseRis,
      risEntry(FULL) + risEntry({ ...FULL, title: "Second", pmid: null }),
    );
    expect(skipped).toEqual([]);
    expect(records).toHaveLength(2);
    const { raw, ...read } = records[0]!;
    expect(read).toEqual({
      ...FULL,
      abstract: "Background: MSC-NTF cells. Methods: 48 participants.",
      notes: undefined,
    });
    expect(raw.N1).toEqual(["PMID: 31740545", "Registered as NCT02017912", "Sift title/abstract: included"]);
    expect(records[1]).toMatchObject({ title: "Second", pmid: null });
  });

  it("keeps a minimal record readable and never lets a value start a new line", async () => {
    const text = risEntry({
      ...FULL,
      title: "One\nTY  - BOOK",
      authors: [],
      year: null,
      journal: null,
      volume: null,
      issue: null,
      pages: "123",
      doi: null,
      pmid: null,
      pmcid: null,
      nctIds: [],
      keywords: [],
      type: "Journal Article",
      language: null,
      url: null,
      notes: [],
    });
    const { records } = await parseText(parseRis, text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ title: "One TY - BOOK", type: "JOUR", pages: "123" });
  });
});
