import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import {
  expectedCounts,
  haveSharedFixtures,
  parseText,
  readSharedExport,
  warnIfNoSharedFixtures,
} from "./parser.fixture";
import { parsePubmedXml } from "./pubmed-xml";

const ARTICLE = `<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">
<PubmedArticleSet>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">31000001</PMID>
    <Article PubModel="Print-Electronic">
      <Journal>
        <JournalIssue CitedMedium="Internet">
          <Volume>12</Volume><Issue>3</Issue>
          <PubDate><MedlineDate>2019 Nov-Dec</MedlineDate></PubDate>
        </JournalIssue>
        <Title>Journal of Things</Title>
        <ISOAbbreviation>J Things</ISOAbbreviation>
      </Journal>
      <ArticleTitle>Effect of <i>Escherichia coli</i> on CO<sub>2</sub> uptake.</ArticleTitle>
      <Pagination><StartPage>101</StartPage><EndPage>109</EndPage></Pagination>
      <ELocationID EIdType="pii" ValidYN="Y">S0000-0000(19)30001-1</ELocationID>
      <ELocationID EIdType="doi" ValidYN="Y">10.1000/JT.2019.1</ELocationID>
      <Abstract>
        <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Things happen.</AbstractText>
        <AbstractText Label="METHODS" NlmCategory="METHODS">We   counted them (trial NCT01234567).</AbstractText>
      </Abstract>
      <AuthorList CompleteYN="Y">
        <Author ValidYN="Y"><LastName>Smith</LastName><ForeName>Jane A</ForeName><Initials>JA</Initials></Author>
        <Author ValidYN="Y"><LastName>Doe</LastName><Initials>J</Initials><Suffix>Jr</Suffix></Author>
        <Author ValidYN="Y"><CollectiveName>Things Study Group</CollectiveName></Author>
      </AuthorList>
      <Language>eng</Language>
      <PublicationTypeList>
        <PublicationType UI="D016428">Journal Article</PublicationType>
        <PublicationType UI="D016449">Randomized Controlled Trial</PublicationType>
      </PublicationTypeList>
    </Article>
    <MedlineJournalInfo><MedlineTA>J Things</MedlineTA></MedlineJournalInfo>
    <MeshHeadingList>
      <MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
    </MeshHeadingList>
    <KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">counting</Keyword><Keyword MajorTopicYN="N">Humans</Keyword></KeywordList>
  </MedlineCitation>
  <PubmedData>
    <ArticleIdList>
      <ArticleId IdType="pubmed">31000001</ArticleId>
      <ArticleId IdType="pmc">PMC7000001</ArticleId>
    </ArticleIdList>
    <ReferenceList>
      <Reference><Citation>Other work. NCT09999999.</Citation>
        <ArticleIdList><ArticleId IdType="doi">10.9999/other</ArticleId><ArticleId IdType="pubmed">11111111</ArticleId></ArticleIdList>
      </Reference>
    </ReferenceList>
  </PubmedData>
</PubmedArticle>
<PubmedBookArticle>
  <BookDocument>
    <PMID Version="1">20301001</PMID>
    <ArticleIdList><ArticleId IdType="bookaccession">NBK1001</ArticleId></ArticleIdList>
    <Book>
      <Publisher><PublisherName>University of Washington, Seattle</PublisherName></Publisher>
      <BookTitle book="gene">GeneReviews&#174;</BookTitle>
      <PubDate><Year>1993</Year></PubDate>
      <AuthorList Type="editors"><Author><LastName>Adam</LastName><ForeName>Margaret P</ForeName></Author></AuthorList>
    </Book>
    <ArticleTitle book="gene" part="a">Some Syndrome</ArticleTitle>
    <Language>eng</Language>
    <AuthorList Type="authors"><Author><LastName>Brown</LastName><ForeName>Ann</ForeName></Author></AuthorList>
    <PublicationType UI="D016454">Review</PublicationType>
    <Abstract><AbstractText>A summary.</AbstractText></Abstract>
  </BookDocument>
</PubmedBookArticle>
</PubmedArticleSet>
`;

