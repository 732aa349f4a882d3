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
    // Two short abstracts share a page of the supplement.
    expect(decision(first, { ...second, pages: "A112-A113" })).toBe("distinct");
    // The same DOI on one abstract exported twice still merges it.
    expect(decision(first, { ...first, id: "copy", title: "Linagliptin lowers plaque burden" })).toBe("merge");
  });

  describe("two abstracts of one group printed side by side in a supplement under one title", () => {
    const supplement = {
      title: "Exenatide slows aortic plaque growth in ApoE-deficient mice",
      journal: "Diabetes Research and Reviews",
      volume: "30",
      issue: "Suppl 3",
      doi: "10.1002/drr.suppl3",
      year: 2014,
    };
    const first = article({ ...supplement, authors: ["Park, H.", "Li, Y.", "Novak, T."], pages: "51" });
    const second = article({
      ...supplement,
      title: `The ${supplement.title}`,
      authors: ["Park, H.", "Li, J.", "Sato, K.", "Li, Y.", "Novak, T."],
      pages: "52",
    });

    it("does not merge them: one supplement prints each abstract once, and its DOI names the supplement", () => {
      const result = assess(first, second);
      expect(result?.decision).toBe("review");
      expect(result?.evidence).toMatchObject({
        doi: { agreement: "partial", weight: 0 },
        pages: { agreement: "differ" },
        authors: { agreement: "close" },
      });
    });

    it("does not merge them without the DOI and the supplement's marks either", () => {
      const plain = { doi: null, issue: null };
      expect(decision(article({ ...first, ...plain }), article({ ...second, ...plain }))).toBe("review");
    });

    it("still merges one abstract exported twice, one copy's page mistyped, under one byline and DOI", () => {
      expect(decision(first, { ...first, id: "copy", volume: "1", pages: "1051" })).toBe("merge");
    });

    it("still reads their bylines as the same authors where no page sets the records apart", () => {
      const unpaged = { pages: null, doi: null };
      expect(assess({ ...first, ...unpaged }, { ...second, ...unpaged })?.evidence.authors).toMatchObject({
        agreement: "same",
      });
    });

    it("still merges an abstract with the paper it preceded, whose byline grew", () => {
      const abstract = article({ issue: "2", pages: "98", authors: ["Gruppo, R. A.", "Rother, R. P.", "Lee, K."] });
      const paper = article({
        issue: "12",
        pages: "2539-2542",
        authors: ["Gruppo, R. A.", "Kim, S.", "Rother, R. P.", "Lee, K."],
      });
      expect(decision(paper, abstract)).toBe("merge");
    });
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

describe("assessPair: a paper as proceedings and other databases print it", () => {
  // A proceedings paper: no journal, volume or issue, pages counted from 1 within the paper.
  const proceedings = (fields: Partial<DedupRecord> = {}) =>
    article({
      title: "Call for bids to improve matching efficiency - evidence from online labor markets",
      authors: ["Guo, Xue", "Gong, Jing", "Pavlou, Paul A."],
      year: 2017,
      journal: null,
      volume: null,
      issue: null,
      pages: "1--12",
      type: "inproceedings",
      ...fields,
    });

  it("merges it with the record of another database that prints the colon, initials and the next year", () => {
    const indexed = proceedings({
      title: "Call for bids to improve matching efficiency: Evidence from online labor markets",
      authors: ["Guo, X.", "Gong, J.", "Pavlou, P."],
      year: 2018,
      pages: null,
    });
    expect(decision(proceedings(), indexed)).toBe("merge");
  });

  it("merges it when the other database lists the same authors in another order", () => {
    const reordered = proceedings({ authors: ["Pavlou, P.", "Guo, X.", "Gong, J."], pages: null });
    expect(decision(proceedings(), reordered)).toBe("merge");
  });

  it("only asks when an author is missing from one byline", () => {
    const shorter = proceedings({ authors: ["Guo, X.", "Gong, J."], year: 2018, pages: null });
    expect(decision(proceedings(), shorter)).toBe("review");
  });

  it("keeps the parts of one work apart, however whole the byline they share", () => {
    const title = "Hippocampal leptin suppresses the excitability of membranes of excitable cells";
    const byline = ["Hock, C.", "Oakeshott, P.", "Hellwage, J.", "Olsen, L. H."];
    const first = article({ title, authors: byline, volume: "59", issue: "2", pages: null });
    const second = article({
      title: `${title}. Part 2`,
      authors: byline,
      volume: "59",
      issue: "2",
      pages: "2098-2106",
    });
    expect(decision(first, second)).not.toBe("merge");
  });

  it("only asks about a single author's two papers of one title, nothing else in common", () => {
    const single = { authors: ["Guo, Xue"], pages: null };
    expect(decision(proceedings(single), proceedings({ ...single, year: 2018 }))).toBe("review");
  });

  it("only asks about two abstracts of one byline at two meetings under titles only alike", () => {
    const byline = ["Desjardins, J.", "Zhang, Y.", "Thai, K."];
    const first = article({
      title: "Cardiac effects of combined SGLT1/2 inhibition following experimental myocardial infarction in the rat",
      authors: byline,
      journal: "Canadian Journal of Cardiology",
      volume: "33",
      issue: "10 Supplement 1",
      pages: "S170",
    });
    const next = article({
      title: "Cardiac effects of combined SGLT1/2 inhibition following myocardial infarction",
      authors: byline,
      journal: "Diabetologia",
      volume: "60",
      issue: "1 Supplement 1",
      pages: "S548",
    });
    expect(decision(first, next)).toBe("review");
  });
});

describe("assessPair: a title printed without its subtitle", () => {
  const full = article({
    title: "Diminished control in crowdsourcing: an investigation of crowdworker multitasking behavior",
    authors: ["Gould, S. J. J.", "Cox, A. L.", "Brumby, D. P."],
    journal: "ACM Transactions on Computer-Human Interaction",
    volume: "23",
    issue: "3",
    pages: "1-29",
  });

  it("merges the main title alone with the full title at the same place", () => {
    const short = { ...full, id: "short", title: "Diminished Control in Crowdsourcing" };
    expect(decision(full, short)).toBe("merge");
  });

  it("reads a spaced dash as the colon proceedings print it as", () => {
    const dashed = { ...full, id: "dashed", title: "Diminished control in crowdsourcing - an investigation of ..." };
    const short = { ...full, id: "short", title: "Diminished control in crowdsourcing", pages: null };
    expect(assess(dashed, short)?.evidence.title).toMatchObject({ agreement: "partial" });
  });

  it("does not take a title for the main title of one that only starts with the same words", () => {
    const longer = {
      ...full,
      id: "longer",
      title: "Diminished control in crowdsourcing markets for translation work",
      pages: "30-52",
    };
    const short = { ...full, id: "short", title: "Diminished control in crowdsourcing" };
    expect(assess(longer, short)?.evidence.title?.weight ?? -1).toBeLessThan(0);
  });

  it("only asks when a two-word main title is all that ties the records to one place", () => {
    const paper = article({
      title: "Infrastructure in the wild: what mapping after an earthquake reveals about infrastructural emergence",
      authors: ["Soden, R.", "Palen, L."],
      year: 2016,
      journal: null,
      volume: null,
      issue: null,
      pages: "2796-2807",
    });
    const short = { ...paper, id: "short", title: "Infrastructure in the Wild" };
    expect(decision(paper, short)).toBe("review");
  });
});

describe("assessPair: a title in another language at the same pages", () => {
  const german = article({
    title: "Plattformökonomie und Crowdworking als Herausforderungen für das deutsche Modell der Arbeitsbeziehungen",
    authors: ["Greef, Samuel", "Schroeder, Wolfgang", "Sperling, Hans Joachim"],
    year: 2020,
    journal: "Industrielle Beziehungen",
    volume: "27",
    issue: "2",
    pages: "205-226",
  });
  const english = {
    ...german,
    id: "english",
    title: "Platform economy and crowdworking as challenges for the German model of industrial relations",
    authors: ["Greef, S.", "Schroeder, W.", "Sperling, H. J."],
  };

  it("merges it: two articles do not fill the same pages of one volume", () => {
    expect(decision(german, english)).toBe("merge");
  });

  it("keeps them apart when the last page differs", () => {
    expect(decision(german, { ...english, pages: "205-212" })).toBe("distinct");
  });

  it("keeps them apart when the authors are others", () => {
    expect(decision(german, { ...english, authors: ["Müller, K.", "Schmidt, P."] })).not.toBe("merge");
  });

  it("does not read the same pages of two issues that way: a journal may start each issue on page 1", () => {
    const nextIssue = {
      ...english,
      title: "Works councils and the digital transformation of retail: a survey of German employers",
      issue: "3",
    };
    expect(decision(german, nextIssue)).toBe("distinct");
  });

  it("does not read the range of a meeting supplement, given to each abstract in it, that way", () => {
    const supplement = { volume: "27", issue: "Suppl 1", pages: "S1-S200" };
    expect(decision({ ...german, ...supplement }, { ...english, ...supplement })).toBe("distinct");
  });
});

describe("assessPair: numbering as databases print it", () => {
  it("does not take a year printed as the volume (and the month as issue) for another volume", () => {
    const hbr = article({
      title: "Upwork's CEO on how an introverted engineer learned to lead",
      authors: ["Kasriel, Stephane"],
      year: 2016,
      journal: "Harvard Business Review",
      volume: "94",
      issue: "5",
      pages: "35",
    });
    const other = { ...hbr, id: "other", authors: ["Kasriel, S."], volume: "2016", issue: "May", pages: null };
    const result = assess(hbr, other);
    expect(result?.evidence.volume).toBeUndefined();
    expect(result?.decision).toBe("merge");
  });

  it("only asks about one title and byline in two issues of a volume when neither record has pages", () => {
    const column = (issue: string) =>
      article({
        title: "Editor's comments",
        authors: ["Weber, Ron"],
        journal: "MIS Quarterly",
        volume: "26",
        issue,
        pages: null,
      });
    expect(decision(column("1"), column("2"))).toBe("review");
  });

  it("still merges a copy that got its issue wrong when its pages agree", () => {
    expect(decision(article(), article({ issue: "6" }))).toBe("merge");
  });
});

describe("assessPair: a correction printed right after its article", () => {
  const title =
    "How do requirements evolve over time? A case study of context and experience in enterprise software requirements";
  const paper = article({
    title,
    authors: ["Schneider, S.", "Wollersheim, J.", "Krcmar, H."],
    journal: "Journal of Information Technology",
    volume: "33",
    issue: "2",
    pages: "151-170",
    doi: "10.1057/s41265-016-0001-y",
  });
  const erratum = {
    ...paper,
    id: "erratum",
    title: `Erratum to - ${title}`,
    pages: "171",
    doi: "10.1057/s41265-017-0039-5",
  };

  it("merges it with the article, its own DOI notwithstanding", () => {
    expect(decision(paper, erratum)).toBe("merge");
  });

  it("does not tie a correction printed elsewhere in the same issue to the article", () => {
    expect(decision(paper, { ...erratum, pages: "190" })).not.toBe("merge");
  });
});
