import { describe, expect, it } from "vitest";
import { article, prepared } from "./records.fixture";
import { assessPair } from "./score";
import type { DedupRecord } from "./types";

function assess(a: DedupRecord, b: DedupRecord) {
  const [pa, pb] = prepared(a, b);
  return assessPair(pa!, pb!);
}

const decision = (a: DedupRecord, b: DedupRecord) => assess(a, b)?.decision ?? "distinct";

describe("assessPair: the same article exported differently", () => {
  it("merges despite case, punctuation, author and journal styles and short page ranges", () => {
    const pubmed = article({
      title: "Eculizumab for congenital atypical hemolytic-uremic syndrome.",
      authors: ["Gruppo RA", "Rother RP"],
      journal: "N Engl J Med",
      pages: "544-6",
    });
    const embase = article({
      title: "ECULIZUMAB FOR CONGENITAL ATYPICAL HAEMOLYTIC URAEMIC SYNDROME",
      authors: ["Gruppo, Ralph A.", "Rother, Russell P."],
    });
    const result = assess(pubmed, embase);
    expect(result?.decision).toBe("merge");
    expect(result?.score).toBeGreaterThan(0.99);
    expect(result?.evidence).toMatchObject({
      title: { agreement: "same" },
      authors: { agreement: "same" },
      journal: { agreement: "same" },
      pages: { agreement: "same" },
    });
  });

  it("merges through a typo in the title", () => {
    expect(
      decision(article(), article({ title: "Eculizumab for congenital atypical hemolytic-uremic syndorme" })),
    ).toBe("merge");
  });

  it("merges a MEDLINE translated title with the English one when the citation agrees", () => {
    const original = article({
      title: "Indications and contraindications for living kidney donations",
      journal: "Nefrologia",
      volume: "30",
      issue: null,
      pages: "30-38",
      authors: ["Andres, A."],
      year: 2010,
    });
    const translated = {
      ...original,
      id: "translated",
      title: "[Indications and contraindications of living-donor kidney transplantation]. [Spanish]",
    };
    expect(decision(original, translated)).toBe("merge");
  });

  it("merges a record that lacks the venue when title, authors and year agree", () => {
    expect(decision(article(), article({ journal: null, volume: null, issue: null, pages: null }))).toBe("merge");
  });

  it("merges on a shared DOI even when the titles differ", () => {
    const a = article({ doi: "10.1056/nejmc0808527" });
    expect(decision(a, article({ doi: "10.1056/nejmc0808527", title: "Complement blockade in congenital HUS" }))).toBe(
      "merge",
    );
  });
});

describe("assessPair: a title reworded between online-first and print", () => {
  const team = ["Moreau, A. L.", "Kessler, M.", "Ortega, V.", "Brandt, T.", "Lindqvist, K.", "Osei, F.", "Tanaka, H."];
  const printed = article({
    title: "Plasma exchange for severe thrombotic microangiopathy in young children after kidney transplantation",
    authors: team,
    journal: "Kidney International",
    volume: "80",
    issue: "4",
    pages: "412-419",
    year: 2011,
  });
  const online = article({
    title: "Complement blockade for severe thrombotic microangiopathy in young children after kidney transplantation",
    authors: ["Moreau, AL", "Kessler, M", "Ortega, V", "Brandt, T", "Lindqvist, K"],
    journal: "Kidney Int",
    volume: null,
    issue: null,
    pages: null,
    year: 2011,
  });

  it("merges when a byline of four or more names keeps its order, in the same journal, with nothing disagreeing", () => {
    const result = assess(printed, online);
    expect(result?.decision).toBe("merge");
    expect(result?.evidence).toMatchObject({ title: { agreement: "partial" }, byline: { agreement: "same" } });
  });

  it("only offers the pair for review when the names are the same but not in the same order", () => {
    const reordered = {
      ...online,
      id: "reordered",
      authors: ["Kessler, M", "Moreau, AL", "Ortega, V", "Brandt, T", "Lindqvist, K"],
    };
    expect(assess(printed, reordered)?.decision).toBe("review");
  });

  // One word apart: close enough that the byline alone would carry a merge.
  const sibling =
    "Plasma exchange for severe thrombotic microangiopathy in young adolescents after kidney transplantation";

  it("only offers the pair for review when the pages disagree: a team's companion paper", () => {
    expect(decision(printed, { ...printed, id: "companion", title: sibling, pages: "420-427" })).toBe("review");
  });

  it("only offers the pair for review for meeting abstracts, which a team sends several of with one byline", () => {
    const abstract = (id: string, title: string) => ({
      ...online,
      id,
      title,
      journal: "Kidney International",
      volume: "80",
      issue: "Suppl. 1",
      pages: null,
    });
    expect(decision(abstract("m1", printed.title), abstract("m2", online.title))).toBe("review");
  });

  it("only offers the pair for review for a short byline, or without the journal on both sides", () => {
    expect(decision({ ...printed, authors: team.slice(0, 3) }, { ...online, authors: team.slice(0, 3) })).toBe(
      "review",
    );
    expect(decision(printed, { ...online, id: "no-journal", title: sibling, journal: null })).toBe("review");
  });
});