describe("parsePubmedXml", () => {
  it("maps a journal article, flattening inline markup and joining labelled abstract sections", async () => {
    const { records, skipped } = await parseText(parsePubmedXml, ARTICLE);
    expect(skipped).toEqual([]);
    const article = records[0]!;
    expect(article).toMatchObject({
      title: "Effect of Escherichia coli on CO2 uptake.",
      abstract: "BACKGROUND: Things happen. METHODS: We counted them (trial NCT01234567).",
      authors: ["Smith, Jane A", "Doe Jr, J", "Things Study Group"],
      year: 2019,
      journal: "Journal of Things",
      volume: "12",
      issue: "3",
      pages: "101-109",
      doi: "10.1000/jt.2019.1",
      pmid: "31000001",
      pmcid: "PMC7000001",
      nctIds: ["NCT01234567"],
      keywords: ["counting", "Humans"],
      type: "Journal Article; Randomized Controlled Trial",
      language: "eng",
    });
    expect(article.raw["MedlineCitation/Article/ArticleTitle"]).toBe("Effect of Escherichia coli on CO2 uptake.");
    expect(article.raw["MedlineCitation/Article/Abstract/AbstractText@Label"]).toEqual(["BACKGROUND", "METHODS"]);
    expect(article.raw["PubmedData/ReferenceList/Reference/ArticleIdList/ArticleId"]).toEqual([
      "10.9999/other",
      "11111111",
    ]);
  });

  it("keeps the ids of cited references out of the record's own ids", async () => {
    const article = (await parseText(parsePubmedXml, ARTICLE)).records[0]!;
    expect(article.doi).not.toBe("10.9999/other");
    expect(article.nctIds).not.toContain("NCT09999999");
  });

  it("maps a book chapter, leaving the book's editors out of the authors", async () => {
    const book = (await parseText(parsePubmedXml, ARTICLE)).records[1]!;
    expect(book).toMatchObject({
      title: "Some Syndrome",
      journal: "GeneReviews®",
      authors: ["Brown, Ann"],
      year: 1993,
      pmid: "20301001",
      type: "Review",
      abstract: "A summary.",
    });
  });

  it("gives the same records whatever the chunk size", async () => {
    const whole = await parseText(parsePubmedXml, ARTICLE);
    for (const size of [1, 7, 100]) expect(await parseText(parsePubmedXml, ARTICLE, size)).toEqual(whole);
  });

  it("skips a malformed article and keeps the others", async () => {
    const broken = ARTICLE.replace("<Volume>12</Volume>", "<Volume>12</Volum>");
    const { records, skipped } = await parseText(parsePubmedXml, broken);
    expect(records.map((r) => r.title)).toEqual(["Some Syndrome"]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.line).toBe(4);
  });

  it("skips an article nested absurdly deep instead of overflowing the stack", async () => {
    const deep = `<PubmedArticleSet><PubmedArticle>${"<a>".repeat(500)}${"</a>".repeat(500)}</PubmedArticle>${ARTICLE.slice(
      ARTICLE.indexOf("<PubmedBookArticle>"),
    )}`;
    const { records, skipped } = await parseText(parsePubmedXml, deep);
    expect(records.map((r) => r.title)).toEqual(["Some Syndrome"]);
    expect(skipped).toEqual([{ line: 1, message: expect.stringMatching(/nested more than/) }]);
  });

  it("reports a file cut off inside an article", async () => {
    const { records, skipped } = await parseText(
      parsePubmedXml,
      ARTICLE.slice(0, ARTICLE.indexOf("<PubmedBookArticle>") + 40),
    );
    expect(records).toHaveLength(1);
    expect(skipped).toHaveLength(1);
  });

  it("rejects XML that is not PubMed's, and text that is not XML", async () => {
    await expect(parseText(parsePubmedXml, "<xml><records></records></xml>")).rejects.toThrow(NotBibliographicError);
    await expect(parseText(parsePubmedXml, "TY  - JOUR\nER  -\n")).rejects.toThrow(NotBibliographicError);
    await expect(parseText(parsePubmedXml, "")).rejects.toThrow(NotBibliographicError);
  });
});

warnIfNoSharedFixtures("PubMed XML shared fixtures");

describe.skipIf(!haveSharedFixtures)("parsePubmedXml on the shared exports", () => {
  for (const expected of haveSharedFixtures ? expectedCounts("pubmed-xml") : []) {
    it(`${expected.path}: ${expected.records} records`, async () => {
      const { records, skipped } = await parseText(parsePubmedXml, readSharedExport(expected.path), 1000);
      expect(records).toHaveLength(expected.records);
      expect(skipped).toHaveLength(expected.bad);
      expect(records[0]!.title.startsWith(expected.firstTitle)).toBe(true);
    });
  }

  it("reads the fields of pubmed-29768149.xml", async () => {
    const [record] = (await parseText(parsePubmedXml, readSharedExport("pubmed-xml/pubmed-29768149.xml"), 1000))
      .records;
    expect(record).toMatchObject({
      authors: expect.arrayContaining(["O'Byrne, Paul M", "FitzGerald, J Mark", "Reddel, Helen K"]),
      year: 2018,
      journal: "The New England journal of medicine",
      volume: "378",
      issue: "20",
      pages: "1865-1876",
      doi: "10.1056/nejmoa1715274",
      pmid: "29768149",
      nctIds: ["NCT02149199"],
      language: "eng",
    });
    expect(record!.authors).toHaveLength(10);
    expect(record!.abstract).toMatch(
      /^BACKGROUND: In patients with mild asthma, as-needed use .* fast-acting β 2-agonist/,
    );
    expect(record!.keywords).toContain("Asthma");
  });
});
