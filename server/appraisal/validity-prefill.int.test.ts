import { describe, expect, it } from "vitest";
import { includedReports } from "../studies/reports.fixture";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { VALIDITY } from "./tools/validity";

/** A review with an RCT, the shipped clinical form, and (when given) a recorded consensus extraction of it. */
async function setup(consensus: { fieldId: string; instanceKey?: string; value: unknown }[] | null) {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const [report] = await includedReports(db, review.id, [
    { title: "Mesenchymal stromal cells in ALS: a randomised trial", authors: ["Oh, K. W."], year: 2018 },
  ]);
  const input = { reviewId: review.id };
  const lead = callerFor(db, members.lead.id);
  const study = await lead.studies.create({ ...input, reportIds: [report!.id] });
  await lead.studies.setDesign({ ...input, studyId: study.id, design: "rct" });
  const form = await lead.extraction.createForm({ ...input, name: "Clinical", template: "als_clinical" });
  const version = await db.extractionFormVersion.findFirstOrThrow({ where: { formId: form.id } });
  const extraction = (isConsensus: boolean) =>
    db.extraction.create({
      data: {
        reviewId: review.id,
        studyId: study.id,
        formVersionId: version.id,
        extractorId: members.lead.id,
        isConsensus,
        completedAt: new Date(),
        values: {
          create: (consensus ?? []).map((v) => ({
            fieldId: v.fieldId,
            instanceKey: v.instanceKey ?? "",
            value: v.value as never,
          })),
        },
      },
    });
  if (consensus) await extraction(true);
  else await extraction(false);
  return {
    db,
    input,
    reviewer: callerFor(db, members.reviewer.id),
    key: { ...input, studyId: study.id, tool: "validity_of_conclusions" as const },
  };
}

const RCT = [
  { fieldId: "design", value: "rct" },
  { fieldId: "control", value: "placebo" },
  { fieldId: "blinding", value: "double_blind" },
  { fieldId: "n_enrolled", value: 64 },
  { fieldId: "efficacy_claimed", value: "yes" },
  { fieldId: "authors_conclusion", value: "Repeated MSC injections slowed ALSFRS-R decline." },
];

describe("validity of conclusions pre-filled from the consensus extraction", () => {
  it("starts the appraisal with the design answers, says where each came from, audits it, and lets the appraiser change them", async () => {
    const { db, input, reviewer, key } = await setup(RCT);
    const { id } = await reviewer.appraisal.start(key);
    const view = await reviewer.appraisal.mine(key);
    expect(view.mine!.answers.responses).toEqual({ "V1.1": "efficacy", "V1.2": "Y", "V1.3": "Y", "V1.4": "Y" });
    expect(view.mine!.assessment.domains[0]).toMatchObject({ id: "V1", proposed: "supported" });
    expect(view.prefill!.source).toMatchObject({ form: "Clinical", version: 1 });
    expect(view.prefill!.notes).toEqual(
      expect.arrayContaining([
        { targetId: "V1.2", fieldId: "control", fieldLabel: "Control", extracted: "Placebo", answer: "Y" },
        { targetId: "V1", fieldId: "n_enrolled", fieldLabel: "N enrolled", extracted: "64", answer: null },
      ]),
    );
    const started = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "appraisal.started" } });
    expect(started.data).toMatchObject({
      prefilledFrom: { form: "Clinical", version: 1, questionIds: ["V1.1", "V1.2", "V1.3", "V1.4"] },
    });

    // The appraiser reads the paper and disagrees about blinding: their answer is kept, the source still shown.
    const saved = await reviewer.appraisal.save({
      ...input,
      appraisalId: id,
      version: view.mine!.version,
      toolVersion: VALIDITY.version,
      answers: { ...view.mine!.answers, responses: { ...view.mine!.answers.responses, "V1.4": "PN" } },
    });
    expect(saved.assessment.domains[0]!.proposed).toBe("partly_supported");
    const after = await reviewer.appraisal.mine(key);
    expect(after.mine!.answers.responses["V1.4"]).toBe("PN");
    expect(after.prefill!.notes.find((n) => n.targetId === "V1.4")).toMatchObject({ extracted: "Double-blind" });
  });

  it("pre-fills nothing from an extractor's own values before their consensus", async () => {
    const { reviewer, key } = await setup(null);
    await reviewer.appraisal.start(key);
    const view = await reviewer.appraisal.mine(key);
    expect(view.mine!.answers.responses).toEqual({});
    expect(view.prefill).toBeNull();
  });

  it("leaves other tools' appraisals empty", async () => {
    const { reviewer, key } = await setup(RCT);
    const rob2 = { ...key, tool: "rob2" as const };
    await reviewer.appraisal.start(rob2);
    const view = await reviewer.appraisal.mine(rob2);
    expect(view.mine!.answers.responses).toEqual({});
    expect(view.prefill).toBeNull();
  });
});
