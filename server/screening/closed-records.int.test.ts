// A record a lead has resolved, or one already screened at full text, takes no more title/abstract decisions;
// the records a reviewer is shown say which and why, so the screen offers no change the server would refuse, as
// far as blinding lets the reviewer know it.
import { describe, expect, it } from "vitest";
import { callerFor } from "../test/integration";
import { TA, team } from "./team.fixture";

describe("my decisions on records closed to decisions", () => {
  it("say why each is closed, changing one is refused for that reason, and a blinded reviewer learns no more", async () => {
    const {
      db,
      review,
      lead,
      reviewers: [r1, r2],
      ids,
    } = await team(5);
    const [disputed, agreed, screenedByMe, screenedByOther, merged] = ids as [string, string, string, string, string];
    const input = { reviewId: review.id, stage: TA } as const;
    const decide = (
      userId: string,
      recordId: string,
      verdict: "include" | "exclude",
      stage: typeof TA | "full_text" = TA,
    ) => callerFor(db, userId).screening.decide({ ...input, stage, recordId, verdict });
    await decide(r1!.id, disputed, "include");
    await decide(r2!.id, disputed, "exclude");
    for (const recordId of [agreed, screenedByMe, screenedByOther, merged]) {
      await decide(r1!.id, recordId, "include");
      await decide(r2!.id, recordId, "include");
    }
    const [conflict] = await callerFor(db, lead.id).screening.conflicts(input);
    expect(conflict!.recordId).toBe(disputed);
    await callerFor(db, lead.id).screening.resolveConflict({
      reviewId: review.id,
      conflictId: conflict!.id,
      verdict: "include",
    });
    for (const recordId of [screenedByMe, screenedByOther]) {
      const report = await db.report.findUniqueOrThrow({ where: { recordId } });
      await callerFor(db, lead.id).fullText.setLink({
        reviewId: review.id,
        reportId: report.id,
        url: `https://example.org/${recordId}.pdf`,
      });
    }
    await decide(r1!.id, screenedByMe, "include", "full_text");
    await decide(r2!.id, screenedByOther, "include", "full_text");
    await db.record.update({ where: { id: merged }, data: { duplicateOfId: agreed } });

    const closedFor = async (userId: string) => {
      const mine = await callerFor(db, userId).screening.myDecisions({ ...input, take: 10 });
      return Object.fromEntries(mine.items.map((item) => [item.record.id, item.closedBecause]));
    };
    // Full text is blinded: r1 is not told that r2 has screened a record there.
    expect(await closedFor(r1!.id)).toEqual({
      [disputed]: "resolved",
      [agreed]: null,
      [screenedByMe]: "in_full_text",
      [screenedByOther]: null,
      [merged]: "merged",
    });
    const asLead = await callerFor(db, lead.id).screening.record({ ...input, recordId: screenedByOther });
    expect(asLead?.closedBecause).toBe("in_full_text");
    await db.reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: review.id, stage: "full_text" } },
      data: { blinded: false },
    });
    expect((await closedFor(r1!.id))[screenedByOther]).toBe("in_full_text");

    await expect(decide(r1!.id, disputed, "exclude")).rejects.toMatchObject({
      message: "A lead has already resolved this record, so decisions on it can no longer change.",
    });
    for (const recordId of [screenedByMe, screenedByOther])
      await expect(decide(r1!.id, recordId, "exclude")).rejects.toMatchObject({
        code: "CONFLICT",
        message: "This record is already in full-text screening, so its title/abstract decisions can no longer change.",
      });
    await expect(decide(r1!.id, merged, "exclude")).rejects.toMatchObject({
      message: "This record was merged as a duplicate, so it is not screened.",
    });
    // The one still open changes, and nothing else did.
    await decide(r1!.id, agreed, "exclude");
    const verdicts = await db.screeningDecision.findMany({
      where: { reviewerId: r1!.id, stage: TA },
      select: { recordId: true, verdict: true },
    });
    expect(Object.fromEntries(verdicts.map((d) => [d.recordId, d.verdict]))).toEqual({
      [disputed]: "include",
      [agreed]: "exclude",
      [screenedByMe]: "include",
      [screenedByOther]: "include",
      [merged]: "include",
    });
  });
});
