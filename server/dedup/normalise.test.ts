import { describe, expect, it } from "vitest";
import { parseAuthor, parseAuthors, sameAuthor, sharedByline } from "./authors";
import { compareJournals, normaliseJournal } from "./journal";
import { cochraneReview, isMeetingAbstract, normaliseNumbering, normaliseType, parsePages } from "./normalise";
import { normaliseTitle } from "./title";

const text = (title: string) => normaliseTitle(title).text;

describe("normaliseTitle", () => {
  it("ignores case, diacritics, markup, punctuation and a trailing full stop", () => {
    const plain = "eculizumab for atypical hemolytic uremic syndrome";
    expect(text("Eculizumab for Atypical Hemolytic–Uremic Syndrome.")).toBe(plain);
    expect(text("Eculizumab for <i>atypical</i> hemolytic-uremic syndrome")).toBe(plain);
    expect(text("Eculizumab for atypical hemolytic &amp; uremic syndrome")).toBe(
      "eculizumab for atypical hemolytic and uremic syndrome",
    );
    expect(text('Störungen der {\\"o}rtlichen Räume')).toBe("storungen der ortlichen raume");
    expect(text("Symptom's of the \\textit{posttraumatic} state")).toBe("symptoms of the posttraumatic state");
  });

  it("writes small numbers as digits", () => {
    expect(text("Comparison with two canine models")).toBe(text("Comparison with 2 canine models"));
    expect(normaliseTitle("Comparison with two canine models").numbers).toEqual(["2"]);
  });

  it("unifies British and American spelling", () => {
    expect(text("Haemolytic uraemic syndrome in a randomised paediatric cohort: tumour behaviour")).toBe(
      text("Hemolytic uremic syndrome in a randomized pediatric cohort: tumor behavior"),
    );
  });

  it("drops MEDLINE's translation brackets and language, review and reference tags", () => {
    const plain = "clinical aspects of the complement system";
    expect(text("[Clinical aspects of the complement system]. [Japanese]")).toBe(plain);
    expect(text("Clinical aspects of the complement system. [Japanese]")).toBe(plain);
    expect(text("[Clinical aspects of the complement system]. [Review] [16 refs] [Japanese]")).toBe(plain);
    expect(normaliseTitle("[Clinical aspects of the complement system]. [Japanese]").translated).toBe(true);
    expect(normaliseTitle("Clinical aspects of the complement system").translated).toBe(false);
  });

  it("keeps a translation printed in brackets after the original title as the title's other language", () => {
    const both = normaliseTitle(
      "Cirugía laparoscópica de la vesícula biliar en el anciano [Laparoscopic gallbladder surgery in the elderly].",
    );
    expect(both).toMatchObject({
      text: "cirugia laparoscopica de la vesicula biliar en el anciano",
      alternative: "laparoscopic gallbladder surgery in the elderly",
      translated: true,
    });
    // Tags and languages are not translations.
    expect(normaliseTitle("Laparoscopic gallbladder surgery [Review] [English Abstract]").alternative).toBeNull();
    expect(normaliseTitle("Laparoscopic gallbladder surgery. [Spanish]").alternative).toBeNull();
    expect(normaliseTitle("[Laparoscopic gallbladder surgery]").alternative).toBeNull();
  });

  it("drops notes about the article and keeps it an article", () => {
    const annotated = normaliseTitle(
      "Eculizumab for atypical hemolytic-uremic syndrome.[Erratum appears in N Engl J Med. 2009 Jun 4;360(23):2487]",
    );
    expect(annotated.text).toBe("eculizumab for atypical hemolytic uremic syndrome");
    expect(annotated.kind).toBe("article");
    expect(text("Atypical HUS associated with streptococcus (multiple letters) [1]")).toBe(
      "atypical hus associated with streptococcus",
    );
    const bracketed = normaliseTitle("[Correction of psychodepressive effects of benzodiazepines]. [Russian]");
    expect(bracketed).toMatchObject({
      text: "correction of psychodepressive effects of benzodiazepines",
      kind: "article",
    });
  });

  it("recognises notices by their own title, whatever the database's convention", () => {
    const article = "eculizumab for atypical hemolytic uremic syndrome";
    for (const notice of [
      "Erratum: Eculizumab for atypical hemolytic-uremic syndrome",
      "Eculizumab for Atypical Hemolytic-Uremic Syndrome (vol 360, pg 542, 2009)",
      "Eculizumab for atypical hemolytic-uremic syndrome (New England Journal of Medicine (2009) 360 (542-544))",
      "Correction: Eculizumab for atypical hemolytic-uremic syndrome",
    ]) {
      expect(normaliseTitle(notice)).toMatchObject({ kind: "erratum", text: article });
    }
    expect(normaliseTitle("Eculizumab for atypical hemolytic uremic syndrome - Reply").kind).toBe("reply");
    expect(normaliseTitle("Eculizumab for atypical hemolytic uremic syndrome AUTHORS REPLY").kind).toBe("reply");
    expect(normaliseTitle("Comment on: Eculizumab for atypical HUS").kind).toBe("comment");
    expect(normaliseTitle("Retraction notice: Eculizumab for atypical HUS").kind).toBe("retraction");
  });

  it("reads where a correction says its article appeared", () => {
    expect(normaliseTitle("Eculizumab for atypical HUS (vol 360, pg 542, 2009)").cites).toEqual({
      volume: "360",
      page: "542",
    });
    expect(
      normaliseTitle("Eculizumab for atypical HUS (New England Journal of Medicine (2009) 360 (542-544))").cites,
    ).toEqual({ volume: "360", page: "542" });
    expect(normaliseTitle("Erratum: Eculizumab for atypical HUS (The Journal of Pediatrics (M").cites).toBeNull();
    expect(normaliseTitle("Eculizumab for atypical HUS (vol 360, pg 542, 2009)").kind).toBe("erratum");
    expect(normaliseTitle("Eculizumab in 2009 (2010) 12 (34-56) patients").cites).toBeNull();
  });

  it("reads where MEDLINE says an article's corrections appeared", () => {
    const noted = normaliseTitle(
      "Anti-factor H autoantibodies in a renal transplant recipient.[Erratum appears in Am J Transplant. 2009 Sep;9(9):2205].[Erratum appears in Am J Transplant. 2009 Nov;9(11):2647]",
    );
    expect(noted.erratumAt).toEqual([
      { volume: "9", page: "2205" },
      { volume: "9", page: "2647" },
    ]);
    expect(noted.kind).toBe("article");
    expect(
      normaliseTitle("Anti-factor H autoantibodies.[Erratum appears in Am J Transplant. 2009 Sep").erratumAt,
    ).toEqual([]);
    expect(
      normaliseTitle("Anti-factor H autoantibodies [Comment in: Am J Transplant. 2009;9(9):2205]").erratumAt,
    ).toEqual([]);
  });

  it("does not mistake ordinary titles for notices", () => {
    for (const title of [
      "Correction of hypokalaemia in dialysis patients",
      "Response of the complement system to eculizumab",
      "Dose-response",
      "Replication of a trial",
    ]) {
      expect(normaliseTitle(title).kind).toBe("article");
    }
  });

  it("collects the numbers that tell parts and phases apart", () => {
    expect(normaliseTitle("Auckland Stroke Outcomes Study. Part 2: Cognition").partNumbers).toEqual(["2"]);
    expect(normaliseTitle("A phase II study of eculizumab").numbers).toEqual(["2"]);
    expect(normaliseTitle("A phase 2 study of eculizumab").numbers).toEqual(["2"]);
    expect(normaliseTitle("Stroke outcomes").numbers).toEqual([]);
    expect(normaliseTitle("Effect of 2rthio-pyrimidine").numbers).toEqual(["2"]);
    expect(normaliseTitle("Stroke outcomes. Part I").partNumbers).toEqual(
      normaliseTitle("Stroke outcomes. Part 1").partNumbers,
    );
    expect(normaliseTitle("Stroke outcomes. Part B").partNumbers).toEqual(["b"]);
  });
});

