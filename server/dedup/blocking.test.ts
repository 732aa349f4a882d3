import { describe, expect, it } from "vitest";
import { documentFrequencies, forEachCandidatePair, MAX_BLOCK } from "./blocking";
import { prepareRecord, Vocabulary } from "./normalise";
import { article } from "./records.fixture";
import type { DedupRecord } from "./types";

/** Candidate pairs as "i-j" strings; the first `existing` records count as already in the library. */
function candidates(records: DedupRecord[], existing = 0): Set<string> {
  const vocabulary = new Vocabulary();
  const prepared = records.map((r, i) => prepareRecord(r, i, i >= existing, vocabulary));
  const pairs = new Set<string>();
  forEachCandidatePair(prepared, documentFrequencies(prepared, vocabulary.size), (i, j) => {
    const key = `${i}-${j}`;
    expect(pairs.has(key)).toBe(false);
    pairs.add(key);
  });
  return pairs;
}

const title = "Prophylactic eculizumab prior to kidney transplantation for atypical hemolytic uremic syndrome";

describe("forEachCandidatePair", () => {
  it("puts a duplicate with typos in the title in a common block", () => {
    const variants = [
      "Prophylatic eculizumab prior to kidney transplantation for atypical hemolytic uremic syndrome",
      "Prophylactic eculizumab prior to kidney transplantation for atypical hemolytic uremic syndorme",
      "Prophylatic eculizumab prior to kidney transplantation for atypical hemolytic uremic syndorme",
      "Atypical hemolytic uremic syndrome: prophylactic eculizumab prior to kidney transplantation",
    ];
    for (const variant of variants) {
      // Different authors, year and venue: only the title can bring the two together.
      const other = article({ title: variant, authors: ["Weitz, M."], year: 2012, volume: null, pages: null });
      expect(candidates([article({ title }), other])).toEqual(new Set(["0-1"]));
    }
  });

  it("pairs records whose titles differ completely when first author and year agree", () => {
    const translated = article({ title: "[Eculizumab bei kongenitalem atypischem HUS]. [German]", doi: null });
    expect(candidates([article(), translated])).toEqual(new Set(["0-1"]));
  });

  it("compares an oversized block by neighbourhood, not all pairs", () => {
    const crowd = Array.from({ length: 3 * MAX_BLOCK }, (_, i) =>
      article({ title: `Case report number ${i} of something rare`, pages: String(100 + i) }),
    );
    const copy = { ...crowd[40]!, id: "copy" };
    const pairs = candidates([...crowd, copy]);
    const everyPair = ((crowd.length + 1) * crowd.length) / 2;
    expect(pairs.size).toBeLessThan(everyPair / 2);
    expect(pairs.has(`40-${crowd.length}`)).toBe(true);
  });

  it("never pairs two records that were both in the library already", () => {
    const library = [
      article(),
      article(),
      article({ title: "Something else entirely", authors: ["Other, A."], volume: "1", pages: "1-9" }),
    ];
    expect(candidates(library, 3).size).toBe(0);
    expect(candidates([...library, article()], 3)).toEqual(new Set(["0-3", "1-3"]));
  });
});