describe("assessPair: one work printed twice, or with its notices", () => {
  it("merges a correction printed later in the volume under the article's title, citing it or not", () => {
    const erratum = article({
      title: "Erratum: Eculizumab for congenital atypical hemolytic-uremic syndrome",
      issue: "23",
      pages: "2487",
      authors: ["Gruppo, R. A."],
    });
    const result = assess(article(), erratum);
    expect(result?.decision).toBe("merge");
    expect(result?.evidence.kind).toMatchObject({ agreement: "partial", weight: 0 });
    const wos = article({
      title: "Eculizumab for congenital atypical hemolytic-uremic syndrome (vol 360, pg 544, 2009)",
      issue: "23",
      pages: "2487",
    });
    expect(decision(article(), wos)).toBe("merge");
    const embase = article({
      title:
        "Eculizumab for congenital atypical hemolytic-uremic syndrome (New England Journal of Medicine (2009) 360 (544-546))",
      issue: "23",
      pages: "2487",
    });
    expect(decision(article(), embase)).toBe("merge");
  });

  it("merges an unlabelled correction printed where the article's MEDLINE note says its erratum appeared", () => {
    const noted = article({
      title:
        "Eculizumab for congenital atypical hemolytic-uremic syndrome.[Erratum appears in N Engl J Med. 2009 Jun 4;360(23):2487]",
    });
    const correction = article({ issue: "23", pages: "2487-2487", authors: ["Gruppo, R. A."] });
    const result = assess(noted, correction);
    expect(result?.decision).toBe("merge");
    expect(result?.evidence.kind).toMatchObject({ agreement: "partial" });
    expect(decision(noted, article({ issue: "24", pages: "2590-2590", authors: ["Gruppo, R. A."] }))).toBe("review");
  });

  it("merges a reply with the letters it answers when printed together under one title", () => {
    const letters = article({ authors: ["Yildiz, B.", "Kural, N.", "Noris, M.", "Remuzzi, G."], pages: "544-546" });
    const reply = article({
      title: "Eculizumab for congenital atypical hemolytic-uremic syndrome - Reply",
      authors: ["Noris, M.", "Remuzzi, G."],
      pages: "546",
    });
    expect(decision(letters, reply)).toBe("merge");
    const strangers = article({
      title: "Eculizumab for congenital atypical hemolytic-uremic syndrome - Reply",
      authors: ["Shin, J. I.", "Lee, J. S."],
      pages: "546",
    });
    expect(decision(letters, strangers)).not.toBe("merge");
  });

  it("merges a meeting abstract printed on one page earlier in the volume than the full paper", () => {
    const abstract = article({ issue: "2", pages: "98" });
    expect(decision(article({ issue: "12", pages: "2539-2542" }), abstract)).toBe("merge");
  });

  it("merges one abstract printed in the supplements of two meetings", () => {
    const first = article({ journal: "British Journal of Haematology", volume: "145", issue: "Suppl. 1", pages: "23" });
    const second = article({ journal: "Haematologica", volume: "94", issue: "Suppl. 2", pages: "239-240" });
    const result = assess(first, second);
    expect(result?.decision).toBe("merge");
    expect(result?.evidence).toMatchObject({
      journal: { agreement: "differ", weight: 0 },
      volume: { agreement: "differ", weight: 0 },
    });
  });
});

