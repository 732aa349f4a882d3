// Live updates across Sift instances on one database: each instance's own LISTEN connection hears a change
// committed through another, only once it is committed, and a browser's stream carries its review's changes only.
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { GET as route } from "@/app/api/reviews/[reviewId]/live/route";
import { createDb } from "../db/client";
import { recordDecision, undoLastDecision } from "../screening/decide";
import { TA, team } from "../screening/team.fixture";
import { makeUser, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";
import { changeListener, createChangeListener } from "./change-listener";
import type { ReviewChange } from "./review-changes";
import { readEvents } from "./stream-reader.fixture";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

const url = inject("databaseUrl");
afterAll(async () => changeListener().close());

/** Two app instances: each its own database client and its own listening connection. */
function instance() {
  const db = createDb(url);
  const listener = createChangeListener(url);
  afterAll(async () => {
    await listener.close();
    await db.$disconnect();
  });
  return { db, listener };
}

function heard(listener: ReturnType<typeof createChangeListener>, reviewId: string) {
  const changes: (ReviewChange | null)[] = [];
  listener.subscribe(reviewId, (c) => void changes.push(c));
  return changes;
}

describe("live events across instances", () => {
  it("a decision committed through one instance is heard by both, and by no review but its own", async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.listener.listening(), b.listener.listening()]);
    const t = await team(2);
    const other = await team(1);
    const onA = heard(a.listener, t.review.id);
    const onB = heard(b.listener, t.review.id);
    const elsewhere = heard(b.listener, other.review.id);
    const scope = { reviewId: t.review.id, actorId: t.reviewers[0]!.id };
    await recordDecision(a.db, scope, { recordId: t.ids[0]!, stage: TA, verdict: "include" });
    await undoLastDecision(a.db, scope, TA);
    const expected = [
      { reviewId: t.review.id, stage: TA, kind: "decision", actorId: scope.actorId },
      { reviewId: t.review.id, stage: TA, kind: "undo", actorId: scope.actorId },
    ];
    await vi.waitFor(() => expect(onB).toEqual(expected));
    expect(onA).toEqual(expected);
    expect(elsewhere).toEqual([]);
  });

  it("a refused decision and a rolled-back change announce nothing", async () => {
    const a = instance();
    await a.listener.listening();
    const t = await team(1);
    const changes = heard(a.listener, t.review.id);
    const observer = await makeUser(testDb(), "observer");
    await testDb().membership.create({ data: { reviewId: t.review.id, userId: observer.id, role: "observer" } });
    await expect(
      recordDecision(
        a.db,
        { reviewId: t.review.id, actorId: observer.id },
        { recordId: t.ids[0]!, stage: TA, verdict: "include" },
      ),
    ).rejects.toThrow();
    await expect(
      a.db.$transaction(async (tx) => {
        const { announceReviewChange } = await import("./review-changes");
        await announceReviewChange(tx, { reviewId: t.review.id, stage: TA, kind: "decision", actorId: observer.id });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    // A change committed after them is heard, so the silence before it is not a listener that hears nothing.
    await recordDecision(
      a.db,
      { reviewId: t.review.id, actorId: t.reviewers[0]!.id },
      { recordId: t.ids[0]!, stage: TA, verdict: "exclude" },
    );
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(changes).toEqual([{ reviewId: t.review.id, stage: TA, kind: "decision", actorId: t.reviewers[0]!.id }]);
  });
});

describe("the live route", () => {
  it("streams a member their review's changes, coalesced, and nothing of another review", async () => {
    const t = await team(3);
    const other = await team(1);
    const response = await callRoute(route, t.lead.id, { params: { reviewId: t.review.id } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = readEvents(response);
    await events.until(": listening");
    const decide = (i: number) =>
      recordDecision(
        testDb(),
        { reviewId: t.review.id, actorId: t.reviewers[0]!.id },
        {
          recordId: t.ids[i]!,
          stage: TA,
          verdict: "include",
        },
      );
    await recordDecision(
      testDb(),
      { reviewId: other.review.id, actorId: other.reviewers[0]!.id },
      {
        recordId: other.ids[0]!,
        stage: TA,
        verdict: "include",
      },
    );
    await decide(0);
    await decide(1);
    await decide(2);
    // The first change at once, the two that followed within the second together when it ends.
    await vi.waitFor(() => expect(events.changes()).toHaveLength(2), { timeout: 5000 });
    expect(events.changes()).toEqual([{ topics: [TA] }, { topics: [TA] }]);
    await events.stop();
  });

  it("refuses a signed-in user who is not a member of the review", async () => {
    const t = await team(1);
    const outsider = await makeUser(testDb(), "outsider");
    const response = await callRoute(route, outsider.id, { params: { reviewId: t.review.id } });
    expect(response.status).toBe(403);
  });
});
