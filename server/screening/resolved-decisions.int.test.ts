// A record a lead has resolved takes no more decisions; each reviewer's list of their own decisions says so, so
// the screen offers no change the server would refuse.
import { describe, expect, it } from "vitest";
import { callerFor } from "../test/integration";
import { TA, team } from "./team.fixture";

describe("my decisions on a resolved record", () => {
  it("are marked resolved, and changing one is refused", async () => {
    const {
      db,
      review,
      lead,
      reviewers: [r1, r2],
      ids,
    } = await team(2);
    const input = { reviewId: review.id, stage: TA } as const;
    for (const [reviewer, verdict] of [
      [r1!, "include"],
      [r2!, "exclude"],
    ] as const)
      for (const recordId of ids) await callerFor(db, reviewer.id).screening.decide({ ...input, recordId, verdict });
    const [conflict] = await callerFor(db, lead.id).screening.conflicts(input);
    await callerFor(db, lead.id).screening.resolveConflict({
      reviewId: review.id,
      conflictId: conflict!.id,
      verdict: "include",
    });
    const mine = await callerFor(db, r1!.id).screening.myDecisions({ ...input, take: 10 });
    const resolvedOf = Object.fromEntries(mine.items.map((item) => [item.record.id, item.resolved]));
    expect(resolvedOf).toEqual({ [conflict!.recordId]: true, [ids.find((id) => id !== conflict!.recordId)!]: false });
    await expect(
      callerFor(db, r1!.id).screening.decide({ ...input, recordId: conflict!.recordId, verdict: "exclude" }),
    ).rejects.toMatchObject({
      message: "A lead has already resolved this record, so decisions on it can no longer change.",
    });
  });
});
