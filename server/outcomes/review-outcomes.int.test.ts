// The review's outcome list on the server: seeded from the templates a review starts with, kept by leads (checked
// names, order, type locked and removal refused while results use an outcome), read by everyone, audited.
import { beforeAll, describe, expect, it } from "vitest";
import { createReview } from "../reviews/create-review";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";

let team: Awaited<ReturnType<typeof makeTeam>>;
let review: { reviewId: string };
const as = (role: "owner" | "lead" | "reviewer" | "observer") => callerFor(testDb(), team.members[role].id);
const events = (entityId: string) =>
  testDb().auditEvent.findMany({ where: { entityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

beforeAll(async () => {
  team = await makeTeam(testDb());
  review = { reviewId: team.review.id };
});

describe("a review's outcomes", () => {
  it("start from the templates a review is created with, one list for both, with their types", async () => {
    const owner = await makeUser(testDb(), "outcome-owner");
    const made = await createReview(testDb(), owner.id, {
      title: "Outcome seeding",
      extractionTemplates: ["als_clinical", "als_preclinical"],
    });
    const list = await callerFor(testDb(), owner.id).outcomes.list({ reviewId: made.id });
    expect(list.slice(0, 5).map((o) => [o.name, o.type, o.unit, o.direction])).toEqual([
      ["ALSFRS-R change", "continuous", "points", "higher_is_better"],
      ["ALSFRS-R slope (per month)", "continuous", "points/month", "higher_is_better"],
      ["ALSFRS-R responders", "binary", "", "higher_is_better"],
      ["FVC/SVC %", "continuous", "% predicted", "higher_is_better"],
      ["Survival", "time_to_event", "", "lower_is_better"],
    ]);
    expect(list.map((o) => o.name)).toContain("Survival time");
    expect(new Set(list.map((o) => o.name)).size).toBe(list.length);
    expect(list.every((o) => o.results === 0)).toBe(true);
    const added = await testDb().auditEvent.count({ where: { reviewId: made.id, action: "outcome.added" } });
    expect(added).toBe(list.length);
  });

  it("are added by a lead, checked and audited, and read by everyone", async () => {
    const lead = as("lead");
    const fvc = await lead.outcomes.add({
      ...review,
      name: "  FVC   % ",
      type: "continuous",
      unit: "% predicted",
      direction: "higher_is_better",
    });
    expect(fvc).toMatchObject({ name: "FVC %", position: 0 });
    expect((await events(fvc.id)).map((e) => [e.action, e.actorId, e.data])).toEqual([
      [
        "outcome.added",
        team.members.lead.id,
        { name: "FVC %", type: "continuous", unit: "% predicted", direction: "higher_is_better" },
      ],
    ]);
    await expect(
      lead.outcomes.add({ ...review, name: "fvc %", type: "binary", unit: "", direction: "higher_is_better" }),
    ).rejects.toThrow("The review already has an outcome “FVC %”.");
    await expect(
      lead.outcomes.add({ ...review, name: " ", type: "binary", unit: "", direction: "higher_is_better" }),
    ).rejects.toThrow("Name the outcome.");
    const seen = await as("observer").outcomes.list(review);
    expect(seen).toEqual([
      {
        id: fvc.id,
        name: "FVC %",
        type: "continuous",
        unit: "% predicted",
        direction: "higher_is_better",
        results: null,
      },
    ]);
  });

  it("are for leads to change; a reviewer is refused", async () => {
    await expect(
      as("reviewer").outcomes.add({ ...review, name: "Mine", type: "binary", unit: "", direction: "lower_is_better" }),
    ).rejects.toThrow("This needs the lead role or higher in this review.");
  });

  it("are reordered as a whole list; a list that changed meanwhile is refused", async () => {
    const lead = as("lead");
    const death = await lead.outcomes.add({
      ...review,
      name: "Death",
      type: "time_to_event",
      unit: "",
      direction: "lower_is_better",
    });
    const before = (await lead.outcomes.list(review)).map((o) => o.id);
    await lead.outcomes.reorder({ ...review, outcomeIds: [...before].reverse() });
    expect((await lead.outcomes.list(review)).map((o) => o.name)).toEqual(["Death", "FVC %"]);
    const reordered = await testDb().auditEvent.findFirst({
      where: { reviewId: review.reviewId, action: "outcome.reordered" },
    });
    expect(reordered?.data).toEqual({ from: before, to: [...before].reverse() });
    await expect(lead.outcomes.reorder({ ...review, outcomeIds: [death.id] })).rejects.toThrow(
      "The outcome list changed meanwhile. Reload it and reorder again.",
    );
  });

  it("keep their type and stay while a result names them; rename freely; go once unused", async () => {
    const db = testDb();
    const lead = as("lead");
    const [death] = (await lead.outcomes.list(review)).filter((o) => o.name === "Death");
    const renamed = await lead.outcomes.update({
      ...review,
      outcomeId: death!.id,
      name: "Death or tracheostomy",
      type: "time_to_event",
      unit: "",
      direction: "lower_is_better",
    });
    expect(renamed.name).toBe("Death or tracheostomy");
    expect((await events(death!.id)).at(-1)?.data).toMatchObject({
      from: { name: "Death" },
      to: { name: "Death or tracheostomy" },
    });

    // An extractor's result row names the outcome.
    const study = await db.study.create({ data: { reviewId: review.reviewId, label: "Trial 2020" } });
    const form = await db.extractionForm.create({
      data: { reviewId: review.reviewId, name: "F", versions: { create: { version: 1, definition: {} } } },
      include: { versions: true },
    });
    const extraction = await db.extraction.create({
      data: {
        reviewId: review.reviewId,
        studyId: study.id,
        formVersionId: form.versions[0]!.id,
        extractorId: team.members.reviewer.id,
      },
    });
    await db.extractionValue.create({
      data: { extractionId: extraction.id, fieldId: "result_outcome", instanceKey: "r1", value: death!.id },
    });

    expect((await lead.outcomes.list(review)).find((o) => o.id === death!.id)?.results).toBe(1);
    await expect(lead.outcomes.remove({ ...review, outcomeId: death!.id })).rejects.toThrow(
      "“Death or tracheostomy” is chosen in 1 extracted result row: choose another outcome in it before removing it.",
    );
    await expect(
      lead.outcomes.update({
        ...review,
        outcomeId: death!.id,
        name: "Death or tracheostomy",
        type: "binary",
        unit: "",
        direction: "lower_is_better",
      }),
    ).rejects.toThrow(/its type cannot change/);

    await db.extractionValue.deleteMany({ where: { extractionId: extraction.id } });
    // An appraisal judging the outcome's result holds it too.
    const appraisal = await db.appraisal.create({
      data: {
        reviewId: review.reviewId,
        studyId: study.id,
        tool: "rob2",
        appraiserId: team.members.reviewer.id,
        outcomeId: death!.id,
        timePoint: "month 12",
      },
    });
    await expect(lead.outcomes.remove({ ...review, outcomeId: death!.id })).rejects.toThrow(
      "“Death or tracheostomy” names the result an appraisal judges: name another result in it before removing it.",
    );
    await db.appraisal.delete({ where: { id: appraisal.id } });
    await expect(lead.outcomes.remove({ ...review, outcomeId: death!.id })).resolves.toEqual({
      removed: "Death or tracheostomy",
    });
    expect((await events(death!.id)).at(-1)).toMatchObject({
      action: "outcome.removed",
      data: { name: "Death or tracheostomy", type: "time_to_event" },
    });
    await expect(lead.outcomes.remove({ ...review, outcomeId: death!.id })).rejects.toThrow(
      "This outcome was removed meanwhile. Reload the list.",
    );
  });
});