describe("parseAuthor", () => {
  it("reads the three usual shapes", () => {
    const zipfel = { surname: ["zipfel"], joined: "zipfel", given: [], initial: "p" };
    expect(parseAuthor("Zipfel, P. F.")).toEqual(zipfel);
    expect(parseAuthor("Zipfel PF")).toEqual(zipfel);
    expect(parseAuthor("Zipfel P. F.")).toEqual(zipfel);
    expect(parseAuthor("Peter F. Zipfel")).toEqual({ ...zipfel, given: ["peter"] });
    expect(parseAuthor("Le Quintrec, Moglie")).toEqual({
      surname: ["quintrec"],
      joined: "lequintrec",
      given: ["moglie"],
      initial: "m",
    });
    expect(parseAuthor("Sberro-Soussan, R.")).toEqual({
      surname: ["sberro", "soussan"],
      joined: "sberrosoussan",
      given: [],
      initial: "r",
    });
    expect(parseAuthor("Van Der Veken P.")).toMatchObject({ joined: "vanderveken", initial: "p" });
    expect(parseAuthor("et al.")).toBeNull();
  });

  it("does not take spaced initials for surname words shared with another author", () => {
    // "Simpson R. W." and "Widdop R. E." share the initial R, not a name.
    expect(sameAuthor(parseAuthor("Simpson R. W.")!, parseAuthor("Widdop R. E.")!)).toBe(false);
  });

  it("matches a surname that lost a letter to an export that could not write it", () => {
    const same = (a: string, b: string) => sameAuthor(parseAuthor(a)!, parseAuthor(b)!);
    expect(same("Mulić, Suada", "Muli, S.")).toBe(true);
    expect(same("Muli S", "Mulic, Suada")).toBe(true);
    expect(same("Müller, Hans", "Mueller, H.")).toBe(true);
    expect(same("Muller H", "Mueller, Hans")).toBe(true);
    expect(same("Møller, K.", "Moeller, K.")).toBe(true);
    expect(same("Ångström, B.", "Aangstrom, B.")).toBe(true);
    expect(same("Dvořák, J.", "Dvo?ák, J.")).toBe(true);
    // A letter replaced, in a long name, between people of one initial.
    expect(same("Mulić, S.", "Mulie, S.")).toBe(true);
  });

  it("keeps different people apart when their surnames are one letter apart", () => {
    const same = (a: string, b: string) => sameAuthor(parseAuthor(a)!, parseAuthor(b)!);
    expect(same("Li, J.", "Liu, J.")).toBe(false);
    expect(same("Wang, Y.", "Wan, Y.")).toBe(false);
    expect(same("Chen, X.", "Chan, X.")).toBe(false);
    expect(same("Hansen, P.", "Jansen, P.")).toBe(false);
    expect(same("Larsen, K.", "Larson, M.")).toBe(false);
    expect(same("Larsen K", "Larson")).toBe(false);
    expect(same("Mulic, Amra", "Muli, S.")).toBe(false);
  });

  it("matches a person across swapped and mis-split names", () => {
    const same = (a: string, b: string) => sameAuthor(parseAuthor(a)!, parseAuthor(b)!);
    expect(same("Liszewski, M. K.", "Kathryn, Liszewski M.")).toBe(true);
    expect(same("Lopez Rubio, M.", "Lopez, Rubio M.")).toBe(true);
    expect(same("Le Quintrec, M.", "Quintrec, M.")).toBe(true);
    expect(same("Bröker, M.", "Broker, M.")).toBe(true);
    expect(same("Van Buskirk, R.", "VANBUSKIRK, R")).toBe(true);
    expect(same("Zipfel, P. F.", "Skerka, C.")).toBe(false);
  });
});

