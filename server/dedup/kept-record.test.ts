import { describe, expect, it } from "vitest";
import { type KeptCandidate, rankForKeeping } from "./kept-record";

let n = 0;
function record(fields: Partial<KeptCandidate> & { extra?: Record<string, unknown> } = {}): KeptCandidate {
  n++;
  const { extra, ...rest } = fields;
  const base = {
    id: `r${n}`,
    title: "Stem cells for amyotrophic lateral sclerosis",
    abstract: null,
    doi: null,
    pmid: null,
    createdAt: new Date(2026, 0, 1, 0, n),
    hasWork: false,
    ...rest,
  };
  return { ...base, fields: { abstract: base.abstract, doi: base.doi, pmid: base.pmid, ...extra } };
}

const first = (...records: KeptCandidate[]) => rankForKeeping(records)[0]!.id;

describe("rankForKeeping", () => {
  it("keeps the record with an abstract over one with more fields", () => {
    const rich = record({ extra: { journal: "Lancet", volume: "3", issue: "1", pages: "1-9", year: 2020 } });
    const withAbstract = record({ abstract: "Background …" });
    expect(first(rich, withAbstract)).toBe(withAbstract.id);
  });

  it("then a DOI or a PMID", () => {
    const plain = record({ abstract: "A" });
    const withPmid = record({ abstract: "A", pmid: "123" });
    expect(first(plain, withPmid)).toBe(withPmid.id);
  });

  it("then more filled fields, then the earliest imported", () => {
    const early = record({ doi: "10.1/x", createdAt: new Date(2020, 0, 1) });
    const late = record({ doi: "10.1/x", createdAt: new Date(2021, 0, 1) });
    const fuller = record({ doi: "10.1/x", createdAt: new Date(2022, 0, 1), extra: { journal: "BMJ" } });
    expect(rankForKeeping([late, fuller, early]).map((r) => r.id)).toEqual([fuller.id, early.id, late.id]);
  });

  it("keeps a record people have screened over a more complete one", () => {
    const screened = record({ hasWork: true });
    const complete = record({ abstract: "A", doi: "10.1/x" });
    expect(first(complete, screened)).toBe(screened.id);
  });

  it("keeps the article rather than an erratum about it", () => {
    const erratum = record({ title: "Erratum: Stem cells for amyotrophic lateral sclerosis", abstract: "A" });
    const article = record({});
    expect(first(erratum, article)).toBe(article.id);
  });

  it("keeps the latest version of a Cochrane review, as automatic merges do", () => {
    const v2 = record({ doi: "10.1002/14651858.CD001234.pub2", abstract: "A", extra: { year: 2012 } });
    const v3 = record({ doi: "10.1002/14651858.CD001234.pub3", extra: { year: 2019 } });
    expect(first(v2, v3)).toBe(v3.id);
  });
});
