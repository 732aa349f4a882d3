import { describe, expect, it } from "vitest";
import { findDuplicates } from "./find-duplicates";
import { article } from "./records.fixture";

describe("findDuplicates", () => {
  it("compares incoming records with the library and with each other, never the library with itself", () => {
    const kept = article({ id: "lib-1" });
    const alsoKept = article({ id: "lib-2" });
    const unrelated = article({
      id: "lib-3",
      title: "Complement factor H in health and disease",
      authors: ["Nilsson, S. C."],
    });
    const copy = article({ id: "new-1", journal: "N Engl J Med" });
    const copyOfCopy = article({ id: "new-2", pages: "544-6" });
    const { pairs } = findDuplicates([kept, alsoKept, unrelated], [copy, copyOfCopy]);
    const found = pairs.map((p) => `${p.aId}|${p.bId}`).sort();
    expect(found).toEqual(["lib-1|new-1", "lib-1|new-2", "lib-2|new-1", "lib-2|new-2", "new-1|new-2"]);
    expect(pairs.every((p) => p.decision === "merge")).toBe(true);
  });

  it("finds nothing in nothing", () => {
    expect(findDuplicates([], [])).toEqual({ pairs: [], studyLinks: [] });
    expect(findDuplicates([article()], [])).toEqual({ pairs: [], studyLinks: [] });
  });

  it("links the documents of one registered trial instead of merging them", () => {
    const trial = { nctIds: ["NCT00844545"], authors: ["Alexion Pharmaceuticals"], year: 2011 };
    const registry = article({
      id: "ctgov",
      ...trial,
      type: "Clinical trial registry record",
      title: "Open label controlled trial of eculizumab in adult patients with plasma therapy-resistant aHUS",
      journal: null,
      volume: null,
      issue: null,
      pages: null,
    });
    const paper = article({
      id: "paper",
      ...trial,
      title: "Terminal complement inhibitor eculizumab in atypical hemolytic-uremic syndrome",
    });
    const abstract = article({ id: "abstract", ...trial, type: "Conference Abstract", title: paper.title });
    const { pairs, studyLinks } = findDuplicates([registry], [paper, abstract]);
    expect(pairs).toEqual([]);
    expect(studyLinks.map((l) => `${l.aId}|${l.bId}|${l.nctId}`).sort()).toEqual([
      "ctgov|abstract|NCT00844545",
      "ctgov|paper|NCT00844545",
      "paper|abstract|NCT00844545",
    ]);
  });

  it("still merges two copies of the same document of a trial", () => {
    const registry = article({
      id: "ctgov-1",
      type: "registry",
      nctIds: ["NCT00844545"],
      title: "Eculizumab in plasma therapy-resistant aHUS",
    });
    const { pairs, studyLinks } = findDuplicates([registry], [{ ...registry, id: "ctgov-2" }]);
    expect(studyLinks).toEqual([]);
    expect(pairs).toMatchObject([{ aId: "ctgov-1", bId: "ctgov-2", decision: "merge" }]);
  });

  it("explains each pair field by field", () => {
    const { pairs } = findDuplicates([article({ id: "a" })], [article({ id: "b", issue: "6" })]);
    expect(pairs[0]?.evidence).toMatchObject({
      title: { agreement: "same" },
      issue: { agreement: "differ", weight: -1 },
    });
  });
});

describe("findDuplicates: clusters", () => {
  it("does not let a chain of sure pairs join two records with different DOIs", () => {
    // The middle record, without a DOI, matches both; the outer two are different registrations.
    const first = article({ id: "first", doi: "10.1000/one" });
    const middle = article({ id: "middle" });
    const last = article({ id: "last", doi: "10.1000/two" });
    const { pairs } = findDuplicates([], [first, middle, last]);
    const decisions = Object.fromEntries(pairs.map((p) => [`${p.aId}|${p.bId}`, p.decision]));
    expect(decisions["first|last"]).toBe("review");
    expect([decisions["first|middle"], decisions["middle|last"]].sort()).toEqual(["merge", "review"]);
  });

  it("lets the versions of one Cochrane review, whose DOIs differ, form one cluster", () => {
    const review = { journal: "Cochrane Database Syst Rev", volume: null, authors: ["das Nair, R.", "Lincoln, N."] };
    const v1 = article({
      ...review,
      id: "v1",
      title: "Cognitive rehabilitation for memory deficits following stroke",
      year: 2000,
      doi: "10.1002/14651858.cd002293",
    });
    const v2 = article({
      ...review,
      id: "v2",
      title: "Cognitive rehabilitation for memory deficits after stroke",
      year: 2007,
      doi: "10.1002/14651858.cd002293.pub2",
    });
    const v3 = article({ ...v2, id: "v3", year: 2016, doi: "10.1002/14651858.cd002293.pub3" });
    const { pairs } = findDuplicates([], [v1, v2, v3]);
    expect(pairs.map((p) => `${p.aId}|${p.bId}:${p.decision}`).sort()).toEqual([
      "v1|v2:merge",
      "v1|v3:merge",
      "v2|v3:merge",
    ]);
  });
});

describe("findDuplicates: blocking", () => {
  it("compares a title printed with its translation with a record that carries only the translation", () => {
    const both = article({
      id: "both",
      title:
        "Colecistectomía laparoscópica ambulatoria en el anciano [Outpatient laparoscopic cholecystectomy in the elderly]",
      authors: ["Mulić, Suada"],
      year: 2012,
      journal: "Cirugía y cirujanos",
      volume: null,
      issue: null,
      pages: null,
    });
    const english = article({
      id: "english",
      title: "Outpatient laparoscopic cholecystectomy in the elderly",
      authors: ["Muli S"],
      year: 2012,
      journal: "Cir Cir",
      volume: null,
      issue: null,
      pages: null,
    });
    // Neither the first words nor the first author's name (Mulic / Muli) give the two a key in common.
    expect(findDuplicates([both], [english]).pairs).toMatchObject([{ aId: "both", bId: "english", decision: "merge" }]);
  });
});