describe("sharedByline", () => {
  const byline = (...names: string[]) => parseAuthors(names);

  it("counts a byline cut short as long as its names keep their places", () => {
    const full = byline("Moreau, A. L.", "Kessler, M.", "Ortega, V.", "Brandt, T.", "Lindqvist, K.", "Osei, F.");
    expect(sharedByline(full, byline("Moreau, AL", "Kessler, M", "Ortega, V", "Brandt, T"))).toBe(4);
  });

  it("counts nothing when the same names stand in another order", () => {
    const first = byline("Moreau, A. L.", "Kessler, M.", "Ortega, V.", "Brandt, T.");
    expect(sharedByline(first, byline("Kessler, M.", "Moreau, A. L.", "Ortega, V.", "Brandt, T."))).toBe(0);
  });
});

describe("journals", () => {
  const agree = (a: string, b: string) => compareJournals(normaliseJournal(a), normaliseJournal(b));

  it("matches abbreviations with the full name", () => {
    expect(agree("Nat Rev Nephrol", "Nature Reviews Nephrology")).toBe(1);
    expect(agree("J Am Soc Nephrol", "Journal of the American Society of Nephrology")).toBe(1);
    expect(agree("N Engl J Med", "New England Journal of Medicine")).toBe(1);
    expect(agree("Seminars in Thrombosis & Hemostasis", "Seminars in Thrombosis and Haemostasis")).toBe(1);
    expect(agree("Pediatric Nephrology.Conference: 44th Annual Meeting", "Pediatr Nephrol")).toBe(1);
    expect(agree("Xianggang yi xue za zhi [Hong Kong medical journal]", "Hong Kong Medical Journal")).toBe(1);
    expect(agree("Cladistics : the international journal of the Willi Hennig Society", "Cladistics")).toBe(1);
    expect(agree("Stroke; a journal of cerebral circulation", "Stroke")).toBe(1);
  });

  it("matches abbreviations that leave out another language's articles and prepositions", () => {
    expect(agree("Cir Cir", "Cirugía y cirujanos")).toBe(1);
    expect(agree("Arq Bras Cardiol", "Arquivos Brasileiros de Cardiologia")).toBe(1);
    expect(agree("G Ital Cardiol", "Giornale italiano di cardiologia")).toBe(1);
    expect(agree("Ann Ist Super Sanita", "Annali dell'Istituto superiore di sanità")).toBe(1);
    expect(agree("Rev Esp Enferm Dig", "Revista española de enfermedades digestivas")).toBe(1);
    expect(agree("Ned Tijdschr Geneeskd", "Nederlands tijdschrift voor geneeskunde")).toBe(1);
    expect(agree("Ugeskr Laeger", "Ugeskrift for laeger")).toBe(1);
    expect(agree("Acta Med Port", "Acta médica portuguesa")).toBe(1);
  });

  it("matches ISO 4 contractions, whose letters follow the word's from its first", () => {
    expect(agree("J Natl Cancer Inst", "Journal of the National Cancer Institute")).toBe(1);
    expect(agree("Dtsch Med Wochenschr", "Deutsche medizinische Wochenschrift")).toBe(1);
    expect(agree("Nihon Jibiinkoka Gakkai Kaiho", "Nihon Jibiinkoka Gakkai kaiho")).toBe(1);
    expect(agree("Jpn J Clin Oncol", "Japanese Journal of Clinical Oncology")).toBe(1);
    expect(agree("MMWR Morb Mortal Wkly Rep", "MMWR. Morbidity and mortality weekly report")).toBe(1);
  });

  it("keeps journals of another language's same field apart", () => {
    expect(agree("Cir Esp", "Cirugía y cirujanos")).toBe(0);
    expect(agree("Rev Esp Cardiol", "Revista portuguesa de cardiologia")).toBe(0);
    expect(agree("Arq Bras Cardiol", "Arquivos brasileiros de oftalmologia")).toBe(0);
  });

  it("tells a journal from its sections and from other journals", () => {
    expect(agree("Nephron", "Nephron Clinical Practice")).toBe(0.7);
    expect(agree("J Am Soc Nephrol", "Clin J Am Soc Nephrol")).toBe(0);
    expect(agree("Blood", "Transplantation")).toBe(0);
    expect(agree("", "Blood")).toBeNull();
  });
});

