import { describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "../../app/api/reviews/[reviewId]/extraction/export/route";
import { DEMO_SLUG, ensureDemoReview } from "../demo/seed-demo";
import { createReview } from "../reviews/create-review";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";
import type { FormDefinitionInput } from "./form-definition";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

const exportAs = (userId: string, reviewId: string, query: Record<string, string>) =>
  callRoute(exportRoute, userId, { params: { reviewId }, query });

const SMALL_FORM: FormDefinitionInput = {
  sections: [
    {
      id: "design",
      title: "Design",
      fields: [
        { id: "n", label: "N enrolled", type: "integer", required: true },
        {
          id: "route",
          label: "Route",
          type: "single_choice",
          options: [
            { id: "it", label: "Intrathecal" },
            { id: "iv", label: "Intravenous" },
          ],
        },
        { id: "conclusion", label: "Conclusion", type: "long_text" },
      ],
    },
    {
      id: "arms",
      title: "Arms",
      repeat: { itemLabel: "Arm", keyFieldIds: ["arm"] },
      fields: [
        { id: "arm", label: "Arm", type: "text", required: true },
        { id: "arm_n", label: "N", type: "integer" },
      ],
    },
  ],
};

/** A review with a published small form, one study, two extractors assigned. */
async function extractionTeam() {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const second = await makeUser(db, "reviewer2");
  await db.membership.create({ data: { reviewId: review.id, userId: second.id, role: "reviewer" } });
  const lead = callerFor(db, members.lead.id).extraction;
  const reviewId = review.id;
  const form = await lead.createForm({ reviewId, name: "Small", template: null });
  const { definition: _blank, draftRevision } = await lead.form({ reviewId, formId: form.id });
  await lead.saveDraft({ reviewId, formId: form.id, revision: draftRevision, definition: SMALL_FORM });
  const v1 = await lead.publish({ reviewId, formId: form.id, revision: draftRevision + 1 });
  const study = await db.study.create({ data: { reviewId, label: "NurOwn phase 3" } });
  await lead.assign({ reviewId, formId: form.id, studyId: study.id, extractorIds: [members.reviewer.id, second.id] });
  const target = { reviewId, formId: form.id, studyId: study.id };
  return {
    db,
    reviewId,
    target,
    v1,
    lead,
    leadId: members.lead.id,
    a: callerFor(db, members.reviewer.id).extraction,
    b: callerFor(db, second.id).extraction,
    observer: callerFor(db, members.observer.id).extraction,
  };
}

describe("extraction forms", () => {
  it("publishing a new version keeps every value entered under the old one and shows what changed", async () => {
    const { db, target, v1, lead, a } = await extractionTeam();
    await a.save({
      ...target,
      formVersionId: v1.versionId,
      values: [
        { fieldId: "n", instanceKey: "", value: 196 },
        { fieldId: "conclusion", instanceKey: "", value: "Safe." },
      ],
    });

    const builder = await lead.form({ reviewId: target.reviewId, formId: target.formId });
    const next = structuredClone(builder.definition);
    next.sections[0]!.fields = next.sections[0]!.fields.filter((f) => f.id !== "conclusion");
    next.sections[0]!.fields.push({
      id: "phase",
      label: "Phase",
      type: "text",
      required: false,
      help: "",
      options: [],
      units: [],
    });
    next.sections[0]!.fields[0]!.label = "N randomised";
    const saved = await lead.saveDraft({
      reviewId: target.reviewId,
      formId: target.formId,
      revision: builder.draftRevision,
      definition: next,
    });
    const v2 = await lead.publish({ reviewId: target.reviewId, formId: target.formId, revision: saved.draftRevision });
    expect(v2.version).toBe(2);

    const mine = await a.mine(target);
    expect(mine.version).toBe(2);
    expect(mine.extractedUnder).toBe(1);
    expect(mine.changesSince.map((c) => [c.kind, c.fieldId])).toEqual([
      ["changed", "n"],
      ["added", "phase"],
      ["removed", "conclusion"],
    ]);
    // Kept, including the value of the field v2 dropped.
    expect(mine.values.map((v) => [v.fieldId, v.value]).sort()).toEqual([
      ["conclusion", "Safe."],
      ["n", 196],
    ]);

    // Saving against v1 now is stale: refused, nothing written.
    await expect(
      a.save({ ...target, formVersionId: v1.versionId, values: [{ fieldId: "n", instanceKey: "", value: 10 }] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("now version 2"),
    });
    expect((await db.extractionValue.findMany({ where: { fieldId: "n" } })).map((v) => v.value)).toContain(196);
    expect((await db.extractionValue.findMany({ where: { fieldId: "n" } })).map((v) => v.value)).not.toContain(10);

    await a.save({
      ...target,
      formVersionId: v2.versionId,
      values: [{ fieldId: "phase", instanceKey: "", value: "3" }],
    });
    expect((await a.mine(target)).changesSince).toEqual([]);
  });

  it("refuses a published field's change of type and a draft saved over someone else's", async () => {
    const { target, lead } = await extractionTeam();
    const builder = await lead.form({ reviewId: target.reviewId, formId: target.formId });
    const retyped = structuredClone(builder.definition);
    retyped.sections[0]!.fields[0]!.type = "text";
    await expect(
      lead.saveDraft({
        reviewId: target.reviewId,
        formId: target.formId,
        revision: builder.draftRevision,
        definition: retyped,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("type cannot change"),
    });
    await lead.saveDraft({
      reviewId: target.reviewId,
      formId: target.formId,
      revision: builder.draftRevision,
      definition: builder.definition,
    });
    await expect(
      lead.saveDraft({
        reviewId: target.reviewId,
        formId: target.formId,
        revision: builder.draftRevision,
        definition: builder.definition,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("a review created with the ALS templates has both forms published", async () => {
    const db = testDb();
    const owner = await makeUser(db, "owner");
    const review = await createReview(db, owner.id, {
      title: "Templates",
      extractionTemplates: ["als_clinical", "als_preclinical"],
    });
    const forms = await callerFor(db, owner.id).extraction.forms({ reviewId: review.id });
    expect(forms.map((f) => [f.name, f.latest?.version])).toEqual([
      ["ALS stem cell, clinical", 1],
      ["ALS stem cell, preclinical", 1],
    ]);
    const fieldIds = forms[0]!.latest!.definition.sections.flatMap((s) => s.fields.map((f) => f.id));
    expect(fieldIds).toEqual(
      expect.arrayContaining([
        "registration_id",
        "n_enrolled",
        "cell_type",
        "donor",
        "dose",
        "route",
        "immunosuppression",
        "follow_up",
        "authors_conclusion",
        "claimed_mechanism",
      ]),
    );
  });
});

describe("dual extraction", () => {
  async function bothExtracted() {
    const team = await extractionTeam();
    const { target, v1, a, b } = team;
    await a.save({
      ...target,
      formVersionId: v1.versionId,
      values: [
        { fieldId: "n", instanceKey: "", value: 196 },
        { fieldId: "route", instanceKey: "", value: "it" },
        { fieldId: "conclusion", instanceKey: "", value: "Safe and  well tolerated" },
        { fieldId: "arm", instanceKey: "x1", value: "MSC-NTF" },
        { fieldId: "arm_n", instanceKey: "x1", value: 98 },
        { fieldId: "arm", instanceKey: "x2", value: "Placebo" },
        { fieldId: "arm_n", instanceKey: "x2", value: 98 },
      ],
    });
    await b.save({
      ...target,
      formVersionId: v1.versionId,
      values: [
        { fieldId: "n", instanceKey: "", value: 189 },
        { fieldId: "route", instanceKey: "", value: "it" },
        { fieldId: "conclusion", instanceKey: "", value: "safe and well tolerated" },
        { fieldId: "arm", instanceKey: "q7", value: "placebo" },
        { fieldId: "arm_n", instanceKey: "q7", value: 97 },
        { fieldId: "arm", instanceKey: "q8", value: "MSC-NTF" },
        { fieldId: "arm_n", instanceKey: "q8", value: 98 },
      ],
    });
    return team;
  }

  it("compares field by field, matching repeating items by their key fields", async () => {
    const { target, lead } = await bothExtracted();
    const comparison = await lead.compare(target);
    const differing = comparison.rows.filter((r) => !r.agree).map((r) => [r.fieldId, r.itemLabel, r.values]);
    expect(differing).toEqual([
      ["n", "", [196, 189]],
      ["arm_n", "Placebo", [98, 97]],
    ]);
    expect(comparison.differences).toBe(2);
    const placebo = comparison.rows.find((r) => r.fieldId === "arm" && r.itemLabel === "Placebo")!;
    expect(placebo.instanceKeys).toEqual(["x2", "q7"]);
  });

  it("keeps extractors blind to each other through every route", async () => {
    const { target, a, b, observer, reviewId } = await bothExtracted();
    const mineB = await b.mine(target);
    expect(mineB.values.map((v) => v.value)).not.toContain(196);
    const list = await b.studies({ reviewId, formId: target.formId });
    expect(list[0]).toMatchObject({ extractors: null, mine: { completed: false } });
    await expect(a.compare(target)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(observer.mine(target)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const reviewerId = (
      await testDb().extraction.findFirstOrThrow({ where: { studyId: target.studyId, isConsensus: false } })
    ).extractorId;
    const refused = await exportAs(reviewerId, reviewId, { form: target.formId, values: "extractors", format: "csv" });
    expect(refused.status).toBe(403);
    const consensusOnly = await exportAs(reviewerId, reviewId, { form: target.formId, format: "csv" });
    expect(await consensusOnly.text()).not.toContain("196");
  });

  it("records the consensus once both have completed, with its audit event, and closes the extractions", async () => {
    const { db, target, v1, lead, leadId, a, b, reviewId } = await bothExtracted();
    const consensusValues = [
      { fieldId: "n", instanceKey: "", value: 196 },
      { fieldId: "route", instanceKey: "", value: "it" },
      { fieldId: "arm", instanceKey: "x1", value: "MSC-NTF" },
      { fieldId: "arm", instanceKey: "x2", value: "Placebo" },
    ];
    await a.complete({ ...target, formVersionId: v1.versionId });
    await expect(
      lead.recordConsensus({ ...target, formVersionId: v1.versionId, values: consensusValues }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("complete"),
    });
    await b.complete({ ...target, formVersionId: v1.versionId });
    const { consensusId } = await lead.recordConsensus({
      ...target,
      formVersionId: v1.versionId,
      values: consensusValues,
    });

    const stored = await db.extraction.findUniqueOrThrow({ where: { id: consensusId }, include: { values: true } });
    expect(stored).toMatchObject({ isConsensus: true, extractorId: leadId });
    expect(stored.values.map((v) => v.fieldId).sort()).toEqual(["arm", "arm", "n", "route"]);
    const events = await db.auditEvent.findMany({ where: { entityId: consensusId } });
    expect(events.map((e) => e.action)).toEqual(["extraction.consensus_recorded"]);

    await expect(a.save({ ...target, formVersionId: v1.versionId, values: [] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await a.studies({ reviewId, formId: target.formId }))[0]).toMatchObject({ consensus: true });

    const csv = await exportAs(leadId, reviewId, { form: target.formId, format: "csv", layout: "long" });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Arms,1,arm,Arm,MSC-NTF");
  });
});

describe("bad input", () => {
  it("a value of the wrong type is refused with the field named, and nothing of the batch is written", async () => {
    const { db, target, v1, a } = await extractionTeam();
    await expect(
      a.save({
        ...target,
        formVersionId: v1.versionId,
        values: [
          { fieldId: "route", instanceKey: "", value: "it" },
          { fieldId: "n", instanceKey: "", value: "many" },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: '"N enrolled" needs a whole number.' });
    await expect(
      a.save({ ...target, formVersionId: v1.versionId, values: [{ fieldId: "arm", instanceKey: "", value: "x" }] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.extractionValue.count({ where: { extraction: { studyId: target.studyId } } })).toBe(0);
  });

  it("a study or form of another review is refused as not found", async () => {
    const { db, target, v1, a, lead } = await extractionTeam();
    const other = await extractionTeam();
    await expect(
      a.save({ ...target, studyId: other.target.studyId, formVersionId: v1.versionId, values: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lead.compare({ ...target, formId: other.target.formId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lead.assign({ ...target, studyId: other.target.studyId, extractorIds: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.extraction.count({ where: { studyId: other.target.studyId } })).toBe(2);
  });

  it("completion waits for the required fields", async () => {
    const { target, v1, a } = await extractionTeam();
    await a.save({
      ...target,
      formVersionId: v1.versionId,
      values: [{ fieldId: "arm_n", instanceKey: "k1", value: 3 }],
    });
    await expect(a.complete({ ...target, formVersionId: v1.versionId })).rejects.toMatchObject({
      message: 'Fill in the required fields first: "N enrolled", "Arm" in Arm 1. An item not needed can be removed.',
    });
    await a.save({
      ...target,
      formVersionId: v1.versionId,
      values: [
        { fieldId: "n", instanceKey: "", value: 12 },
        { fieldId: "arm", instanceKey: "k1", value: "NurOwn" },
      ],
    });
    // An item left empty on the extractor's screen holds no value, yet its required fields are required too.
    await expect(
      a.complete({ ...target, formVersionId: v1.versionId, items: { arms: ["k1", "k2"] } }),
    ).rejects.toMatchObject({
      message: 'Fill in the required fields first: "Arm" in Arm 2. An item not needed can be removed.',
    });
    await a.complete({ ...target, formVersionId: v1.versionId, items: { arms: ["k1"] } });
  });
});

describe("demo review", () => {
  it("comes with both ALS forms and a completed dual extraction for a lead to settle", async () => {
    const db = testDb();
    await ensureDemoReview(db);
    const review = await db.review.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@sift.demo" } });
    const forms = await callerFor(db, owner.id).extraction.forms({ reviewId: review.id });
    expect(forms.map((f) => f.name)).toEqual(["ALS stem cell, clinical", "ALS stem cell, preclinical"]);
    const berry = await db.study.findFirstOrThrow({
      where: { reviewId: review.id, reports: { some: { record: { doi: "10.1212/wnl.0000000000008620" } } } },
    });
    const studies = await callerFor(db, owner.id).extraction.studies({ reviewId: review.id, formId: forms[0]!.id });
    expect(studies.find((s) => s.id === berry.id)?.extractors?.map((e) => e.completed)).toEqual([true, true]);
    const comparison = await callerFor(db, owner.id).extraction.compare({
      reviewId: review.id,
      formId: forms[0]!.id,
      studyId: berry.id,
    });
    expect(comparison.study.reports).toHaveLength(1);
    expect(comparison.rows.filter((r) => !r.agree).map((r) => r.fieldId)).toEqual(["manipulation", "route"]);
  });
});