describe("assessPair: look-alikes that are other documents", () => {
  it("keeps a conference abstract apart from the full paper in another journal", () => {
    const abstract = article({ journal: "Blood", volume: "112", issue: "11", pages: "800" });
    expect(decision(article(), abstract)).toBe("distinct");
  });

  it("only offers for review a single page after the article in its volume (a letter or correction about it)", () => {
    const later = article({ issue: "23", pages: "2487" });
    expect(decision(article(), later)).toBe("review");
  });

  it("only offers for review an abstract before the paper when the authors only partly agree", () => {
    const abstract = article({ issue: "2", pages: "98", authors: ["Gruppo, R. A.", "Smith, J.", "Jones, K."] });
    expect(decision(article({ authors: ["Rother, R. P.", "Gruppo, R. A.", "Smith, J."] }), abstract)).toBe("review");
  });

  it("never merges an erratum printed in the article's own issue, or citing another page", () => {
    expect(
      decision(
        article(),
        article({
          title: "Erratum: Eculizumab for congenital atypical hemolytic-uremic syndrome",
          pages: "590",
          authors: ["Gruppo, R. A."],
        }),
      ),
    ).toBe("review");
    const elsewhere = article({
      title: "Eculizumab for congenital atypical hemolytic-uremic syndrome (vol 360, pg 612, 2009)",
      issue: "23",
      pages: "2487",
    });
    expect(decision(article(), elsewhere)).toBe("review");
  });

  it("never merges a retraction with the article it retracts", () => {
    const retraction = article({
      title: "Retraction notice: Eculizumab for congenital atypical hemolytic-uremic syndrome",
      issue: "23",
      pages: "2487",
    });
    expect(decision(article(), retraction)).not.toBe("merge");
  });

  it("never merges a comment printed in another journal with the article", () => {
    const comment = article({
      title: "Comment on: Eculizumab for congenital atypical hemolytic-uremic syndrome",
      authors: ["Shin, J. I."],
      journal: "Pediatric Nephrology",
      volume: "25",
      issue: "2",
      pages: "212",
    });
    expect(decision(article(), comment)).not.toBe("merge");
  });

  it("keeps abstracts of two meetings apart when the titles only look alike", () => {
    const first = article({
      title: "Eculizumab in adult patients with plasma therapy-sensitive atypical HUS",
      journal: "Blood",
      volume: "118",
      issue: "Suppl. 1",
      pages: "S12",
    });
    const second = article({
      title: "Eculizumab in adolescent patients with plasma therapy-resistant atypical HUS",
      journal: "Haematologica",
      volume: "96",
      issue: "Suppl. 2",
      pages: "239",
    });
    expect(decision(first, second)).not.toBe("merge");
  });

  it("keeps the parts of a multi-part article apart", () => {
    const part1 = article({
      title: "Auckland Stroke Outcomes Study. Part 1: Gender, stroke types and outcomes",
      pages: "1597-1607",
    });
    const part2 = article({
      title: "Auckland Stroke Outcomes Study. Part 2: Gender, stroke types and outcomes",
      pages: "1608-1616",
    });
    expect(decision(part1, part2)).toBe("distinct");
  });

  it("does not take a meeting supplement's DOI, copied onto each abstract printed in it, for one document", () => {
    const supplement = { journal: "Diabetes", volume: "66", issue: "Suppl 1", doi: "10.2337/db17-suppl1", year: 2017 };
    const first = article({
      ...supplement,
      title: "Linagliptin lowers plaque burden in ApoE knockout mice",
      pages: "A112",
    });
    const second = article({
      ...supplement,
      title: "Exenatide and renal sodium handling in obese rats",
      authors: ["Ortega, V.", "Brandt, T."],
      pages: "A245",
    });
    expect(decision(first, second)).toBe("distinct");
    // The same DOI on one abstract exported twice still merges it.
    expect(decision(first, { ...first, id: "copy", title: "Linagliptin lowers plaque burden" })).toBe("merge");
  });

  it("treats two different DOIs as two documents, however alike the rest", () => {
    const a = article({ doi: "10.1056/nejmc0808527" });
    expect(decision(a, article({ doi: "10.1056/nejmc0808528" }))).not.toBe("merge");
  });

  it("does not pair unrelated papers that share a short generic title", () => {
    const a = article({
      title: "Eculizumab",
      authors: ["Dubois, E. A."],
      journal: "Br J Clin Pharmacol",
      volume: "68",
      issue: "3",
      pages: "318-319",
    });
    const b = article({
      title: "Eculizumab",
      authors: ["Davis, J."],
      year: 2008,
      journal: "Am J Health Syst Pharm",
      volume: "65",
      issue: "17",
      pages: "1609-1615",
    });
    expect(decision(a, b)).toBe("distinct");
  });

  it("needs a title on both sides (or a shared identifier) to merge", () => {
    expect(decision(article(), article({ title: "" }))).toBe("review");
  });
});

