// A lead's bulk actions on the records chosen in the browser: every match of the filters, and allocation to a
// reviewer under the screening queue's rules. Exporting a selection is an export (server/export).
import { beforeAll, describe, expect, it } from "vitest";
import { SERVE_MINUTES } from "../screening-queue/serve";
import { testDb } from "../test/integration";
import { type BrowseReview, browseReview, decide } from "./browse.fixture";

let f: BrowseReview;

beforeAll(async () => {
  f = await browseReview(testDb());
});

describe("acting on every record that matches", () => {
  it("labels every match of the filters but those ticked off, read when the action runs", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const label = await g.as("lead").labels.create({ ...r, name: "Mesenchymal", colour: "blue" });
    const result = await g.as("lead").labels.setOnSelection({
      ...r,
      labelId: label.id,
      on: true,
      filters: { query: "mesenchymal" },
      exceptIds: [g.ids.copy],
    });
    expect(result).toEqual({ label: "Mesenchymal", changed: 2, unchanged: 0 });
    const labelled = await testDb().recordLabel.findMany({ where: { labelId: label.id }, select: { recordId: true } });
    expect(labelled.map((l) => l.recordId).sort()).toEqual([g.ids.msc, g.ids.neural].sort());
  });

  it("takes far more than 10,000 records when they are chosen by their filters", async () => {
    const g = await browseReview(testDb());
    const db = testDb();
    const r = { reviewId: g.review.id };
    const bulk = await db.source.create({ data: { reviewId: g.review.id, name: "Bulk", kind: "database" } });
    const n = 10_500;
    await db.$executeRaw`
      INSERT INTO records (id, review_id, source_id, title, year)
      SELECT gen_random_uuid()::text, ${g.review.id}, ${bulk.id}, 'Generated record ' || i, 2000 + i % 25
        FROM generate_series(1, ${n}) AS i`;
    const label = await g.as("lead").labels.create({ ...r, name: "Bulk", colour: "green" });
    const chosen = { filters: { sourceId: bulk.id } };
    expect(await g.as("lead").labels.setOnSelection({ ...r, labelId: label.id, on: true, ...chosen })).toMatchObject({
      changed: n,
    });
    expect(await db.recordLabel.count({ where: { labelId: label.id } })).toBe(n);
    const allocated = await g
      .as("lead")
      .records.allocate({ ...r, stage: "title_abstract", reviewerId: g.people.A.id, ...chosen });
    expect(allocated).toEqual({ allocated: n, skipped: 0 });
  });

  it("refuses filters naming what is not in the review, and an empty choice", async () => {
    const r = { reviewId: f.review.id, stage: "title_abstract" as const, reviewerId: f.people.A.id };
    await expect(
      f.as("lead").records.allocate({ ...r, filters: { sourceId: "0190a1b2-0000-7000-8000-000000000000" } }),
    ).rejects.toThrow("The source these records were filtered by is not in this review");
    await expect(f.as("lead").records.allocate({ ...r, recordIds: [] })).rejects.toThrow("Choose the records first.");
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
