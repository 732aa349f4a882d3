// The progress counts a reviewer and a lead see: what is left for me, and conflicts by status.
import { describe, expect, it } from "vitest";
import { callerFor } from "../test/integration";
import { TA, team } from "./team.fixture";

describe("screening progress counts", () => {
  it("counts as left for me only records I could be served or that are mine, not those held by others or no longer needing me", async () => {
    const {
      db,
      review,
      reviewers: [r1, r2, r3],
      ids,
    } = await team(3, 3);
    const left = async (userId: string) =>
      (await callerFor(db, userId).screening.progress({ reviewId: review.id, stage: TA })).mine.remaining;
    expect(await left(r3!.id)).toBe(3);
    await callerFor(db, r1!.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    await callerFor(db, r2!.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    // Two records are out with both reviewers they need; only the third could still come to r3.
    expect(await left(r3!.id)).toBe(1);
    expect(await left(r1!.id)).toBe(3);
    await callerFor(db, r1!.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: ids[2]!,
      verdict: "include",
    });
    await callerFor(db, r3!.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: ids[2]!,
      verdict: "maybe",
    });
    expect(await left(r1!.id)).toBe(2);
    expect(await left(r3!.id)).toBe(0);
  });

  it("gives leads conflict counts by status at each stage, and blinded reviewers none", async () => {
    const {
      db,
      review,
      lead,
      reviewers: [r1, r2],
      ids,
    } = await team(3);
    const decide = (userId: string, recordId: string, verdict: "include" | "exclude") =>
      callerFor(db, userId).screening.decide({ reviewId: review.id, stage: TA, recordId, verdict });
    for (const id of ids) {
      await decide(r1!.id, id, "include");
      await decide(r2!.id, id, "exclude");
    }
    await decide(r2!.id, ids[0]!, "include"); // now they agree: withdrawn
    const [open] = await callerFor(db, lead.id).screening.conflicts({ reviewId: review.id, stage: TA });
    await callerFor(db, lead.id).screening.resolveConflict({
      reviewId: review.id,
      conflictId: open!.id,
      verdict: "include",
    });
    const progress = await callerFor(db, lead.id).screening.progress({ reviewId: review.id, stage: TA });
    expect(progress.team.conflictsByStatus).toEqual({ open: 1, resolved: 1, withdrawn: 1 });
    const blinded = await callerFor(db, r1!.id).screening.progress({ reviewId: review.id, stage: TA });
    expect(blinded.team.conflictsByStatus).toBeNull();
    const fullText = await callerFor(db, lead.id).screening.progress({ reviewId: review.id, stage: "full_text" });
    expect(fullText.team.conflictsByStatus).toEqual({ open: 0, resolved: 0, withdrawn: 0 });
  });
});
