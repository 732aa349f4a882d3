// The Overview's figures from a known state: five records at title/abstract, two reviewers per record, blinded.
// A and B both decided record 0 alike and record 1 apart (a conflict); A alone decided records 2 and 3 (3 two
// hours ago).
import { beforeAll, describe, expect, it } from "vitest";
import { team } from "../screening/team.fixture";
import { callerFor } from "../test/integration";

let t: Awaited<ReturnType<typeof team>>;
const TA = "title_abstract" as const;

beforeAll(async () => {
  t = await team(5, 2);
  const [a, b] = t.reviewers;
  const decide = (who: { id: string }, i: number, verdict: "include" | "exclude") =>
    callerFor(t.db, who.id).screening.decide({ reviewId: t.review.id, stage: TA, recordId: t.ids[i]!, verdict });
  await decide(a!, 0, "include");
  await decide(b!, 0, "include");
  await decide(a!, 1, "include");
  await decide(b!, 1, "exclude");
  await decide(a!, 2, "include");
  await decide(a!, 3, "exclude");
  // A decided record 3 earlier in the week, before the last hour.
  await t.db.screeningDecision.updateMany({
    where: { recordId: t.ids[3]!, reviewerId: a!.id },
    data: { createdAt: new Date(Date.now() - 2 * 3_600_000) },
  });
});

const overview = (who: { id: string }) => callerFor(t.db, who.id).dashboard.overview({ reviewId: t.review.id });

describe("the review's Overview", () => {
  it("tells a lead each stage's records, decided, awaiting a second reviewer, conflicts and remaining", async () => {
    const o = await overview(t.lead);
    const ta = o.stages.find((s) => s.stage === TA)!;
    expect(ta.records).toBe(5);
    expect(ta.team).toMatchObject({ decided: 2, awaitingAnotherReviewer: 2, conflicts: 1, remaining: 3 });
    // Records 2 and 3 need one decision each, record 4 two.
    expect(ta.team!.decisionsNeeded).toBe(4);
    expect(o.next.conflicts).toEqual([{ stage: TA, conflicts: 1 }]);
  });

  it("gives each reviewer's decisions and pace, and when the stage would be done at the last week's pace", async () => {
    const ta = (await overview(t.lead)).stages.find((s) => s.stage === TA)!;
    const [a, b] = t.reviewers;
    expect(ta.team!.reviewers.map((r) => [r.id, r.decisions, r.lastWeek, r.lastHour]).sort()).toEqual(
      [
        [a!.id, 4, 4, 3],
        [b!.id, 2, 2, 2],
      ].sort(),
    );
    // Six decisions this week: 6/7 a day, so the four still needed take five days.
    expect(ta.team!.projection).toMatchObject({ days: 5 });
  });

  it("tells a blinded reviewer only their own part: what they decided, what is left for them, nothing of the team", async () => {
    const [a, b] = t.reviewers;
    const forA = await overview(a!);
    const ta = forA.stages.find((s) => s.stage === TA)!;
    expect(ta.team).toBeNull();
    expect(ta.mine).toEqual({ decided: 4, remaining: 1, lastWeek: 4 });
    expect(forA.next.screen).toEqual([{ stage: TA, records: 1 }]);
    expect(forA.next.conflicts).toEqual([]);
    const forB = (await overview(b!)).stages.find((s) => s.stage === TA)!;
    expect(forB.mine).toMatchObject({ decided: 2, remaining: 3 });
  });
});
