// The demo's extraction, on the studies the appraisal demo groups: the shipped clinical form (published by
// createReview), both demo reviewers assigned to the NurOwn phase 2 trial and to the open-label phase 1/2 study,
// both done with the first and disagreeing on two values, so a lead has a comparison to settle; the rat study is
// assigned under the preclinical form. Every value comes from the demo record's own abstract.
import type { Db } from "../db/client";
import { assignExtractors, completeExtraction, saveExtractionValues } from "../extraction/extractions";
import { latestVersion } from "../extraction/forms";

const BERRY = "10.1212/wnl.0000000000008620";
const PETROU = "10.1001/jamaneurol.2015.4321";
const XU = "10.1097/01.tp.0000235532.00920.7a";

async function studyOf(db: Db, reviewId: string, doi: string) {
  return db.study.findFirst({ where: { reviewId, reports: { some: { record: { doi } } } }, select: { id: true } });
}

async function formOf(db: Db, reviewId: string, template: string) {
  const form = await db.extractionForm.findFirst({ where: { reviewId, template } });
  return form ? { form, latest: (await latestVersion(db, reviewId, form.id)).latest } : null;
}

export async function seedDemoExtraction(
  db: Db,
  reviewId: string,
  leadId: string,
  reviewerIds: string[],
): Promise<void> {
  const clinical = await formOf(db, reviewId, "als_clinical");
  const preclinical = await formOf(db, reviewId, "als_preclinical");
  const [berry, petrou, xu] = await Promise.all([BERRY, PETROU, XU].map((doi) => studyOf(db, reviewId, doi)));
  if (!clinical || !preclinical || !berry || !petrou || !xu) return;
  const lead = { reviewId, actorId: leadId };
  for (const study of [berry, petrou]) {
    await assignExtractors(db, lead, { formId: clinical.form.id, studyId: study.id, extractorIds: reviewerIds });
  }
  await assignExtractors(db, lead, { formId: preclinical.form.id, studyId: xu.id, extractorIds: reviewerIds });

  const target = { formId: clinical.form.id, studyId: berry.id, formVersionId: clinical.latest.id };
  for (const [i, extractorId] of reviewerIds.entries()) {
    const values = NUROWN_PHASE_2.map((v) => ({ ...v, value: DISAGREEMENTS[i]?.[v.fieldId] ?? v.value }));
    await saveExtractionValues(db, { reviewId, actorId: extractorId }, { ...target, values });
    await completeExtraction(db, { reviewId, actorId: extractorId }, target);
  }
}

/** Where the second demo reviewer read the abstract differently from the first. */
const DISAGREEMENTS: Record<string, unknown>[] = [{}, { manipulation: "MSC-NTF (NurOwn)", route: ["intrathecal"] }];

const NUROWN_PHASE_2 = [
  { fieldId: "registration_id", instanceKey: "", value: "NCT02017912" },
  { fieldId: "design", instanceKey: "", value: "rct" },
  { fieldId: "phase", instanceKey: "", value: "2" },
  { fieldId: "blinding", instanceKey: "", value: "double_blind" },
  { fieldId: "control", instanceKey: "", value: "placebo" },
  { fieldId: "n_enrolled", instanceKey: "", value: 48 },
  { fieldId: "cell_type", instanceKey: "", value: "msc" },
  { fieldId: "donor", instanceKey: "", value: "autologous" },
  { fieldId: "manipulation", instanceKey: "", value: "NTF-induced (MSC-NTF)" },
  { fieldId: "administrations", instanceKey: "", value: 1 },
  { fieldId: "route", instanceKey: "", value: ["intrathecal", "intramuscular"] },
  { fieldId: "arm_name", instanceKey: "a1", value: "MSC-NTF" },
  { fieldId: "arm_role", instanceKey: "a1", value: "intervention" },
  { fieldId: "arm_n_randomised", instanceKey: "a1", value: 36 },
  { fieldId: "arm_name", instanceKey: "a2", value: "Placebo" },
  { fieldId: "arm_role", instanceKey: "a2", value: "control" },
  { fieldId: "arm_n_randomised", instanceKey: "a2", value: 12 },
  {
    fieldId: "authors_conclusion",
    instanceKey: "",
    value:
      "Generally well tolerated, with procedure-related safety signals; no significant difference in ALSFRS-R slope overall, though rapid progressors appeared to benefit.",
  },
  { fieldId: "efficacy_claimed", instanceKey: "", value: "unclear" },
  {
    fieldId: "claimed_mechanism",
    instanceKey: "",
    value:
      "Neurotrophic support and immunomodulation: CSF neurotrophic factors rose and inflammatory markers fell after treatment.",
  },
  { fieldId: "mechanism_measured", instanceKey: "", value: "yes" },
];
