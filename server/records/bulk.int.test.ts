// A lead's bulk actions on the records chosen in the browser: every match of the filters, allocation to a
// reviewer under the screening queue's rules, and the selection as CSV or RIS through its download route.
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { SERVE_MINUTES } from "../screening-queue/serve";
import { testDb } from "../test/integration";
import { API_DIR, callRoute } from "../test/route-calls";
import { type BrowseReview, browseReview, decide } from "./browse.fixture";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

let f: BrowseReview;

beforeAll(async () => {
  f = await browseReview(testDb());
});

describe("selecting every record that matches", () => {
  it("gives a lead the ids of every match in import order, and the total", async () => {
    const all = await f.as("lead").records.matchingIds({ reviewId: f.review.id, duplicates: "unique" });
    expect(all).toEqual({ ids: [f.ids.msc, f.ids.neural, f.ids.mouse, f.ids.volunteers], total: 4 });
    const words = await f.as("lead").records.matchingIds({ reviewId: f.review.id, query: "mesenchymal" });
    expect(words.ids).toEqual([f.ids.msc, f.ids.neural, f.ids.copy]);
  });

  it("is for leads, as the bulk actions are", async () => {
    await expect(f.as("A").records.matchingIds({ reviewId: f.review.id })).rejects.toThrow(
      "This needs the lead role or higher in this review.",
    );
  });
});

describe("allocating the selection", () => {
  it("hands a reviewer the chosen records their queue could take, without expiry, and skips the rest", async () => {
    const g = await browseReview(testDb());
    const review = { reviewId: g.review.id };
    await decide(g, "A", "volunteers", "include");
    await decide(g, "B", "volunteers", "include");
    await decide(g, "B", "mouse", "exclude");
    await decide(g, "B", "neural", "include");
    // The lead is served neural, which B has decided: two of the two reviewers it needs.
    await testDb().screeningAssignment.create({
      data: {
        reviewId: g.review.id,
        recordId: g.ids.neural,
        stage: "title_abstract",
        reviewerId: g.people.lead.id,
        expiresAt: new Date(Date.now() + SERVE_MINUTES * 60_000),
      },
    });
    const chosen = [g.ids.msc, g.ids.neural, g.ids.mouse, g.ids.copy, g.ids.volunteers, "not-a-record"];
    const result = await g.as("lead").records.allocate({
      ...review,
      stage: "title_abstract",
      reviewerId: g.people.A.id,
      recordIds: chosen,
    });
    expect(result).toEqual({ allocated: 2, skipped: 4 });
    const held = await testDb().screeningAssignment.findMany({
      where: { reviewId: g.review.id, reviewerId: g.people.A.id },
      orderBy: { recordId: "asc" },
    });
    expect(held.map((a) => [a.recordId, a.expiresAt, a.allocatedById])).toEqual(
      [g.ids.msc, g.ids.mouse].sort().map((id) => [id, null, g.people.lead.id]),
    );
    const next = await g.as("A").screening.next({ ...review, stage: "title_abstract", count: 2 });
    expect(next.map((n) => n.record.id).sort()).toEqual([g.ids.msc, g.ids.mouse].sort());
    const event = await testDb().auditEvent.findFirstOrThrow({
      where: { reviewId: g.review.id, action: "screening.allocated" },
    });
    expect(event).toMatchObject({
      actorId: g.people.lead.id,
      data: { stage: "title_abstract", reviewerId: g.people.A.id, records: 2, selected: 6 },
    });
  });

  it("makes a record the reviewer was served their allocation, and allocates nothing twice", async () => {
    const g = await browseReview(testDb());
    const review = { reviewId: g.review.id };
    const [served] = await g.as("A").screening.next({ ...review, stage: "title_abstract", count: 1 });
    const recordIds = [served!.record.id];
    const allocate = () =>
      g.as("lead").records.allocate({ ...review, stage: "title_abstract", reviewerId: g.people.A.id, recordIds });
    expect(await allocate()).toEqual({ allocated: 1, skipped: 0 });
    const hold = await testDb().screeningAssignment.findFirstOrThrow({
      where: { recordId: served!.record.id, reviewerId: g.people.A.id },
    });
    expect([hold.expiresAt, hold.allocatedById]).toEqual([null, g.people.lead.id]);
    expect(await allocate()).toEqual({ allocated: 1, skipped: 0 });
    expect(await testDb().screeningAssignment.count({ where: { recordId: served!.record.id } })).toBe(1);
  });

  it("refuses anyone but a reviewer of the review as the one to allocate to, and refuses reviewers as allocators", async () => {
    const input = { reviewId: f.review.id, stage: "title_abstract" as const, recordIds: [f.ids.msc] };
    await expect(f.as("lead").records.allocate({ ...input, reviewerId: f.people.observer.id })).rejects.toThrow(
      "Records can only be allocated to a reviewer of this review.",
    );
    await expect(f.as("A").records.allocate({ ...input, reviewerId: f.people.A.id })).rejects.toThrow(
      "This needs the lead role or higher in this review.",
    );
  });
});

describe("exporting the selection", () => {
  async function download(who: "lead" | "A", body: string) {
    const route = (await import(path.join(API_DIR, "reviews/[reviewId]/records/export/route.ts"))) as {
      POST: Parameters<typeof callRoute>[0];
    };
    return callRoute(route.POST, f.people[who].id, { params: { reviewId: f.review.id }, body });
  }

  it("writes the chosen records as CSV, in import order, with the stage's final decisions", async () => {
    const g = f;
    await decide(g, "A", "mouse", "exclude");
    await decide(g, "B", "mouse", "exclude");
    const res = await download("lead", `format=csv&ids=${g.ids.mouse},${g.ids.msc}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="records-selection-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]!.split(",").slice(0, 3)).toEqual(["sift_id", "title", "authors"]);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(g.ids.msc);
    expect(lines[2]).toContain(g.ids.mouse);
    expect(lines[2]).toContain(",excluded,Not about ALS,");
  });

  it("writes RIS for a reference manager, the outcome as a note", async () => {
    const res = await download("lead", `format=ris&stage=title_abstract&ids=${f.ids.mouse}`);
    const text = await res.text();
    expect(text.match(/^TY {2}- /gm)).toHaveLength(1);
    expect(text).toContain("TI  - SOD1-G93A mice given human umbilical cord blood");
    expect(text).toContain("N1  - Sift title/abstract: excluded (Not about ALS)");
  });

  it("refuses an empty selection and reviewers", async () => {
    expect((await download("lead", "format=csv&ids=")).status).toBe(400);
    expect((await download("A", `format=csv&ids=${f.ids.msc}`)).status).toBe(403);
  });
});
