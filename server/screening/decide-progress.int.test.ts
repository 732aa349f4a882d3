// A decision's reply carries the decider's progress, current when the reply leaves: in a burst of 30 decisions
// sent at once on a 20,000-record review, the reply read last counts all 30, and equals both screening.progress
// and a recount of every record.
import { describe, expect, it } from "vitest";
import { callerFor } from "../test/integration";
import { perRecordCounts } from "./progress-recount.fixture";
import { TA, team } from "./team.fixture";

describe("progress in a decision's reply", () => {
  it("stays current through a burst of decisions at scale", { timeout: 180_000 }, async () => {
    const {
      db,
      review,
      reviewers: [a, b],
      ids,
    } = await team(20_000, 2);
    const reviewId = review.id;
    await db.reviewStageSetting.updateMany({ where: { reviewId }, data: { blinded: false } });
    const burst = ids.slice(0, 30);
    // The co-reviewer has been there first, so A's decisions settle records and open conflicts as they land.
    for (const [i, recordId] of burst.entries())
      await callerFor(db, b!.id).screening.decide({
        reviewId,
        stage: TA,
        recordId,
        verdict: i % 3 ? "exclude" : "include",
      });
    const asA = callerFor(db, a!.id);
    const replies = await Promise.all(
      burst.map((recordId, i) =>
        asA.screening.decide({ reviewId, stage: TA, recordId, verdict: i % 2 ? "exclude" : "include" }),
      ),
    );
    const last = replies
      .map((r) => r.progress)
      .sort((x, y) => x.mine.decided - y.mine.decided)
      .at(-1)!;
    expect(last.mine.decided).toBe(30);
    expect(last).toEqual(await asA.screening.progress({ reviewId, stage: TA }));
    const recount = (await perRecordCounts(db, reviewId, a!.id, TA, 2)) as Record<string, number>;
    expect(last).toMatchObject({
      total: 20_000,
      mine: { decided: recount.mine, remaining: recount.left_for_me },
      team: {
        complete: recount.complete,
        included: recount.included,
        excluded: recount.excluded,
        conflicts: recount.conflicts,
      },
    });
    expect(last.team.conflicts).toBeGreaterThan(0);
    expect(last.team.included! + last.team.excluded!).toBeGreaterThan(0);
  });
});
