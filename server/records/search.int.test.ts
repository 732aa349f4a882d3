// The record browser's search: words through PostgreSQL's full-text search (accents folded, longer words as
// prefixes, phrases, exclusions), titles by trigrams when no record has every word, identifiers exactly.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../test/integration";
import { type BrowseReview, browseReview, type RecordName } from "./browse.fixture";

let f: BrowseReview;

beforeAll(async () => {
  f = await browseReview(testDb());
});

async function found(query: string, extra: object = {}) {
  const page = await f.as("lead").records.list({ reviewId: f.review.id, query, ...extra });
  const names = Object.fromEntries(Object.entries(f.ids).map(([name, id]) => [id, name]));
  return { ...page, names: page.items.map((i) => names[i.id] as RecordName) };
}

describe("searching by words", () => {
  it("finds words in the title, abstract, keywords and authors", async () => {
    expect((await found("intrathecal")).names).toEqual(["msc"]);
    expect((await found("neurosurgery")).names).toEqual(["neural"]);
    expect((await found("Vercelli")).names).toEqual(["mouse"]);
    expect((await found("umbilical")).names).toEqual(["mouse"]);
  });

  it("needs every word, and treats a minus as 'without'", async () => {
    expect((await found("mesenchymal")).names).toEqual(["msc", "neural", "copy"]);
    expect((await found("mesenchymal spinal")).names).toEqual(["neural"]);
    expect((await found("mesenchymal -spinal")).names).toEqual(["msc", "copy"]);
  });

  it("keeps a quoted phrase's words together and in order", async () => {
    // "Stem-cell" is one hyphenated word whose parts are the phrase.
    expect((await found('"stem cell"')).names).toEqual(["neural", "auto", "pendingA", "pendingB"]);
    expect((await found('"cell stem"')).total).toBe(0);
  });

  it("lets words of four letters or more find longer ones, and keeps short ones such as ALS exact", async () => {
    expect((await found("transplant")).names).toEqual(["neural", "auto"]);
    expect((await found("cell")).names).toEqual(["msc", "neural", "copy", "auto", "pendingA", "pendingB"]);
    // "also" is in a title-less abstract and in an author's name: neither is ALS.
    expect((await found("ALS")).names).toEqual(["msc", "neural", "pendingA", "pendingB"]);
  });

  it("folds accents and case both ways", async () => {
    expect((await found("muller")).names).toEqual(["neural"]);
    expect((await found("MÜLLER")).names).toEqual(["neural"]);
  });

  it("orders by relevance on request: a word in the title counts more than one in the abstract", async () => {
    const page = await found("mesenchymal", { sort: "relevance" });
    expect(page.names.slice(0, 2).sort()).toEqual(["copy", "msc"]);
    expect(page.names[2]).toBe("neural");
  });

  it("falls back to titles that look like what was typed when no record has every word, and says so", async () => {
    const typo = await found("mesenchimal stem cels for amyotrophic");
    expect(typo.fuzzy).toBe(true);
    expect(typo.names.sort()).toEqual(["copy", "msc"]);
    const exact = await found("mesenchymal");
    expect(exact.fuzzy).toBe(false);
    expect((await found("zzzzqqqq")).total).toBe(0);
  });
});

describe("looking up identifiers", () => {
  it("finds a DOI however it is written, normalised as import normalises it", async () => {
    for (const doi of [
      "10.1001/JAMANEUROL.2016.0001",
      "https://doi.org/10.1001/jamaneurol.2016.0001",
      "doi:10.1001/jamaneurol.2016.0001.",
    ]) {
      const page = await found(doi);
      expect(page.search, doi).toBe("doi");
      expect(page.names, doi).toEqual(["msc", "copy"]);
    }
  });

  it("finds a PMID, bare or prefixed, and an NCT id in any case", async () => {
    expect((await found("26751635")).names).toEqual(["msc"]);
    expect((await found("PMID: 26751635")).names).toEqual(["msc"]);
    const nct = await found("nct01777646");
    expect(nct.search).toBe("nct");
    expect(nct.names).toEqual(["msc"]);
    expect((await found("NCT99999999")).total).toBe(0);
  });

  it("keeps to the review: another review's record with the same DOI is not found", async () => {
    const other = await browseReview(testDb());
    const page = await f.as("lead").records.list({ reviewId: f.review.id, query: "10.1001/jamaneurol.2016.0001" });
    expect(page.items.map((i) => i.id).sort()).toEqual([f.ids.msc, f.ids.copy].sort());
    expect(page.items.map((i) => i.id)).not.toContain(other.ids.msc);
  });
});
