// Team labels end to end on the server: the review's list (leads only, names that carry no verdict, keys that
// leave screening's alone, deletion confirmed with the number of records), labels on one record and on a
// selection, the browser's label filter (the same for a blinded reviewer whatever a co-reviewer decided), the
// audit events written with each change and the record's history that reads them.
import { beforeAll, describe, expect, it } from "vitest";
import { type BrowseReview, browseReview, decide } from "../records/browse.fixture";
import { testDb } from "../test/integration";

let f: BrowseReview;
let review: { reviewId: string };

beforeAll(async () => {
  f = await browseReview(testDb());
  review = { reviewId: f.review.id };
});

const events = (entityId: string) =>
  testDb().auditEvent.findMany({ where: { entityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("the review's labels", () => {
  it("are made by a lead, checked, audited, and listed for everyone with their records", async () => {
    const label = await f
      .as("lead")
      .labels.create({ ...review, name: " Animal  study ", colour: "teal", shortcut: "a" });
    expect(label).toMatchObject({ name: "Animal study", colour: "teal", shortcut: "A" });
    expect((await events(label.id)).map((e) => [e.action, e.actorId, e.data])).toEqual([
      ["label.created", f.people.lead.id, { name: "Animal study", colour: "teal", shortcut: "A" }],
    ]);
    const listed = await f.as("observer").labels.list(review);
    expect(listed).toContainEqual({ id: label.id, name: "Animal study", colour: "teal", shortcut: "A", records: 0 });
  });

  it("refuse a verdict for a name, a name the review has, and a key screening uses or another label has", async () => {
    const lead = f.as("lead");
    await expect(lead.labels.create({ ...review, name: "Maybe", colour: "red" })).rejects.toThrow(
      /Labels are seen by the whole team, so a label cannot carry a screening verdict/,
    );
    await expect(lead.labels.create({ ...review, name: "EXCLUDED", colour: "red" })).rejects.toThrow(/verdict/);
    await expect(lead.labels.create({ ...review, name: "animal STUDY", colour: "red" })).rejects.toThrow(
      "The review already has a label “Animal study”.",
    );
    await expect(lead.labels.create({ ...review, name: "Dose", colour: "red", shortcut: "e" })).rejects.toThrow(
      "E is the screening screen's key for Exclude: choose another key.",
    );
    await expect(lead.labels.create({ ...review, name: "Dose", colour: "red", shortcut: "A" })).rejects.toThrow(
      "A is already the shortcut of the label “Animal study”.",
    );
    expect((await lead.labels.list(review)).map((l) => l.name)).toEqual(["Animal study"]);
  });

  it("are for leads to change; a reviewer is refused", async () => {
    await expect(f.as("A").labels.create({ ...review, name: "Mine", colour: "blue" })).rejects.toThrow(
      "This needs the lead role or higher in this review.",
    );
  });

  it("are renamed, recoloured and re-keyed in one change, audited with what they were", async () => {
    const lead = f.as("lead");
    const made = await lead.labels.create({ ...review, name: "Ask Ana", colour: "amber", shortcut: "Q" });
    const changed = await lead.labels.update({
      ...review,
      labelId: made.id,
      name: "Ask Ana (pharmacist)",
      colour: "purple",
      shortcut: null,
    });
    expect(changed).toMatchObject({ name: "Ask Ana (pharmacist)", colour: "purple", shortcut: null });
    const [, change] = await events(made.id);
    expect(change).toMatchObject({
      action: "label.changed",
      data: {
        from: { name: "Ask Ana", colour: "amber", shortcut: "Q" },
        to: { name: "Ask Ana (pharmacist)", colour: "purple", shortcut: null },
      },
    });
    // Keeping its own name and key is no clash with itself.
    await lead.labels.update({ ...review, labelId: made.id, name: "Ask Ana (pharmacist)", colour: "blue" });
  });
});

describe("labels on records", () => {
  it("are put on and taken off by whoever screens, audited, and told in the record's history", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const label = await g.as("lead").labels.create({ ...r, name: "Animal study", colour: "teal" });
    const on = await g.as("A").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: label.id, on: true });
    expect(on).toMatchObject({ changed: true, labels: [{ id: label.id, name: "Animal study" }] });
    // Asking again for what already holds changes nothing and writes nothing.
    const again = await g.as("B").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: label.id, on: true });
    expect(again.changed).toBe(false);
    expect(await g.as("observer").labels.ofRecord({ ...r, recordId: g.ids.mouse })).toEqual([
      { id: label.id, name: "Animal study", colour: "teal", shortcut: null },
    ]);
    await expect(
      g.as("observer").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: label.id, on: false }),
    ).rejects.toThrow("This needs the reviewer role or higher in this review.");
    await g.as("B").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: label.id, on: false });
    expect((await events(g.ids.mouse)).map((e) => [e.action, e.actorId])).toEqual([
      ["record.label_added", g.people.A.id],
      ["record.label_removed", g.people.B.id],
    ]);
    const page = await g.as("observer").records.get({ ...r, recordId: g.ids.mouse });
    const lines = page.history.filter((e) => e.kind === "label").map((e) => [e.actor, e.kind === "label" && e.action]);
    expect(lines).toEqual([
      ["reviewer", "added"],
      ["reviewer-b", "removed"],
    ]);
  });

  it("refuse a record or label of another review", async () => {
    const g = await browseReview(testDb());
    const label = await g.as("lead").labels.create({ reviewId: g.review.id, name: "Elsewhere", colour: "grey" });
    await expect(
      f.as("A").labels.setOnRecord({ ...review, recordId: f.ids.mouse, labelId: label.id, on: true }),
    ).rejects.toThrow(/This label was deleted meanwhile/);
    await expect(
      f.as("A").labels.setOnRecord({ ...review, recordId: g.ids.mouse, labelId: label.id, on: true }),
    ).rejects.toThrow("That record is not in this review.");
  });

  it("go on a lead's selection at once, each record's history telling it, and come off it again", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const label = await g.as("lead").labels.create({ ...r, name: "Check dose", colour: "orange" });
    await g.as("A").labels.setOnRecord({ ...r, recordId: g.ids.msc, labelId: label.id, on: true });
    const chosen = [g.ids.msc, g.ids.neural, g.ids.volunteers, "not-a-record"];
    const added = await g.as("lead").labels.setOnSelection({ ...r, labelId: label.id, recordIds: chosen, on: true });
    expect(added).toEqual({ label: "Check dose", changed: 2, unchanged: 2 });
    await expect(
      g.as("A").labels.setOnSelection({ ...r, labelId: label.id, recordIds: chosen, on: true }),
    ).rejects.toThrow("This needs the lead role or higher in this review.");
    const [bulk] = await events(label.id).then((all) => all.filter((e) => e.action === "label.added_to_records"));
    expect(bulk?.data).toEqual({
      label: "Check dose",
      recordIds: [g.ids.neural, g.ids.volunteers].sort(),
      selected: 4,
    });
    const history = (await g.as("A").records.get({ ...r, recordId: g.ids.neural })).history;
    expect(history.filter((e) => e.kind === "label")).toMatchObject([
      { action: "added", label: "Check dose", selection: true, actor: "lead" },
    ]);
    const removed = await g.as("lead").labels.setOnSelection({ ...r, labelId: label.id, recordIds: chosen, on: false });
    expect(removed.changed).toBe(3);
    expect(await g.as("A").labels.ofRecord({ ...r, recordId: g.ids.msc })).toEqual([]);
  });

  it("are deleted with their label once the lead confirms how many records carry it; the histories keep it", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const label = await g.as("lead").labels.create({ ...r, name: "Old idea", colour: "pink" });
    await g.as("A").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: label.id, on: true });
    // The lead was told 0; one record carries it by now.
    await expect(g.as("lead").labels.remove({ ...r, labelId: label.id, records: 0 })).rejects.toThrow(
      "“Old idea” is now on 1 record, not 0: confirm again to delete it.",
    );
    expect(await g.as("lead").labels.remove({ ...r, labelId: label.id, records: 1 })).toEqual({
      deleted: "Old idea",
      records: 1,
    });
    expect(await g.as("A").labels.list(r)).toEqual([]);
    expect(await g.as("A").labels.ofRecord({ ...r, recordId: g.ids.mouse })).toEqual([]);
    const history = (await g.as("A").records.get({ ...r, recordId: g.ids.mouse })).history;
    expect(history.filter((e) => e.kind === "label").map((e) => e.kind === "label" && e.action)).toEqual([
      "added",
      "deleted",
    ]);
    await expect(g.as("lead").labels.remove({ ...r, labelId: label.id, records: 1 })).rejects.toThrow(
      "This label was deleted meanwhile.",
    );
  });
});

