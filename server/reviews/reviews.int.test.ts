import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../audit/record-audit-event";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";

describe("reviews", () => {
  it("creates a review with its owner, both stages, reasons, a unique slug and an audit event", async () => {
    const db = testDb();
    const owner = await makeUser(db, "creator");
    const caller = callerFor(db, owner.id);
    const input = {
      title: "Stem cells in SOD1 mice",
      question: "Do MSCs delay onset?",
      stages: {
        title_abstract: { reviewersPerRecord: 1, blinded: false, reasonRequired: false },
        full_text: { reviewersPerRecord: 3, blinded: true, reasonRequired: false },
      },
      exclusionReasons: { title_abstract: ["Not in vivo"], full_text: ["Wrong model", "Wrong model", "No outcome"] },
    };
    const first = await caller.reviews.create(input);
    const second = await caller.reviews.create(input);
    expect(first.slug).toMatch(/^stem-cells-in-sod1-mice(-\d+)?$/);
    expect(second.slug).not.toBe(first.slug);

    const review = await caller.reviews.get({ reviewId: first.id });
    expect(review.myRole).toBe("owner");
    expect(review.stageSettings.map((s) => [s.stage, s.reviewersPerRecord, s.blinded, s.reasonRequired])).toEqual([
      ["title_abstract", 1, false, false],
      ["full_text", 3, true, true], // full text always needs a reason
    ]);
    expect(review.exclusionReasons.filter((r) => r.stage === "full_text").map((r) => r.label)).toEqual([
      "Wrong model",
      "No outcome",
    ]);
    expect(
      await db.auditEvent.count({ where: { reviewId: first.id, action: "review.created", actorId: owner.id } }),
    ).toBe(1);
  });

  it("refuses a title that is too short, writing nothing", async () => {
    const db = testDb();
    const owner = await makeUser(db, "short");
    await expect(callerFor(db, owner.id).reviews.create({ title: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Give the review a title of at least 3 characters.",
    });
    expect(await db.review.count({ where: { createdById: owner.id } })).toBe(0);
  });

  it("archives removed exclusion reasons instead of deleting them", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const lead = callerFor(db, members.lead.id);
    await lead.reviews.setExclusionReasons({ reviewId: review.id, stage: "title_abstract", labels: ["A", "B"] });
    const active = await lead.reviews.setExclusionReasons({
      reviewId: review.id,
      stage: "title_abstract",
      labels: ["B", "C"],
    });
    expect(active.map((r) => r.label)).toEqual(["B", "C"]);
    const archived = await db.exclusionReason.findFirstOrThrow({ where: { reviewId: review.id, label: "A" } });
    expect(archived.archivedAt).toBeInstanceOf(Date);
  });

  it("bySlug answers a non-member the same for an existing and an unknown review", async () => {
    const db = testDb();
    const { review } = await makeTeam(db);
    const outsider = callerFor(db, (await makeUser(db, "nosy")).id);
    const known = await outsider.reviews.bySlug({ slug: review.slug }).catch((e) => e.message);
    const unknown = await outsider.reviews.bySlug({ slug: "no-such-review" }).catch((e) => e.message);
    expect(known).toBe("You are not a member of this review.");
    expect(unknown).toBe(known);
  });

  it("an audit event is rolled back with the change it records", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const before = await db.auditEvent.count({ where: { reviewId: review.id } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.review.update({ where: { id: review.id }, data: { title: "Renamed" } });
        await recordAuditEvent(tx, {
          reviewId: review.id,
          actorId: members.lead.id,
          action: "review.updated",
          entityType: "review",
          entityId: review.id,
        });
        throw new Error("the change failed after its event was written");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { reviewId: review.id } })).toBe(before);
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).title).toBe(review.title);
  });
});
