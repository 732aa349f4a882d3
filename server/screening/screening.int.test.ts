import { describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";

async function withRecords(db: Db, reviewId: string, n: number) {
  const source = await db.source.create({ data: { reviewId, name: `Src ${Math.random()}`, kind: "database" } });
  await db.record.createMany({
    data: Array.from({ length: n }, (_, i) => ({ reviewId, sourceId: source.id, title: `Record ${i}` })),
  });
  return db.record.findMany({ where: { reviewId }, orderBy: { id: "asc" } });
}

async function screeningTeam(n = 4) {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const second = await makeUser(db, "reviewer2");
  await db.membership.create({ data: { reviewId: review.id, userId: second.id, role: "reviewer" } });
  const records = await withRecords(db, review.id, n);
  await db.exclusionReason.createMany({
    data: [
      { reviewId: review.id, stage: "title_abstract", label: "Wrong population", position: 0 },
      { reviewId: review.id, stage: "full_text", label: "Wrong outcomes", position: 0 },
    ],
  });
  const reasons = await db.exclusionReason.findMany({ where: { reviewId: review.id } });
  return { db, review, lead: members.lead, r1: members.reviewer, r2: second, records, reasons };
}

const TA = "title_abstract" as const;

describe("title/abstract screening", () => {
  it("serves each record to at most the needed number of reviewers and settles agreements by themselves", async () => {
    const { db, review, r1, r2, lead, records } = await screeningTeam(2);
    const third = await makeUser(db, "reviewer3");
    await db.membership.create({ data: { reviewId: review.id, userId: third.id, role: "reviewer" } });
    const served1 = await callerFor(db, r1.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    const served2 = await callerFor(db, r2.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    expect(served1.map((s) => s.record.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(served2).toHaveLength(2);
    expect(await callerFor(db, third.id).screening.next({ reviewId: review.id, stage: TA, count: 2 })).toEqual([]);

    const [a, b] = records;
    for (const reviewer of [r1, r2]) {
      await callerFor(db, reviewer.id).screening.decide({
        reviewId: review.id,
        stage: TA,
        recordId: a!.id,
        verdict: "include",
      });
    }
    await callerFor(db, r1.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: b!.id,
      verdict: "include",
    });
    await callerFor(db, r2.id).screening.decide({ reviewId: review.id, stage: TA, recordId: b!.id, verdict: "maybe" });

    expect(
      await db.screeningOutcome.findUniqueOrThrow({ where: { recordId_stage: { recordId: a!.id, stage: TA } } }),
    ).toMatchObject({ status: "included" });
    expect(await db.report.count({ where: { recordId: a!.id } })).toBe(1);
    const conflicts = await callerFor(db, lead.id).screening.conflicts({ reviewId: review.id, stage: TA });
    expect(conflicts.map((c) => c.recordId)).toEqual([b!.id]);
    expect(conflicts[0]!.decisions.map((d) => d.verdict).sort()).toEqual(["include", "maybe"]);
  });

  it("a lead resolves a conflict once, audited, and the reviewers then see the outcome", async () => {
    const { db, review, r1, r2, lead, records, reasons } = await screeningTeam(1);
    const record = records[0]!;
    await callerFor(db, r1.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: record.id,
      verdict: "include",
    });
    await callerFor(db, r2.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: record.id,
      verdict: "exclude",
    });
    const [conflict] = await callerFor(db, lead.id).screening.conflicts({ reviewId: review.id, stage: TA });
    const reason = reasons.find((r) => r.stage === TA)!;
    await callerFor(db, lead.id).screening.resolveConflict({
      reviewId: review.id,
      conflictId: conflict!.id,
      verdict: "exclude",
      reasonId: reason.id,
      note: "Animal study only",
    });
    await expect(
      callerFor(db, lead.id).screening.resolveConflict({
        reviewId: review.id,
        conflictId: conflict!.id,
        verdict: "include",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This conflict was already resolved." });
    expect(await db.auditEvent.count({ where: { entityId: conflict!.id, action: "conflict.resolved" } })).toBe(1);

    const seen = await callerFor(db, r1.id).screening.record({ reviewId: review.id, stage: TA, recordId: record.id });
    expect(seen?.outcome).toBe("excluded");
    expect(seen?.otherDecisions?.map((d) => d.verdict)).toEqual(["exclude"]);
    await expect(
      callerFor(db, r1.id).screening.decide({
        reviewId: review.id,
        stage: TA,
        recordId: record.id,
        verdict: "exclude",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already resolved") });
    await expect(callerFor(db, r1.id).screening.undo({ reviewId: review.id, stage: TA })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already resolved"),
    });
    expect(await db.screeningDecision.count({ where: { recordId: record.id, reviewerId: r1.id } })).toBe(1);
  });

  it("lets a reviewer change or undo a decision until the record is resolved, keeping every change in the audit trail", async () => {
    const { db, review, r1, records } = await screeningTeam(2);
    const caller = callerFor(db, r1.id).screening;
    await caller.decide({ reviewId: review.id, stage: TA, recordId: records[0]!.id, verdict: "include" });
    await caller.decide({
      reviewId: review.id,
      stage: TA,
      recordId: records[0]!.id,
      verdict: "maybe",
      note: "unsure about the model",
    });
    // The first undo takes back the change, the second the decision itself.
    expect(await caller.undo({ reviewId: review.id, stage: TA })).toEqual({
      recordId: records[0]!.id,
      restored: { verdict: "include" },
    });
    expect(
      await db.screeningDecision.findMany({
        where: { recordId: records[0]!.id },
        select: { verdict: true, note: true },
      }),
    ).toEqual([{ verdict: "include", note: "" }]);
    expect(await caller.undo({ reviewId: review.id, stage: TA })).toEqual({ recordId: records[0]!.id, restored: null });
    expect(await db.screeningDecision.count({ where: { recordId: records[0]!.id } })).toBe(0);
    await expect(caller.undo({ reviewId: review.id, stage: TA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const actions = await db.auditEvent.findMany({
      where: { entityId: records[0]!.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "decision.recorded",
      "decision.changed",
      "decision.restored",
      "decision.withdrawn",
    ]);
    const next = await caller.next({ reviewId: review.id, stage: TA, count: 1 });
    expect(next[0]!.record.id).toBe(records[0]!.id); // the undone record comes back first
  });

  it("refuses bad decisions with clear errors and writes nothing", async () => {
    const { db, review, r1, records, reasons } = await screeningTeam(1);
    const other = await screeningTeam(1);
    const caller = callerFor(db, r1.id).screening;
    const fullTextReason = reasons.find((r) => r.stage === "full_text")!;
    await expect(
      caller.decide({ reviewId: review.id, stage: TA, recordId: other.records[0]!.id, verdict: "include" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That record is not in this review.",
    });
    await expect(
      caller.decide({ reviewId: review.id, stage: "full_text", recordId: records[0]!.id, verdict: "include" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not in full-text screening"),
    });
    await expect(
      caller.decide({
        reviewId: review.id,
        stage: TA,
        recordId: records[0]!.id,
        verdict: "exclude",
        reasonId: fullTextReason.id,
      }),
    ).rejects.toMatchObject({ message: "That exclusion reason is not in this review's list for this stage." });
    await expect(
      caller.decide({
        reviewId: review.id,
        stage: TA,
        recordId: records[0]!.id,
        verdict: "include",
        reasonId: fullTextReason.id,
      }),
    ).rejects.toMatchObject({
      message: "Only an exclusion takes an exclusion reason.",
    });
    // The decision checks the caller's membership in its own statement: refused callers write nothing either.
    const decide = { reviewId: review.id, stage: TA, recordId: records[0]!.id, verdict: "include" as const };
    await expect(callerFor(db, other.r1.id).screening.decide(decide)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You are not a member of this review.",
    });
    const observer = (await db.membership.findFirstOrThrow({ where: { reviewId: review.id, role: "observer" } }))
      .userId;
    await expect(callerFor(db, observer).screening.decide(decide)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the reviewer role or higher in this review.",
    });
    await db.membership.updateMany({ where: { reviewId: review.id, userId: r1.id }, data: { removedAt: new Date() } });
    await expect(caller.decide(decide)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.screeningDecision.count({ where: { reviewId: review.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { reviewId: review.id, action: { startsWith: "decision." } } })).toBe(0);
  });

  it("refuses decisions the record can no longer take, writing nothing", async () => {
    const { db, review, r1, r2, lead, records } = await screeningTeam(3);
    const [complete, merged, inFullText] = records as [(typeof records)[0], (typeof records)[0], (typeof records)[0]];
    const decide = (
      userId: string,
      recordId: string,
      verdict: "include" | "exclude",
      stage: "title_abstract" | "full_text" = TA,
    ) => callerFor(db, userId).screening.decide({ reviewId: review.id, stage, recordId, verdict });
    await decide(r1.id, complete.id, "include");
    await decide(r2.id, complete.id, "include");
    await expect(decide(lead.id, complete.id, "include")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This record already has all the decisions it needs; yours was not recorded.",
    });

    await db.record.update({ where: { id: merged.id }, data: { duplicateOfId: complete.id } });
    await expect(decide(r1.id, merged.id, "include")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("merged as a duplicate"),
    });

    await decide(r1.id, inFullText.id, "include");
    await decide(r2.id, inFullText.id, "include");
    await db.report.update({
      where: { recordId: inFullText.id },
      data: { url: "https://example.org/full-text", retrievalStatus: "retrieved" },
    });
    await decide(r1.id, inFullText.id, "include", "full_text");
    await expect(decide(r2.id, inFullText.id, "exclude")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already in full-text screening"),
    });
    await expect(callerFor(db, r1.id).screening.undo({ reviewId: review.id, stage: TA })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already in full-text screening"),
    });

    await db.reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: review.id, stage: TA } },
      data: { reasonRequired: true },
    });
    await expect(decide(lead.id, records[0]!.id, "exclude")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose an exclusion reason: this stage requires one.",
    });

    const decisions = await db.screeningDecision.findMany({
      where: { reviewId: review.id },
      select: { recordId: true, stage: true, reviewerId: true, verdict: true },
    });
    expect(decisions).toHaveLength(5);
    expect(decisions.filter((d) => d.reviewerId === lead.id || d.recordId === merged.id)).toEqual([]);
    expect(
      decisions.find((d) => d.recordId === inFullText.id && d.reviewerId === r2.id && d.stage === TA)?.verdict,
    ).toBe("include");
    expect(await db.auditEvent.count({ where: { reviewId: review.id, action: { startsWith: "decision." } } })).toBe(5);
  });

  it("re-evaluates records when the number of reviewers per record changes, losing no decision", async () => {
    const { db, review, r1, r2, lead, records } = await screeningTeam(1);
    const settings = { reviewersPerRecord: 3, blinded: true, reasonRequired: false };
    await callerFor(db, lead.id).reviews.updateStageSettings({ reviewId: review.id, stage: TA, settings });
    for (const r of [r1, r2])
      await callerFor(db, r.id).screening.decide({
        reviewId: review.id,
        stage: TA,
        recordId: records[0]!.id,
        verdict: "include",
      });
    const outcome = () =>
      db.screeningOutcome.findUniqueOrThrow({ where: { recordId_stage: { recordId: records[0]!.id, stage: TA } } });
    expect((await outcome()).status).toBe("awaiting");
    await callerFor(db, lead.id).reviews.updateStageSettings({
      reviewId: review.id,
      stage: TA,
      settings: { ...settings, reviewersPerRecord: 2 },
    });
    expect((await outcome()).status).toBe("included");
    expect(await db.screeningDecision.count({ where: { recordId: records[0]!.id } })).toBe(2);
  });

  it("removing a reviewer returns their undecided records to the pool and keeps their decisions", async () => {
    const { db, review, r1, r2, lead, records } = await screeningTeam(2);
    const third = await makeUser(db, "reviewer3");
    await db.membership.create({ data: { reviewId: review.id, userId: third.id, role: "reviewer" } });
    await callerFor(db, r1.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    await callerFor(db, r1.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: records[0]!.id,
      verdict: "include",
    });
    await callerFor(db, r2.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    expect(await callerFor(db, third.id).screening.next({ reviewId: review.id, stage: TA, count: 2 })).toEqual([]);
    await callerFor(db, lead.id).team.removeMember({ reviewId: review.id, userId: r1.id });
    const freed = await callerFor(db, third.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    expect(freed.map((f) => f.record.id)).toEqual([records[1]!.id]);
    expect(await db.screeningDecision.count({ where: { reviewerId: r1.id } })).toBe(1);
  });
});
