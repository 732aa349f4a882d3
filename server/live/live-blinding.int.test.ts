// The live stream under blinding, as server/api/blinding.int.test.ts holds every procedure and route: what reviewer
// A and an observer receive while co-reviewer B decides must be the same whatever B decided, or whether B decided
// at all, even where B's decision opens a conflict with A's. The stream names no verdict, and at a blinded stage
// it passes on only the caller's own changes.
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as route } from "@/app/api/reviews/[reviewId]/live/route";
import { recordDecision } from "../screening/decide";
import { TA, team } from "../screening/team.fixture";
import { makeUser, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";
import { changeListener } from "./change-listener";
import { readEvents } from "./stream-reader.fixture";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

afterAll(async () => changeListener().close());

type BDecides = "include" | "exclude" | "maybe" | "nothing";

/** One world: A has included record 0; streams open for A, an observer and the lead; B acts; then A decides again. */
async function world(b: BDecides) {
  const t = await team(2, 2);
  const a = t.reviewers[0]!;
  const coReviewer = t.reviewers[1]!;
  const observer = await makeUser(testDb(), "observer");
  await testDb().membership.create({ data: { reviewId: t.review.id, userId: observer.id, role: "observer" } });
  const decide = (who: string, i: number, verdict: "include" | "exclude" | "maybe") =>
    recordDecision(testDb(), { reviewId: t.review.id, actorId: who }, { recordId: t.ids[i]!, stage: TA, verdict });
  await decide(a.id, 0, "include");
  const open = async (who: string) => {
    const events = readEvents(await callRoute(route, who, { params: { reviewId: t.review.id } }));
    await events.until(": listening");
    return events;
  };
  const streams = { a: await open(a.id), observer: await open(observer.id), lead: await open(t.lead.id) };
  if (b !== "nothing") await decide(coReviewer.id, 0, b);
  await decide(a.id, 1, "exclude");
  // Past the coalescing window, so whatever B's decision set off has arrived.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const received = { a: streams.a.text(), observer: streams.observer.text(), lead: streams.lead.changes() };
  await Promise.all(Object.values(streams).map((s) => s.stop()));
  return received;
}

describe("the live stream under blinding", () => {
  it("gives reviewer A and an observer the same whatever co-reviewer B decided", async () => {
    const worlds = await Promise.all((["include", "exclude", "maybe", "nothing"] as const).map(world));
    const [first] = worlds;
    for (const w of worlds) {
      expect(w.a).toBe(first!.a);
      expect(w.observer).toBe(first!.observer);
    }
    // A hears of their own decision, the observer of nothing, while the lead, who sees the team, hears B too.
    expect(first!.a).toBe(': listening\n\nevent: change\ndata: {"topics":["title_abstract"]}\n\n');
    expect(first!.observer).toBe(": listening\n\n");
    expect(worlds[0]!.lead.length).toBeGreaterThan(0);
  }, 60_000);

  it("passes a co-reviewer's changes on to a reviewer once the stage is not blinded", async () => {
    const t = await team(1, 2);
    await testDb().reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: t.review.id, stage: TA } },
      data: { blinded: false },
    });
    const events = readEvents(await callRoute(route, t.reviewers[0]!.id, { params: { reviewId: t.review.id } }));
    await events.until(": listening");
    await recordDecision(
      testDb(),
      { reviewId: t.review.id, actorId: t.reviewers[1]!.id },
      { recordId: t.ids[0]!, stage: TA, verdict: "include" },
    );
    await vi.waitFor(() => expect(events.changes()).toEqual([{ topics: [TA] }]));
    await events.stop();
  });
});