describe("cochraneReview", () => {
  it("reads the review number and version from the DOI, or the number from a Cochrane record's page field", () => {
    expect(cochraneReview("10.1002/14651858.cd001234", null, null)).toEqual({ review: "cd001234", version: 1 });
    expect(cochraneReview("10.1002/14651858.cd001234.pub3", null, null)).toEqual({ review: "cd001234", version: 3 });
    expect(cochraneReview(null, "CD001234", "Cochrane Database Syst Rev")).toEqual({
      review: "cd001234",
      version: null,
    });
    // A page "CD001234" elsewhere is not a review number, and other Wiley DOIs are not reviews.
    expect(cochraneReview(null, "CD001234", "Some Journal")).toBeNull();
    expect(cochraneReview("10.1002/ajh.23456", null, null)).toBeNull();
  });
});

describe("pages, volume, issue, type", () => {
  it("expands abbreviated page ranges", () => {
    expect(parsePages("73-76")).toEqual({ start: "73", startDigits: "73", end: "76" });
    expect(parsePages("73-6")).toEqual({ start: "73", startDigits: "73", end: "76" });
    expect(parsePages("1844-59")?.end).toBe("1859");
    expect(parsePages("e158-66")).toEqual({ start: "e158", startDigits: "158", end: "166" });
    expect(parsePages("C219–C235")).toEqual({ start: "c219", startDigits: "219", end: "235" });
    expect(parsePages("73")).toEqual({ start: "73", startDigits: "73", end: null });
    expect(parsePages("945-945")?.end).toBeNull();
  });

  it("ignores page counts and text that is no page", () => {
    expect(parsePages("215 p")).toBeNull();
    expect(parsePages("var.pagings")).toBeNull();
    expect(parsePages(null)).toBeNull();
  });

  it("keeps the number of a volume or issue and drops what is not one", () => {
    expect(normaliseNumbering("Suppl. 2")).toBe("2");
    expect(normaliseNumbering("13, Sp. Iss. SI")).toBe("13");
    expect(normaliseNumbering("007")).toBe("7");
    expect(normaliseNumbering("(Jul)")).toBeNull();
    expect(normaliseNumbering("Ph.D.")).toBeNull();
  });

  it("groups record types into kinds of document", () => {
    expect(normaliseType("Journal Article")).toBe("article");
    expect(normaliseType("JOUR")).toBe("article");
    expect(normaliseType("Conference Abstract")).toBe("conference");
    expect(normaliseType("Clinical trial registry record")).toBe("registry");
    expect(normaliseType(null)).toBeNull();
  });

  it("recognises a meeting abstract by its supplement, page, type or venue", () => {
    const plain = { volume: "145", issue: "3", pages: "230-238", journal: "British Journal of Haematology" };
    expect(isMeetingAbstract(plain, "article")).toBe(false);
    expect(isMeetingAbstract({ ...plain, issue: "Suppl. 1" }, "article")).toBe(true);
    expect(isMeetingAbstract({ ...plain, pages: "S42" }, "article")).toBe(true);
    expect(
      isMeetingAbstract({ ...plain, journal: "Pediatric Nephrology. Conference: 44th Annual Meeting" }, "article"),
    ).toBe(true);
    expect(isMeetingAbstract(plain, "conference")).toBe(true);
    expect(isMeetingAbstract({ ...plain, journal: "Dissertation Abstracts International" }, "thesis")).toBe(false);
  });
});
