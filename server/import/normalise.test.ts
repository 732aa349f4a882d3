import { describe, expect, it } from "vitest";
import { cleanText, findNctIds, normaliseDoi, nullIfEmpty, parseYear, pmcidFrom, pmidFrom } from "./normalise";

describe("normaliseDoi", () => {
  it.each([
    ["10.1000/ABC", "10.1000/abc"],
    ["https://doi.org/10.1000/ABC ", "10.1000/abc"],
    ["http://dx.doi.org/10.1177/2325967120950040", "10.1177/2325967120950040"],
    ["https://dx.doi.org/10.1016/j.compedu.2018.09.006", "10.1016/j.compedu.2018.09.006"],
    ["doi: 10.1016/j.ejmg.2019.03.004.", "10.1016/j.ejmg.2019.03.004"],
    ["DOI 10.1021/bi030205v", "10.1021/bi030205v"],
    [
      "10.1002/(SICI)1097-0258(19980815/30)17:15/16%3C1661::AID-SIM968%3E3.0.CO;2-2",
      "10.1002/(sici)1097-0258(19980815/30)17:15/16<1661::aid-sim968>3.0.co;2-2",
    ],
    ["10.1038/s41467-024-48400-3     LK  - https://example.org", "10.1038/s41467-024-48400-3"],
    ["10.1000/100%", "10.1000/100%"],
    ["10.1000/%E0%A4", "10.1000/%e0%a4"], // a malformed escape is kept as written, never an error
  ])("%s → %s", (input, doi) => {
    expect(normaliseDoi(input)).toBe(doi);
  });

  it("gives null when there is no DOI", () => {
    expect(normaliseDoi(null)).toBeNull();
    expect(normaliseDoi("")).toBeNull();
    expect(normaliseDoi("Journal article")).toBeNull();
    expect(normaliseDoi("10.1000")).toBeNull();
  });
});

describe("findNctIds", () => {
  it("finds every NCT id in the texts, upper case, once each, in first-seen order", () => {
    expect(findNctIds("Registered: nct01234567 and NCT 07654321.", ["ClinicalTrials.gov/NCT01234567"], null)).toEqual([
      "NCT01234567",
      "NCT07654321",
    ]);
  });

  it("ignores ids of the wrong length", () => {
    expect(findNctIds("NCT123 NCT123456789 XNCT01234567")).toEqual([]);
  });
});

describe("parseYear", () => {
  it.each([
    ["2020//", 2020],
    ["1948/07//", 1948],
    ["2019 Mar 5", 2019],
    ["DEC 16 2020", 2020],
    ["Spring 1999", 1999],
    ["10 15", null],
    ["Mar 16", null],
    ["20201005", null],
    ["", null],
  ])("%s → %s", (input, year) => {
    expect(parseYear(input)).toBe(year);
  });
});

describe("identifiers and text", () => {
  it("reads PMIDs and PMCIDs", () => {
    expect(pmidFrom(" 30922926 ")).toBe("30922926");
    expect(pmidFrom("")).toBeNull();
    expect(pmcidFrom("pmc 7026692")).toBe("PMC7026692");
    expect(pmcidFrom("7026692")).toBeNull();
  });

  it("collapses white space and turns blank into null", () => {
    expect(cleanText("  a \n\t b ")).toBe("a b");
    expect(nullIfEmpty(" \n ")).toBeNull();
    expect(nullIfEmpty(" x ")).toBe("x");
  });
});