describe("assessPair: a title in two languages", () => {
  // MEDLINE prints the English translation in brackets; the journal's own database, Embase or LILACS the
  // original. Only the citation ties them: same authors, year, volume and first page.
  const original = article({
    title: "Colecistectomía laparoscópica ambulatoria: experiencia de cinco años en un hospital general",
    authors: ["Mulić, Suada", "Hernández-García, José"],
    journal: "Cirugía y cirujanos",
    year: 2012,
    volume: "80",
    issue: "3",
    pages: "245-251",
  });
  const medline = article({
    title: "[Outpatient laparoscopic cholecystectomy: five years of experience in a general hospital].",
    authors: ["Muli S", "Hernandez-Garcia J"],
    journal: "Cir Cir",
    year: 2012,
    volume: "80",
    issue: null,
    pages: "245-51",
  });

  it("merges MEDLINE's bracketed translation with the original title when authors, year, volume and first page agree", () => {
    const result = assess(original, medline);
    expect(result?.decision).toBe("merge");
    expect(result?.evidence).toMatchObject({ authors: { agreement: "same" }, journal: { agreement: "same" } });
  });

  it("merges them when the journal too is named in the other language", () => {
    const result = assess(original, { ...medline, journal: "Surgery and Surgeons" });
    expect(result).toMatchObject({ decision: "merge", evidence: { translation: { agreement: "same" } } });
  });

  it("does not merge them when the first page, the volume or the year disagrees", () => {
    expect(decision(original, { ...medline, pages: "252-258" })).not.toBe("merge");
    expect(decision(original, { ...medline, volume: "81" })).not.toBe("merge");
    expect(decision(original, { ...medline, year: 2013 })).not.toBe("merge");
  });

  it("does not merge them on the citation alone when the authors are others", () => {
    expect(decision(original, { ...medline, authors: ["Ramírez, P.", "Ortega, L."] })).not.toBe("merge");
  });

  it("merges an original title printed with its translation with a record that carries only the translation", () => {
    const both = {
      ...original,
      title:
        "Colecistectomía laparoscópica ambulatoria: experiencia de cinco años en un hospital general [Outpatient laparoscopic cholecystectomy: five years of experience in a general hospital]",
    };
    const english = {
      ...medline,
      title: "Outpatient laparoscopic cholecystectomy: five years of experience in a general hospital",
      volume: null,
      pages: null,
    };
    const result = assess(both, english);
    expect(result?.decision).toBe("merge");
    expect(result?.evidence).toMatchObject({ title: { agreement: "same" } });
  });
});

describe("assessPair: versions of one Cochrane review", () => {
  const review = {
    title: "Cognitive rehabilitation for memory deficits after stroke",
    journal: "Cochrane Database of Systematic Reviews",
    authors: ["das Nair, R.", "Lincoln, N."],
    volume: null,
  };

  it("merges two versions, whose DOIs, years and issues differ by design", () => {
    const v2 = article({ ...review, year: 2007, issue: "3", pages: "CD002293", doi: "10.1002/14651858.cd002293.pub2" });
    const v3 = article({
      ...review,
      year: 2016,
      issue: "9",
      pages: "CD002293",
      doi: "10.1002/14651858.cd002293.pub3",
      authors: ["das Nair, R.", "Cogger, H.", "Worthington, E.", "Lincoln, N. B."],
    });
    expect(assess(v2, v3)).toMatchObject({ decision: "merge", evidence: { cochraneReview: { agreement: "same" } } });
    // The first version has the bare number; a record may name the review only in its page field.
    const v1 = article({ ...review, year: 2000, issue: "4", pages: null, doi: "10.1002/14651858.cd002293" });
    expect(decision(v1, v3)).toBe("merge");
    expect(decision(article({ ...review, year: 2016, issue: "9", pages: "CD002293" }), v2)).toBe("merge");
  });

  it("keeps two reviews apart, however alike their titles", () => {
    const a = article({ ...review, year: 2016, pages: "CD002293", doi: "10.1002/14651858.cd002293.pub3" });
    const b = article({ ...review, year: 2016, pages: "CD002294", doi: "10.1002/14651858.cd002294.pub3" });
    expect(decision(a, b)).not.toBe("merge");
    expect(decision({ ...a, doi: null }, { ...b, doi: null })).not.toBe("merge");
  });

  it("never merges a withdrawn version, which must stay in sight", () => {
    const current = article({ ...review, year: 2016, doi: "10.1002/14651858.cd002293.pub3" });
    const withdrawn = article({
      ...review,
      title: `WITHDRAWN: ${review.title}`,
      year: 2017,
      doi: "10.1002/14651858.cd002293.pub4",
    });
    expect(decision(current, withdrawn)).not.toBe("merge");
  });
});
