// Labels and team notes follow duplicate merges: the kept record carries the merged records' labels (once each),
// shows their notes under "From merged records", and undoing a merge takes back exactly the labels it added, all
// audited with the merge and its undo. Automatic merges at import carry labels the same way.
import { beforeAll, describe, expect, it } from "vitest";
import { runDedup } from "../dedup/run-dedup";
import { type BrowseReview, browseReview } from "../records/browse.fixture";
import { testDb } from "../test/integration";

let f: BrowseReview;
let review: { reviewId: string };
const labelIds: Record<"animal" | "trial" | "review", string> = { animal: "", trial: "", review: "" };
let third: string;
let pairIds: string[];

const labelsOf = async (recordId: string) =>
  (await f.as("observer").labels.ofRecord({ ...review, recordId })).map((l) => l.name);

/** pendingA (Animal) is kept; pendingB (Animal, Trial) and a third copy (Trial, Review) are merged into it. */
beforeAll(async () => {
  f = await browseReview(testDb());
  review = { reviewId: f.review.id };
  const db = testDb();
  const lead = f.as("lead");
  for (const [key, name] of [
    ["animal", "Animal"],
    ["trial", "Trial"],
    ["review", "Review"],
  ] as const)
    labelIds[key] = (await lead.labels.create({ ...review, name, colour: "teal" })).id;
  const copy = await db.record.create({
    data: {
      reviewId: f.review.id,
      sourceId: f.sources.embase.id,
      importId: f.imports[1]!.id,
      title: "Stem cell trials in ALS - a review",
      year: 2020,
    },
  });
  third = copy.id;
  const put = (recordId: string, key: keyof typeof labelIds) =>
    lead.labels.setOnRecord({ ...review, recordId, labelId: labelIds[key], on: true });
  await put(f.ids.pendingA, "animal");
  await put(f.ids.pendingB, "animal");
  await put(f.ids.pendingB, "trial");
  await put(third, "trial");
  await put(third, "review");
  await f.as("A").notes.add({ ...review, recordId: third, text: "Check the 2021 erratum" });
  const first = await db.duplicatePair.findFirstOrThrow({ where: { recordAId: f.ids.pendingA } });
  const second = await db.duplicatePair.create({
    data: { reviewId: f.review.id, recordAId: f.ids.pendingA, recordBId: third, score: 0.9 },
  });
  pairIds = [first.id, second.id];
});

describe("labels and notes when duplicates are merged", () => {
  it("puts the merged records' labels on the kept one once each, audited with the merge", async () => {
    const merged = await f.as("lead").duplicates.mergeGroup({ ...review, pairIds, keptId: f.ids.pendingA });
    expect(merged.labelsCarried.sort()).toEqual(["Review", "Trial"]);
    expect(await labelsOf(f.ids.pendingA)).toEqual(["Animal", "Review", "Trial"]);
    const events = await testDb().auditEvent.findMany({
      where: { reviewId: f.review.id, action: "dedup.merged", entityId: { in: pairIds } },
    });
    const carried = Object.fromEntries(
      events.map((e) => {
        const d = e.data as { removedId: string; labelsCarried: string[] };
        return [d.removedId, d.labelsCarried];
      }),
    );
    // "Trial" came with the first merged record by id; "Animal" the kept record had already.
    const [firstDonor, secondDonor] = [f.ids.pendingB, third].sort();
    expect(carried[firstDonor!]).toContain("Trial");
    expect(carried[secondDonor!]).not.toContain("Trial");
    expect(carried[third]).toContain("Review");
    expect(carried[f.ids.pendingB]).not.toContain("Animal");
  });

  it("shows the merged records' notes on the kept record, read-only, naming the record", async () => {
    const notes = await f.as("A").notes.list({ ...review, recordId: f.ids.pendingA });
    expect(notes).toEqual([
      expect.objectContaining({
        text: "Check the 2021 erratum",
        mergedFrom: { id: third, title: "Stem cell trials in ALS - a review" },
        mine: true,
        canEdit: false,
        canDelete: false,
      }),
    ]);
  });

  it("takes back on undo exactly what each merge added, handing a shared label to the record still merged", async () => {
    const lead = f.as("lead");
    const pairOf = (recordId: string) =>
      testDb().duplicatePair.findFirstOrThrow({ where: { recordBId: recordId, status: "merged" } });
    const [firstDonor, secondDonor] = [f.ids.pendingB, third].sort();
    await lead.duplicates.undoMerge({ ...review, pairId: (await pairOf(firstDonor!)).id });
    expect(await labelsOf(f.ids.pendingA)).toEqual(["Animal", "Review", "Trial"]);
    const undone = await testDb().auditEvent.findFirstOrThrow({
      where: { reviewId: f.review.id, action: "dedup.merge_undone" },
    });
    expect((undone.data as { labelsTakenBack: string[] }).labelsTakenBack).toContain("Trial");
    await lead.duplicates.undoMerge({ ...review, pairId: (await pairOf(secondDonor!)).id });
    expect(await labelsOf(f.ids.pendingA)).toEqual(["Animal"]);
    expect(await labelsOf(third)).toEqual(["Review", "Trial"]);
    expect(await f.as("A").notes.list({ ...review, recordId: f.ids.pendingA })).toEqual([]);
  });

  it("carries labels in automatic merges at import too", async () => {
    const db = testDb();
    const g = await browseReview(db);
    const label = await g.as("lead").labels.create({ reviewId: g.review.id, name: "Key trial", colour: "red" });
    await db.import.updateMany({ where: { reviewId: g.review.id }, data: { dedupedAt: new Date() } });
    const later = await db.import.create({
      data: {
        reviewId: g.review.id,
        sourceId: g.sources.embase.id,
        fileName: "search-3.ris",
        status: "succeeded",
        createdById: g.people.lead.id,
      },
    });
    const again = await db.record.create({
      data: {
        reviewId: g.review.id,
        importId: later.id,
        sourceId: g.sources.embase.id,
        title: "Mouse study of cord blood",
        year: 2008,
      },
    });
    const mouse = await db.record.findUniqueOrThrow({ where: { id: g.ids.mouse } });
    await db.record.update({
      where: { id: again.id },
      data: { title: mouse.title, authors: mouse.authors, journal: mouse.journal, doi: "10.1/mouse" },
    });
    await db.record.update({ where: { id: mouse.id }, data: { doi: "10.1/mouse" } });
    await g.as("lead").labels.setOnRecord({ reviewId: g.review.id, recordId: again.id, labelId: label.id, on: true });
    expect(await runDedup(db, later.id)).toMatchObject({ merged: 1 });
    const kept = (await db.record.findUniqueOrThrow({ where: { id: again.id } })).duplicateOfId ?? again.id;
    expect(kept).toBe(mouse.id);
    const onKept = await g.as("observer").labels.ofRecord({ reviewId: g.review.id, recordId: kept });
    expect(onKept.map((l) => l.name)).toEqual(["Key trial"]);
    const completed = await db.auditEvent.findFirstOrThrow({
      where: { action: "dedup.completed", entityId: later.id },
    });
    expect(completed.data).toMatchObject({ merged: 1, labelsCarried: 1 });
  });
});
