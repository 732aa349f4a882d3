// A review for the record browser's tests: two reviewers (A and B) besides a lead and an observer, two imports
// from two sources, records with words, identifiers and authors to search for, a duplicate merged by a lead, one
// merged automatically, and a pair still pending. Decisions are each test's own.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { mergeGroup } from "../dedup/merge-group";
import { indexRecordsForSearch } from "../record-search/search-index";
import { callerFor, makeTeam, makeUser } from "../test/integration";

const RECORDS = {
  msc: {
    title: "Mesenchymal stem cells for amyotrophic lateral sclerosis: a phase 2 trial",
    abstract:
      "Intrathecal autologous bone marrow cells were given to patients with ALS; function declined more slowly.",
    authors: ["Petrou, P.", "Karussis, D."],
    keywords: ["ALS", "MSC"],
    year: 2016,
    journal: "JAMA Neurology",
    doi: "10.1001/jamaneurol.2016.0001",
    pmid: "26751635",
    nctIds: ["NCT01777646"],
  },
  neural: {
    title: "Neural stem cell transplantation into the spinal cord",
    abstract: "Spinal injections of fetal neural cells in ALS were safe; mesenchymal cells were not studied.",
    authors: ["Glass, J. D.", "Müller, Anna"],
    keywords: ["neurosurgery"],
    year: 2012,
    journal: "Stem Cells",
  },
  mouse: {
    title: "SOD1-G93A mice given human umbilical cord blood",
    abstract: "An animal study: treated mice kept their motor neurons longer.",
    authors: ["Vercelli, A."],
    year: 2008,
    journal: "Neurobiology of Disease",
  },
  volunteers: {
    title: "Exercise in healthy volunteers",
    abstract: "The cohort also included older adults; nothing here concerns motor neuron disease.",
    authors: ["Also, B."],
    year: 2019,
  },
  copy: {
    title: "Mesenchymal stem cells for amyotrophic lateral sclerosis: a phase 2 trial",
    abstract: "",
    authors: ["Petrou, P."],
    year: 2016,
    doi: "10.1001/jamaneurol.2016.0001",
  },
  auto: { title: "Neural stem cell transplantation into the spinal cord.", authors: ["Glass, J."], year: 2012 },
  pendingA: { title: "Stem cell trials in ALS: a review", year: 2020 },
  pendingB: { title: "Stem-cell trials in ALS: review", year: 2020 },
} as const;
export type RecordName = keyof typeof RECORDS;

export async function browseReview(db: Db) {
  const { review, members } = await makeTeam(db);
  const b = await makeUser(db, "reviewer-b");
  await db.membership.create({ data: { reviewId: review.id, userId: b.id, role: "reviewer" } });
  const pubmed = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const embase = await db.source.create({ data: { reviewId: review.id, name: "Embase", kind: "database" } });
  const imports = [];
  for (const [i, source] of [pubmed, embase].entries()) {
    const imported = await db.import.create({
      data: {
        reviewId: review.id,
        sourceId: source.id,
        fileName: `search-${i + 1}.ris`,
        status: "succeeded",
        createdById: members.lead.id,
      },
    });
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        reviewId: review.id,
        actorId: members.lead.id,
        action: "import.completed",
        entityType: "import",
        entityId: imported.id,
        data: { records: 4, fileName: imported.fileName },
      }),
    );
    imports.push(imported);
  }
  const ids = {} as Record<RecordName, string>;
  for (const [i, [name, fields]] of Object.entries(RECORDS).entries()) {
    const first = i < 4;
    const record = await db.record.create({
      data: {
        reviewId: review.id,
        importId: first ? imports[0]!.id : imports[1]!.id,
        sourceId: first ? pubmed.id : embase.id,
        raw: { TI: fields.title, DB: first ? "PubMed" : "Embase" },
        ...fields,
        authors: "authors" in fields ? [...fields.authors] : [],
        keywords: "keywords" in fields ? [...fields.keywords] : [],
        nctIds: "nctIds" in fields ? [...fields.nctIds] : [],
      },
    });
    ids[name as RecordName] = record.id;
  }
  const lead = { reviewId: review.id, actorId: members.lead.id };
  const manual = await db.duplicatePair.create({
    data: { reviewId: review.id, recordAId: ids.msc, recordBId: ids.copy, score: 0.97 },
  });
  await mergeGroup(db, lead, { pairIds: [manual.id], keptId: ids.msc });
  await db.duplicatePair.create({
    data: {
      reviewId: review.id,
      recordAId: ids.neural,
      recordBId: ids.auto,
      score: 0.99,
      status: "merged",
      automatic: true,
      decidedAt: new Date(),
    },
  });
  await db.record.update({ where: { id: ids.auto }, data: { duplicateOfId: ids.neural } });
  await db.duplicatePair.create({
    data: { reviewId: review.id, recordAId: ids.pendingA, recordBId: ids.pendingB, score: 0.8 },
  });
  await indexRecordsForSearch(db, { reviewId: review.id });
  const reasons = {
    ta: await db.exclusionReason.create({
      data: { reviewId: review.id, stage: "title_abstract", label: "Not about ALS", position: 0 },
    }),
    ft: await db.exclusionReason.create({
      data: { reviewId: review.id, stage: "full_text", label: "Not a trial", position: 0 },
    }),
  };
  const people = { A: members.reviewer, B: b, lead: members.lead, observer: members.observer, owner: members.owner };
  const as = (who: keyof typeof people) => callerFor(db, people[who].id);
  return { review, people, as, ids, sources: { pubmed, embase }, imports, reasons };
}

export type BrowseReview = Awaited<ReturnType<typeof browseReview>>;

/** `who` decides `record` at `stage` (with the stage's reason when excluding). */
export async function decide(
  f: BrowseReview,
  who: "A" | "B" | "lead",
  record: RecordName,
  verdict: "include" | "exclude" | "maybe",
  stage: "title_abstract" | "full_text" = "title_abstract",
) {
  const reasonId = verdict === "exclude" ? (stage === "full_text" ? f.reasons.ft.id : f.reasons.ta.id) : undefined;
  await f.as(who).screening.decide({ reviewId: f.review.id, stage, recordId: f.ids[record], verdict, reasonId });
}
