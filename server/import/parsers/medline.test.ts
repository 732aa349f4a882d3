import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import { parseMedline } from "./medline";
import { parseText } from "./parser.fixture";

const NBIB = [
  "PMID- 28441597",
  "OWN - NLM",
  "VI  - 598",
  "IP  - 2",
  "DP  - 2017 Nov 15",
  "TI  - Differences in nitrate and phosphorus export between wooded and grassed riparian",
  "      zones from farmland.",
  "PG  - 188-197",
  "LID - S0048-9697(17)30912-9 [pii]",
  "LID - 10.1016/J.SCITOTENV.2017.04.075 [doi]",
  "AB  - Agricultural activities in catchments can cause excessive nutrient loads in ",
  "      waterways.",
  "FAU - Neilen, Amanda D",
  "AU  - Neilen AD",
  "FAU - Chen, Chengrong R",
  "AU  - Chen CR",
  "CN  - Riparian Study Group",
  "LA  - eng",
  "SI  - ClinicalTrials.gov/NCT01234567",
  "PT  - Journal Article",
  "PT  - Randomized Controlled Trial",
  "TA  - Sci Total Environ",
  "JT  - The Science of the total environment",
  "MH  - Nitrates/*analysis",
  "PMC - PMC1234567",
  "OT  - Riparian zone",
  "AID - 10.1016/j.scitotenv.2017.04.075 [doi]",
  "",
  "PMID- 30922926",
  "TI  - Second record.",
  "AU  - Griffin DK",
  "DP  - 2020 Feb",
  "",
].join("\n");

describe("parseMedline", () => {
  it("maps the MEDLINE tags, joining wrapped lines with a space", async () => {
    const { records, lines, skipped } = await parseText(parseMedline, NBIB);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([1, 29]);
    expect(records[0]).toMatchObject({
      title: "Differences in nitrate and phosphorus export between wooded and grassed riparian zones from farmland.",
      abstract: "Agricultural activities in catchments can cause excessive nutrient loads in waterways.",
      authors: ["Neilen, Amanda D", "Chen, Chengrong R", "Riparian Study Group"],
      year: 2017,
      journal: "The Science of the total environment",
      volume: "598",
      issue: "2",
      pages: "188-197",
      doi: "10.1016/j.scitotenv.2017.04.075",
      pmid: "28441597",
      pmcid: "PMC1234567",
      nctIds: ["NCT01234567"],
      keywords: ["Nitrates/*analysis", "Riparian zone"],
      type: "Journal Article; Randomized Controlled Trial",
      language: "eng",
    });
    expect(records[0]!.raw.LID).toEqual(["S0048-9697(17)30912-9 [pii]", "10.1016/J.SCITOTENV.2017.04.075 [doi]"]);
    expect(records[1]).toMatchObject({ title: "Second record.", authors: ["Griffin DK"], year: 2020, doi: null });
  });

  it("reads the same records whatever the chunk size and line breaks", async () => {
    const whole = await parseText(parseMedline, NBIB);
    for (const size of [1, 5, 100])
      expect(await parseText(parseMedline, NBIB.replaceAll("\n", "\r\n"), size)).toEqual(whole);
  });

  it("starts a record at PMID- even without a blank line, and keeps a last record with no final newline", async () => {
    const { records } = await parseText(parseMedline, "\n\nPMID- 1\nTI  - A\nPMID- 2\nTI  - B");
    expect(records.map((r) => [r.pmid, r.title])).toEqual([
      ["1", "A"],
      ["2", "B"],
    ]);
  });

  it("throws NotBibliographicError for text with no MEDLINE field", async () => {
    await expect(parseText(parseMedline, "just some words\nand more")).rejects.toThrow(NotBibliographicError);
  });
});
