import { describe, expect, it } from "vitest";
import { completeness, planMerges } from "./plan-merges";
import { article } from "./records.fixture";
import type { CandidatePair } from "./types";

const pair = (
  aId: string,
  bId: string,
  score = 0.99,
  decision: CandidatePair["decision"] = "merge",
): CandidatePair => ({ aId, bId, score, decision, evidence: {} });

describe("planMerges", () => {
  it("merges a chain of pairs into one record", () => {
    const records = [article({ id: "a" }), article({ id: "b" }), article({ id: "c" })];
    const { removals } = planMerges([pair("a", "b", 0.995), pair("b", "c", 0.99)], records);
    expect(removals).toEqual([
      { removedId: "b", keptId: "a", pairScore: 0.995 },
      { removedId: "c", keptId: "a", pairScore: 0.99 },
    ]);
  });

  it("keeps the most complete record, a DOI or an abstract counting double", () => {
    const sparse = article({ id: "sparse", issue: null, pages: null });
    const full = article({ id: "full" });
    const withDoi = article({ id: "doi", issue: null, doi: "10.1056/nejmc0808527" });
    expect(completeness(withDoi)).toBeGreaterThan(completeness(full));
    expect(planMerges([pair("sparse", "full")], [sparse, full]).removals).toEqual([
      { removedId: "sparse", keptId: "full", pairScore: 0.99 },
    ]);
    const { removals } = planMerges([pair("sparse", "full"), pair("full", "doi")], [sparse, full, withDoi]);
    expect(removals.map((r) => r.keptId)).toEqual(["doi", "doi"]);
    const withAbstract = article({ id: "abstract", issue: null, abstract: "Background: ..." });
    expect(planMerges([pair("full", "abstract")], [full, withAbstract]).removals[0]?.keptId).toBe("abstract");
  });

  it("keeps the article rather than a correction merged with it, however complete the correction", () => {
    const erratum = article({
      id: "erratum",
      title: "Erratum: Eculizumab for congenital atypical hemolytic-uremic syndrome",
      issue: "23",
      pages: "2487",
      doi: "10.1056/x",
    });
    const paper = article({ id: "paper", issue: null });
    expect(planMerges([pair("erratum", "paper")], [erratum, paper]).removals).toEqual([
      { removedId: "erratum", keptId: "paper", pairScore: 0.99 },
    ]);
    const copy = article({ id: "copy", issue: null, doi: "10.1056/y" });
    expect(planMerges([pair("paper", "copy")], [paper, copy]).removals[0]?.keptId).toBe("copy");
  });

  it("breaks ties in favour of the earlier record: the library before the import", () => {
    const records = [article({ id: "library" }), article({ id: "incoming" })];
    expect(planMerges([pair("library", "incoming")], records).removals).toEqual([
      { removedId: "incoming", keptId: "library", pairScore: 0.99 },
    ]);
  });

  it("leaves borderline pairs for a person", () => {
    const records = [article({ id: "a" }), article({ id: "b" })];
    expect(planMerges([pair("a", "b", 0.9, "review")], records).removals).toEqual([]);
  });

  it("keeps the latest version of a Cochrane review, however complete the earlier ones", () => {
    const cochrane = { journal: "Cochrane Database Syst Rev", volume: null, pages: "CD002293" };
    const v2 = article({
      ...cochrane,
      id: "v2",
      year: 2007,
      doi: "10.1002/14651858.cd002293.pub2",
      abstract: "Background: ...",
    });
    const v3 = article({ ...cochrane, id: "v3", year: 2016, doi: "10.1002/14651858.cd002293.pub3" });
    const v3Medline = article({ ...cochrane, id: "v3-medline", year: 2016, doi: null, pmid: "27581994" });
    const { removals } = planMerges([pair("v2", "v3"), pair("v3", "v3-medline")], [v2, v3, v3Medline]);
    expect(removals.map((r) => r.keptId)).toEqual(["v3", "v3"]);
  });
});
