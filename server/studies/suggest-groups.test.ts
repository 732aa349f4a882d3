import { describe, expect, it } from "vitest";
import { type GroupingReport, studyLabelFor, suggestGroups, titleSimilarity } from "./suggest-groups";

function report(id: string, over: Partial<GroupingReport> = {}): GroupingReport {
  return {
    reportId: id,
    recordId: `rec-${id}`,
    studyId: null,
    title: `Unrelated title ${id}`,
    authors: [],
    year: null,
    nctIds: [],
    ...over,
  };
}

describe("suggestGroups", () => {
  it("groups reports that name the same NCT id, whatever its case", () => {
    const result = suggestGroups(
      [report("a", { nctIds: ["NCT01051882"] }), report("b", { nctIds: ["nct01051882"] }), report("c")],
      [],
    );
    expect(result).toEqual([{ reportIds: ["a", "b"], studyId: null, reasons: ["Both name NCT01051882"] }]);
  });

  it("uses study links found at de-duplication for reports whose records carry no NCT id themselves", () => {
    const result = suggestGroups(
      [report("a"), report("b")],
      [{ recordAId: "rec-a", recordBId: "rec-b", nctId: "NCT01363401" }],
    );
    expect(result[0]?.reportIds).toEqual(["a", "b"]);
  });

  it("groups the same first author and year with a similar title, but not a different year or title", () => {
    const base = { authors: ["Petrou, P.", "Karussis, D."], year: 2016 };
    const result = suggestGroups(
      [
        report("a", {
          ...base,
          title: "Safety and clinical effects of mesenchymal stem cells secreting neurotrophic factors in ALS",
        }),
        report("b", {
          ...base,
          title: "Mesenchymal stem cells secreting neurotrophic factors in ALS: safety and clinical effects",
        }),
        report("c", {
          ...base,
          year: 2017,
          title: "Mesenchymal stem cells secreting neurotrophic factors in ALS: safety and clinical effects",
        }),
        report("d", { ...base, title: "Multiple sclerosis relapse rates after cell therapy" }),
      ],
      [],
    );
    expect(result).toEqual([
      { reportIds: ["a", "b"], studyId: null, reasons: ["Same first author and year, similar title"] },
    ]);
  });

  it("suggests adding an ungrouped report to the study its partner is in, and nothing for settled groups", () => {
    const reports = [report("a", { nctIds: ["NCT1"], studyId: "s1" }), report("b", { nctIds: ["NCT1"] })];
    expect(suggestGroups(reports, [])).toEqual([{ reportIds: ["b"], studyId: "s1", reasons: ["Both name NCT1"] }]);
    expect(
      suggestGroups(
        [report("a", { nctIds: ["NCT1"], studyId: "s1" }), report("b", { nctIds: ["NCT1"], studyId: "s1" })],
        [],
      ),
    ).toEqual([]);
    expect(
      suggestGroups(
        [
          report("a", { nctIds: ["NCT1"], studyId: "s1" }),
          report("b", { nctIds: ["NCT1"], studyId: "s2" }),
          report("c", { nctIds: ["NCT1"] }),
        ],
        [],
      ),
    ).toEqual([]);
  });

  it("chains reasons across a group", () => {
    const result = suggestGroups(
      [report("a", { nctIds: ["NCT1"] }), report("b", { nctIds: ["NCT1", "NCT2"] }), report("c", { nctIds: ["NCT2"] })],
      [],
    );
    expect(result).toEqual([
      { reportIds: ["a", "b", "c"], studyId: null, reasons: ["Both name NCT1", "Both name NCT2"] },
    ]);
  });
});

describe("titleSimilarity and labels", () => {
  it("ignores word order and small words", () => {
    expect(titleSimilarity("The trial of cells in ALS", "ALS cells: a trial")).toBe(1);
    expect(titleSimilarity("", "x")).toBe(0);
  });
  it("labels by first author surname and year, or by NCT id", () => {
    expect(studyLabelFor({ authors: ["Petrou, Panayiota"], year: 2016, nctIds: [], title: "t" })).toBe("Petrou 2016");
    expect(studyLabelFor({ authors: [], year: 2011, nctIds: ["NCT01051882"], title: "t" })).toBe("NCT01051882");
    expect(studyLabelFor({ authors: ["de Souza Batista, J."], year: 2019, nctIds: [], title: "t" })).toBe(
      "de Souza Batista 2019",
    );
  });
});
