import { describe, expect, it } from "vitest";
import { callerFor, makeTeam, testDb } from "../test/integration";

const TA = "title_abstract" as const;

/** A lead and a reviewer disagree on one record; the owner is the third person who may adjudicate. */
async function leadInConflict() {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const record = await db.record.create({ data: { reviewId: review.id, sourceId: source.id, title: "Record 0" } });
  const lead = callerFor(db, members.lead.id);
  const owner = callerFor(db, members.owner.id);
  await lead.screening.decide({ reviewId: review.id, stage: TA, recordId: record.id, verdict: "include" });
  await callerFor(db, members.reviewer.id).screening.decide({
    reviewId: review.id,
    stage: TA,
    recordId: record.id,
    verdict: "exclude",
  });
  const settings = { reviewersPerRecord: 2, blinded: true, reasonRequired: false };
  return { db, review, lead, owner, settings };
}

describe("a third person adjudicates (optional rule per review)", () => {
  it("is off by default: a lead resolves a conflict on their own decision", async () => {
    const { review, lead } = await leadInConflict();
    const [conflict] = await lead.screening.conflicts({ reviewId: review.id, stage: TA });
    expect(conflict!.resolveRefusal).toBeNull();
    await lead.screening.resolveConflict({ reviewId: review.id, conflictId: conflict!.id, verdict: "include" });
    const [left] = await lead.screening.conflicts({ reviewId: review.id, stage: TA, status: "resolved" });
    expect(left!.verdict).toBe("include");
  });

  it("when on, refuses the lead who decided with a clear message, lets another lead resolve, and audits the change", async () => {
    const { db, review, lead, owner, settings } = await leadInConflict();
    await owner.reviews.updateStageSettings({
      reviewId: review.id,
      stage: TA,
      settings: { ...settings, independentAdjudication: true },
    });
    const changed = await db.auditEvent.findFirstOrThrow({
      where: { reviewId: review.id, action: "review.stage_settings_changed" },
      orderBy: { createdAt: "desc" },
    });
    expect(changed.data).toMatchObject({ stage: TA, independentAdjudication: true });

    const [seenByLead] = await lead.screening.conflicts({ reviewId: review.id, stage: TA });
    expect(seenByLead!.resolveRefusal).toMatch(/you decided on this record yourself/i);
    await expect(
      lead.screening.resolveConflict({ reviewId: review.id, conflictId: seenByLead!.id, verdict: "include" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/third person/) });
    expect(await db.conflict.findUniqueOrThrow({ where: { id: seenByLead!.id } })).toMatchObject({ status: "open" });

    const [seenByOwner] = await owner.screening.conflicts({ reviewId: review.id, stage: TA });
    expect(seenByOwner!.resolveRefusal).toBeNull();
    await owner.screening.resolveConflict({ reviewId: review.id, conflictId: seenByOwner!.id, verdict: "exclude" });
    expect(await db.conflict.findUniqueOrThrow({ where: { id: seenByOwner!.id } })).toMatchObject({
      status: "resolved",
      verdict: "exclude",
    });
  });

  it("keeps the pause before a key decides as a stage setting, 300 ms unless changed, within 0–2,000 ms", async () => {
    const { db, review, owner, settings } = await leadInConflict();
    const read = () =>
      db.reviewStageSetting.findUniqueOrThrow({ where: { reviewId_stage: { reviewId: review.id, stage: TA } } });
    expect((await read()).decisionDelayMs).toBe(300);
    await owner.reviews.updateStageSettings({
      reviewId: review.id,
      stage: TA,
      settings: { ...settings, decisionDelayMs: 500 },
    });
    expect((await read()).decisionDelayMs).toBe(500);
    await expect(
      owner.reviews.updateStageSettings({
        reviewId: review.id,
        stage: TA,
        settings: { ...settings, decisionDelayMs: 5000 },
      }),
    ).rejects.toThrow(/2,000 ms/);
    expect((await read()).decisionDelayMs).toBe(500);
  });
});