describe("the record browser's label filter", () => {
  it("lists the records carrying a label, with their labels on the rows, for any member", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const animal = await g.as("lead").labels.create({ ...r, name: "Animal study", colour: "teal" });
    const dose = await g.as("lead").labels.create({ ...r, name: "Check dose", colour: "orange" });
    await g.as("A").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: animal.id, on: true });
    await g.as("A").labels.setOnRecord({ ...r, recordId: g.ids.mouse, labelId: dose.id, on: true });
    await g.as("B").labels.setOnRecord({ ...r, recordId: g.ids.msc, labelId: dose.id, on: true });
    const page = await g.as("observer").records.list({ ...r, labelId: dose.id });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.id, i.labels.map((l) => l.name)])).toEqual([
      [g.ids.msc, ["Check dose"]],
      [g.ids.mouse, ["Animal study", "Check dose"]],
    ]);
    expect((await g.as("observer").records.filterOptions(r)).labels.map((l) => [l.name, l.records])).toEqual([
      ["Animal study", 1],
      ["Check dose", 2],
    ]);
    const bySearch = await g.as("observer").records.list({ ...r, labelId: animal.id, query: "mice" });
    expect(bySearch.items.map((i) => i.id)).toEqual([g.ids.mouse]);
  });

  it("gives a blinded reviewer the same records and counts whatever a co-reviewer decided", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const label = await g.as("lead").labels.create({ ...r, name: "Check dose", colour: "orange" });
    for (const record of ["msc", "mouse", "volunteers"] as const)
      await g.as("lead").labels.setOnRecord({ ...r, recordId: g.ids[record], labelId: label.id, on: true });
    await decide(g, "A", "mouse", "include");
    const seen = async () => {
      const page = await g.as("A").records.list({ ...r, labelId: label.id });
      const options = await g.as("A").records.filterOptions(r);
      return JSON.stringify({ page, labels: options.labels });
    };
    const before = await seen();
    await decide(g, "B", "mouse", "exclude");
    await decide(g, "B", "msc", "include");
    expect(await seen()).toEqual(before);
  });
});

