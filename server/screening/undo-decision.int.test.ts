// Undoing a changed decision restores the one before it.
import { describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { callerFor } from "../test/integration";
import { TA, team } from "./team.fixture";

const outcome = (db: Db, recordId: string) =>
  db.screeningOutcome.findUniqueOrThrow({ where: { recordId_stage: { recordId, stage: TA } } });

describe("undoing a decision", () => {
  it("undoing a changed decision restores the earlier verdict, reason and note and re-evaluates the outcome", async () => {
    const {
      db,
      review,
      reviewers: [r1, r2],
      ids,
    } = await team(1);
    const reason = await db.exclusionReason.create({
      data: { reviewId: review.id, stage: TA, label: "Wrong population", position: 0 },
    });
    const recordId = ids[0]!;
    const one = callerFor(db, r1!.id).screening;
    await one.decide({
      reviewId: review.id,
      stage: TA,
      recordId,
      verdict: "exclude",
      reasonId: reason.id,
      note: "rats only",
    });
    await callerFor(db, r2!.id).screening.decide({ reviewId: review.id, stage: TA, recordId, verdict: "exclude" });
    expect((await outcome(db, recordId)).status).toBe("excluded");
    await one.decide({ reviewId: review.id, stage: TA, recordId, verdict: "include" });
    expect((await outcome(db, recordId)).status).toBe("conflict");

    await one.undo({ reviewId: review.id, stage: TA });
    const mine = await db.screeningDecision.findFirstOrThrow({ where: { recordId, reviewerId: r1!.id } });
    expect({ verdict: mine.verdict, reasonId: mine.reasonId, note: mine.note }).toEqual({
      verdict: "exclude",
      reasonId: reason.id,
      note: "rats only",
    });
    expect((await outcome(db, recordId)).status).toBe("excluded");
    expect((await db.conflict.findFirstOrThrow({ where: { recordId } })).status).toBe("withdrawn");
    const restored = await db.auditEvent.findFirstOrThrow({
      where: { entityId: recordId, action: "decision.restored" },
    });
    expect(restored.data).toMatchObject({
      stage: TA,
      verdict: "exclude",
      reasonId: reason.id,
      from: { verdict: "include" },
    });
  });
});
