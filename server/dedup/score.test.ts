import { describe, expect, it } from "vitest";
import { assessPair } from "./score";
import { article, prepared } from "./test-records";
import type { DedupRecord } from "./types";

function assess(a: DedupRecord, b: DedupRecord) {
  const [pa, pb] = prepared(a, b);
  return assessPair(pa!, pb!);
}

const decision = (a: DedupRecord, b: DedupRecord) => assess(a, b)?.decision ?? "distinct";

describe("assessPair: the same article exported differently", () => {
  it("merges despite case, punctuation, author and journal styles and short page ranges", () => {
    const pubmed = article({ title: "Eculizumab for congenital atypical hemolytic-uremic syndrome.", authors: ["Gruppo RA", "Rother RP"], journal: "N Engl J Med", pages: "544-6" });
    const embase = article({ title: "ECULIZUMAB FOR CONGENITAL ATYPICAL HAEMOLYTIC URAEMIC SYNDROME", authors: ["Gruppo, Ralph A.", "Rother, Russell P."] });
    const result = assess(pubmed, embase);
    expect(result?.decision).toBe("merge");
    expect(result?.score).toBeGreaterThan(0.99);
    expect(result?.evidence).toMatchObject({ title: { agreement: "same" }, authors: { agreement: "same" }, journal: { agreement: "same" }, pages: { agreement: "same" } });
  });

  it("merges through a typo in the title", () => {
    expect(decision(article(), article({ title: "Eculizumab for congenital atypical hemolytic-uremic syndorme" }))).toBe("merge");
  });

  it("merges a MEDLINE translated title with the English one when the citation agrees", () => {
    const original = article({ title: "Indications and contraindications for living kidney donations", journal: "Nefrologia", volume: "30", issue: null, pages: "30-38", authors: ["Andres, A."], year: 2010 });
    const translated = { ...original, id: "translated", title: "[Indications and contraindications of living-donor kidney transplantation]. [Spanish]" };
    expect(decision(original, translated)).toBe("merge");
  });

  it("merges a record that lacks the venue when title, authors and year agree", () => {
    expect(decision(article(), article({ journal: null, volume: null, issue: null, pages: null }))).toBe("merge");
  });

  it("merges on a shared DOI even when the titles differ", () => {
    const a = article({ doi: "10.1056/nejmc0808527" });
    expect(decision(a, article({ doi: "10.1056/nejmc0808527", title: "Complement blockade in congenital HUS" }))).toBe("merge");
  });
});

describe("assessPair: look-alikes that are other documents", () => {
  it("shows an erratum beside its article but never merges them", () => {
    const erratum = article({ title: "Erratum: Eculizumab for congenital atypical hemolytic-uremic syndrome", issue: "23", pages: "2487", authors: ["Gruppo, R. A."] });
    const result = assess(article(), erratum);
    expect(result?.decision).toBe("review");
    expect(result?.evidence.kind).toMatchObject({ agreement: "differ" });
    const wos = article({ title: "Eculizumab for congenital atypical hemolytic-uremic syndrome (vol 360, pg 544, 2009)", issue: "23", pages: "2487" });
    expect(decision(article(), wos)).toBe("review");
  });

  it("never merges a reply or a comment with the letter it answers", () => {
    const reply = article({ title: "Eculizumab for congenital atypical hemolytic-uremic syndrome - Reply", authors: ["Noris, M.", "Remuzzi, G."], pages: "546" });
    expect(decision(article(), reply)).not.toBe("merge");
    const comment = article({ title: "Comment on: Eculizumab for congenital atypical hemolytic-uremic syndrome", authors: ["Shin, J. I."], issue: "20", pages: "2142" });
    expect(decision(article(), comment)).not.toBe("merge");
  });

  it("keeps a conference abstract apart from the full paper in another journal", () => {
    const abstract = article({ journal: "Blood", volume: "112", issue: "11", pages: "800" });
    expect(decision(article(), abstract)).toBe("distinct");
  });

  it("only offers for review an abstract and the paper in the same journal volume", () => {
    const supplement = article({ issue: "9 Suppl", pages: "1875" });
    expect(decision(article({ issue: "12", pages: "2539-2542" }), supplement)).toBe("review");
  });

  it("keeps the parts of a multi-part article apart", () => {
    const part1 = article({ title: "Auckland Stroke Outcomes Study. Part 1: Gender, stroke types and outcomes", pages: "1597-1607" });
    const part2 = article({ title: "Auckland Stroke Outcomes Study. Part 2: Gender, stroke types and outcomes", pages: "1608-1616" });
    expect(decision(part1, part2)).toBe("distinct");
  });

  it("never merges an updated review (same title, later year) with the earlier version", () => {
    const cochrane = { title: "Cognitive rehabilitation for memory deficits after stroke", journal: "Cochrane Database of Systematic Reviews", pages: "CD002293", authors: ["das Nair, R.", "Lincoln, N."] };
    const first = article({ ...cochrane, year: 2007, volume: null, issue: "3" });
    const update = article({ ...cochrane, year: 2016, volume: null, issue: "9" });
    expect(decision(first, update)).not.toBe("merge");
  });

  it("treats two different DOIs as two documents, however alike the rest", () => {
    const a = article({ doi: "10.1002/14651858.cd002293.pub2" });
    expect(decision(a, article({ doi: "10.1002/14651858.cd002293.pub3" }))).not.toBe("merge");
  });

  it("does not pair unrelated papers that share a short generic title", () => {
    const a = article({ title: "Eculizumab", authors: ["Dubois, E. A."], journal: "Br J Clin Pharmacol", volume: "68", issue: "3", pages: "318-319" });
    const b = article({ title: "Eculizumab", authors: ["Davis, J."], year: 2008, journal: "Am J Health Syst Pharm", volume: "65", issue: "17", pages: "1609-1615" });
    expect(decision(a, b)).toBe("distinct");
  });

  it("needs a title on both sides (or a shared identifier) to merge", () => {
    expect(decision(article(), article({ title: "" }))).toBe("review");
  });
});