describe("a withdrawn import's records", () => {
  it("take their labels and team notes with them, kept among the withdrawn rows, and the label's count follows", async () => {
    const g = await browseReview(testDb());
    const r = { reviewId: g.review.id };
    const label = await g.as("lead").labels.create({ ...r, name: "Animal study", colour: "teal" });
    // mouse came with the first import, pendingA with the second.
    for (const record of ["mouse", "pendingA"] as const)
      await g.as("A").labels.setOnRecord({ ...r, recordId: g.ids[record], labelId: label.id, on: true });
    await g.as("A").notes.add({ ...r, recordId: g.ids.mouse, text: "No human arm." });
    const importId = g.imports[0]!.id;
    const impact = await g.as("lead").imports.withdrawalImpact({ ...r, importId });
    await g
      .as("lead")
      .imports.withdraw({ ...r, importId, downstreamKey: impact.downstreamKey, confirmDownstream: true });
    expect((await g.as("A").labels.list(r)).map((l) => [l.name, l.records])).toEqual([["Animal study", 1]]);
    const page = await g.as("A").records.list({ ...r, labelId: label.id });
    expect(page.items.map((i) => i.id)).toEqual([g.ids.pendingA]);
    const kept = await testDb().withdrawnRow.findMany({
      where: { reviewId: g.review.id, tableName: { in: ["record_labels", "record_notes"] } },
    });
    expect(kept.map((w) => [w.tableName, (w.data as { record_id: string }).record_id]).sort()).toEqual([
      ["record_labels", g.ids.mouse],
      ["record_notes", g.ids.mouse],
    ]);
  });
});
