// A small review with something in every part (for export and bundle tests): two imports with raw fields, a
// merged duplicate, dual decisions that agree and one that conflicts and is resolved, a full-text report in a
// study, an extraction form with values, an appraisal, and team labels and notes on records. Built through the real domain functions where they
// exist, so its audit trail is what people's work leaves.

import type { Db } from "../db/client";
import { mergeGroup } from "../dedup/merge-group";
import { callerFor, makeTeam, makeUser } from "../test/integration";

export async function buildTestReview(db: Db) {
  const { review, members } = await makeTeam(db);
  const second = await makeUser(db, "second-reviewer");
  await db.membership.create({ data: { reviewId: review.id, userId: second.id, role: "reviewer" } });
  const pubmed = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const ctgov = await db.source.create({ data: { reviewId: review.id, name: "ClinicalTrials.gov", kind: "register" } });
  const imports = await Promise.all(
    [pubmed, ctgov].map((source, i) =>
      db.import.create({
        data: {
          reviewId: review.id,
          sourceId: source.id,
          fileName: `search-${i}.ris`,
          format: "ris",
          status: "succeeded",
          recordCount: 2,
          createdById: members.lead.id,
          diagnostics: [{ line: 9, message: "no title" }],
        },
      }),
    ),
  );
  const record = (title: string, importIndex: number, extra: object = {}) =>
    db.record.create({
      data: {
        reviewId: review.id,
        importId: imports[importIndex]!.id,
        sourceId: importIndex === 0 ? pubmed.id : ctgov.id,
        title,
        abstract: `Abstract of ${title}`,
        authors: ["Petrou, P.", "Karussis, D."],
        year: 2016,
        raw: { TI: title, KW: ["ALS", "MSC"] },
        ...extra,
      },
    });
  const msc = await record("Mesenchymal stem cells in ALS", 0, {
    doi: "10.1/msc",
    pmid: "111",
    nctIds: ["NCT01051882"],
  });
  const nsc = await record("=Neural stem cells, a phase 1 trial", 0, { journal: "Neurology" });
  const mouse = await record("SOD1 mice given MSC", 1);
  const copy = await record("Mesenchymal stem cells in ALS", 1, { doi: "10.1/msc" });
  const pair = await db.duplicatePair.create({
    data: { reviewId: review.id, recordAId: msc.id, recordBId: copy.id, score: 0.97, evidence: { doi: "same" } },
  });
  await mergeGroup(db, { reviewId: review.id, actorId: members.lead.id }, { pairIds: [pair.id], keptId: msc.id });
  await db.studyLink.create({
    data: { reviewId: review.id, recordAId: msc.id, recordBId: mouse.id, nctId: "NCT01051882" },
  });

  const reason = await db.exclusionReason.create({
    data: { reviewId: review.id, stage: "title_abstract", label: "Wrong population", position: 0 },
  });
  const stage = "title_abstract" as const;
  const one = callerFor(db, members.reviewer.id).screening;
  const two = callerFor(db, second.id).screening;
  await one.decide({ reviewId: review.id, stage, recordId: msc.id, verdict: "include" });
  await two.decide({ reviewId: review.id, stage, recordId: msc.id, verdict: "maybe", note: "check dose" });
  await two.decide({ reviewId: review.id, stage, recordId: msc.id, verdict: "include", note: "dose fine" });
  await one.decide({ reviewId: review.id, stage, recordId: nsc.id, verdict: "include" });
  await two.decide({
    reviewId: review.id,
    stage,
    recordId: nsc.id,
    verdict: "exclude",
    reasonId: reason.id,
    note: "secret note",
  });
  await one.decide({ reviewId: review.id, stage, recordId: mouse.id, verdict: "exclude", reasonId: reason.id });
  await two.decide({ reviewId: review.id, stage, recordId: mouse.id, verdict: "exclude", reasonId: reason.id });
  const conflict = await db.conflict.findFirstOrThrow({ where: { recordId: nsc.id, stage } });
  await callerFor(db, members.lead.id).screening.resolveConflict({
    reviewId: review.id,
    conflictId: conflict.id,
    verdict: "include",
    note: "phase 1 counts",
  });

  const study = await db.study.create({
    data: { reviewId: review.id, label: "Petrou 2016", design: "non-randomised" },
  });
  await db.report.update({
    where: { recordId: msc.id },
    data: { studyId: study.id, retrievalStatus: "retrieved", url: "https://example.org/msc.pdf" },
  });
  const form = await db.extractionForm.create({ data: { reviewId: review.id, name: "Trial characteristics" } });
  const version = await db.extractionFormVersion.create({
    data: { formId: form.id, version: 1, definition: { fields: [{ id: "f-n", label: "Participants" }] } },
  });
  const extraction = await db.extraction.create({
    data: { reviewId: review.id, studyId: study.id, formVersionId: version.id, extractorId: members.reviewer.id },
  });
  await db.extractionValue.createMany({
    data: [
      { extractionId: extraction.id, fieldId: "f-n", value: 26 },
      {
        extractionId: extraction.id,
        fieldId: "f-arm",
        instanceKey: "arm-1",
        value: { label: "MSC-NTF", dose: "1e6/kg" },
      },
    ],
  });
  await db.appraisal.create({
    data: {
      reviewId: review.id,
      studyId: study.id,
      tool: "robins_i",
      appraiserId: members.lead.id,
      answers: { d1: "low" },
      overall: "moderate",
    },
  });
  const lead = callerFor(db, members.lead.id);
  const animal = await lead.labels.create({ reviewId: review.id, name: "Animal study", colour: "teal", shortcut: "A" });
  await lead.labels.create({ reviewId: review.id, name: "Unused", colour: "grey" });
  await callerFor(db, members.reviewer.id).labels.setOnRecord({
    reviewId: review.id,
    recordId: mouse.id,
    labelId: animal.id,
    on: true,
  });
  await callerFor(db, second.id).notes.add({ reviewId: review.id, recordId: mouse.id, text: "No human arm." });
  return { review, members: { ...members, second }, records: { msc, nsc, mouse, copy }, reason, study };
}
