// Team notes on a record: written by whoever screens, read by the whole team with author and time, edited only by
// their author, deleted by their author or a lead; every change audited and told in the record's history; carried
// by the records exports.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { csvLines, exportSelection } from "../export/selection.fixture";
import { jobQueue, stopJobQueue } from "../jobs/queue";
import { type BrowseReview, browseReview } from "../records/browse.fixture";
import { testDb } from "../test/integration";

let f: BrowseReview;
let on: { reviewId: string; recordId: string };

beforeAll(async () => {
  // Exporting a selection queues its job.
  process.env.DATABASE_URL = inject("databaseUrl");
  await jobQueue();
  f = await browseReview(testDb());
  on = { reviewId: f.review.id, recordId: f.ids.mouse };
});
afterAll(stopJobQueue);

describe("team notes", () => {
  it("are written by whoever screens and read by everyone, with author and time, oldest first", async () => {
    const first = await f.as("A").notes.add({ ...on, text: "  Mice only: check for a human arm.  " });
    await f.as("lead").notes.add({ ...on, text: "The 2009 erratum changes the dose." });
    await expect(f.as("observer").notes.add({ ...on, text: "An observer's note" })).rejects.toThrow(
      "This needs the reviewer role or higher in this review.",
    );
    await expect(f.as("A").notes.add({ ...on, text: "   " })).rejects.toThrow("Write the note first.");
    const seen = await f.as("observer").notes.list(on);
    expect(seen.map((n) => [n.author, n.text, n.mine, n.canEdit, n.canDelete, n.edited])).toEqual([
      ["reviewer", "Mice only: check for a human arm.", false, false, false, null],
      ["lead", "The 2009 erratum changes the dose.", false, false, false, null],
    ]);
    const mine = await f.as("A").notes.list(on);
    expect(mine[0]).toMatchObject({ id: first.id, mine: true, canEdit: true, canDelete: true });
    expect(mine[1]).toMatchObject({ mine: false, canEdit: false, canDelete: false });
    expect((await f.as("lead").notes.list(on))[0]).toMatchObject({ mine: false, canEdit: false, canDelete: true });
  });

  it("are edited by their author only, and deleted by their author or a lead", async () => {
    const record = { reviewId: f.review.id, recordId: f.ids.volunteers };
    const a = await f.as("A").notes.add({ ...record, text: "First thought" });
    await expect(f.as("B").notes.edit({ reviewId: f.review.id, noteId: a.id, text: "B's words" })).rejects.toThrow(
      "Only the note's author can edit it.",
    );
    await expect(
      f.as("lead").notes.edit({ reviewId: f.review.id, noteId: a.id, text: "Lead's words" }),
    ).rejects.toThrow("Only the note's author can edit it.");
    await f.as("A").notes.edit({ reviewId: f.review.id, noteId: a.id, text: "Second thought" });
    const [edited] = await f.as("B").notes.list(record);
    expect(edited).toMatchObject({ text: "Second thought" });
    expect(edited?.edited).toBeInstanceOf(Date);
    await expect(f.as("B").notes.remove({ reviewId: f.review.id, noteId: a.id })).rejects.toThrow(
      "Only the note's author or a lead can delete it.",
    );
    await f.as("lead").notes.remove({ reviewId: f.review.id, noteId: a.id });
    expect(await f.as("B").notes.list(record)).toEqual([]);
    await expect(f.as("A").notes.remove({ reviewId: f.review.id, noteId: a.id })).rejects.toThrow(
      "This note was deleted meanwhile.",
    );
    const b = await f.as("B").notes.add({ ...record, text: "Mine to take back" });
    await f.as("B").notes.remove({ reviewId: f.review.id, noteId: b.id });

    const audit = await testDb().auditEvent.findMany({
      where: { entityType: "record", entityId: f.ids.volunteers, action: { startsWith: "record.note_" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["record.note_added", f.people.A.id],
      ["record.note_edited", f.people.A.id],
      ["record.note_deleted", f.people.lead.id],
      ["record.note_added", f.people.B.id],
      ["record.note_deleted", f.people.B.id],
    ]);
    expect(audit[1]?.data).toMatchObject({ text: "Second thought", from: "First thought" });
    const history = (await f.as("observer").records.get(record)).history.filter((e) => e.kind === "note");
    expect(history.map((e) => e.kind === "note" && [e.action, e.text])).toEqual([
      ["added", "First thought"],
      ["edited", "Second thought"],
      ["deleted", ""],
      ["added", "Mine to take back"],
      ["deleted", ""],
    ]);
  });

  it("refuse another review's record or note", async () => {
    const g = await browseReview(testDb());
    const note = await g.as("A").notes.add({ reviewId: g.review.id, recordId: g.ids.msc, text: "Elsewhere" });
    await expect(f.as("A").notes.add({ reviewId: f.review.id, recordId: g.ids.msc, text: "x" })).rejects.toThrow(
      "That record is not in this review.",
    );
    await expect(f.as("lead").notes.remove({ reviewId: f.review.id, noteId: note.id })).rejects.toThrow(
      "This note was deleted meanwhile.",
    );
  });
});

describe("the selection's export", () => {
  it("carries each record's labels and team notes", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const label = await g.as("lead").labels.create({ ...r, name: "Animal study", colour: "teal" });
    await g.as("A").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: label.id, on: true });
    await g.as("A").notes.add({ ...r, recordId: g.ids.mouse, text: "No human arm." });
    for (const format of ["csv", "ris"] as const) {
      const { file } = await exportSelection(testDb(), g.people.lead.id, {
        ...r,
        format,
        recordIds: [g.ids.mouse, g.ids.msc],
      });
      const today = new Date().toISOString().slice(0, 10);
      if (format === "csv") {
        expect(csvLines(file)[0]).toMatch(/,labels,team_notes$/);
        expect(file).toContain(`Animal study,"reviewer, ${today}: No human arm."`);
      } else {
        expect(file).toContain("N1  - Sift labels: Animal study");
        expect(file).toContain(`N1  - Sift team note: reviewer, ${today}: No human arm.`);
      }
    }
  });
});
