// Extraction to the engine on a seeded review: two extractors enter a trial's arms and result rows with their own
// keys, the lead records the consensus, and the consensus results of two trials go through the reader into the
// meta-analysis engine, every number traced to a row of the consensus.
import { beforeAll, describe, expect, it } from "vitest";
import { analyse } from "../meta-analysis/analyse";
import { createReview } from "../reviews/create-review";
import { callerFor, makeUser, testDb } from "../test/integration";
import { consensusResults } from "./consensus-results";

let reviewId: string;
let formId: string;
let people: Record<"owner" | "a" | "b", string>;
let outcomes: Map<string, string>;

const as = (who: keyof typeof people) => callerFor(testDb(), people[who]);

beforeAll(async () => {
  const db = testDb();
  people = {
    owner: (await makeUser(db, "results-owner")).id,
    a: (await makeUser(db, "results-a")).id,
    b: (await makeUser(db, "results-b")).id,
  };
  const review = await createReview(db, people.owner, {
    title: "Results reader",
    extractionTemplates: ["als_clinical"],
  });
  reviewId = review.id;
  for (const who of ["a", "b"] as const)
    await db.membership.create({ data: { reviewId, userId: people[who], role: "reviewer" } });
  formId = (await db.extractionForm.findFirstOrThrow({ where: { reviewId } })).id;
  outcomes = new Map((await as("owner").outcomes.list({ reviewId })).map((o) => [o.name, o.id]));
});

/** A trial's arms and week-28 ALSFRS-R change rows, under the extractor's own instance keys. */
function values(prefix: string, numbers: [number, number, number, number, number, number]) {
  const [m1, sd1, n1, m2, sd2, n2] = numbers;
  const change = outcomes.get("ALSFRS-R change")!;
  const r = (key: string, armKey: string, mean: number, sd: number, n: number) => [
    { fieldId: "result_outcome", instanceKey: key, value: change },
    { fieldId: "time_point", instanceKey: key, value: "Week 28" },
    { fieldId: "result_arm", instanceKey: key, value: armKey },
    { fieldId: "result_measure", instanceKey: key, value: "change_from_baseline" },
    { fieldId: "result_mean", instanceKey: key, value: mean },
    { fieldId: "result_sd", instanceKey: key, value: sd },
    { fieldId: "result_n", instanceKey: key, value: n },
  ];
  return [
    { fieldId: "design", instanceKey: "", value: "rct" },
    { fieldId: "n_enrolled", instanceKey: "", value: n1 + n2 },
    { fieldId: "cell_type", instanceKey: "", value: "msc" },
    { fieldId: "authors_conclusion", instanceKey: "", value: "As reported." },
    { fieldId: "arm_name", instanceKey: `${prefix}1`, value: "MSC-NTF" },
    { fieldId: "arm_role", instanceKey: `${prefix}1`, value: "intervention" },
    { fieldId: "arm_name", instanceKey: `${prefix}2`, value: "Placebo" },
    { fieldId: "arm_role", instanceKey: `${prefix}2`, value: "control" },
    ...r(`${prefix}r1`, `${prefix}1`, m1, sd1, n1),
    ...r(`${prefix}r2`, `${prefix}2`, m2, sd2, n2),
  ];
}

async function extractAndAgree(label: string, numbers: Parameters<typeof values>[1]) {
  const db = testDb();
  const study = await db.study.create({ data: { reviewId, label } });
  const latest = await db.extractionFormVersion.findFirstOrThrow({ where: { formId }, orderBy: { version: "desc" } });
  const target = { reviewId, formId, studyId: study.id };
  await as("owner").extraction.assign({ ...target, extractorIds: [people.a, people.b] });
  for (const [who, prefix] of [
    ["a", "x"],
    ["b", "y"],
  ] as const) {
    await as(who).extraction.save({ ...target, formVersionId: latest.id, values: values(prefix, numbers) });
    await as(who).extraction.complete({ ...target, formVersionId: latest.id });
  }
  const comparison = await as("owner").extraction.compare(target);
  expect(comparison.differences).toBe(0);
  // The lead takes the agreed values under the first extractor's keys, as the consensus screen does.
  const consensus = comparison.rows
    .filter((row) => row.values[0] !== null)
    .map((row) => ({
      fieldId: row.fieldId,
      instanceKey: row.instanceKeys.find((k) => k !== "") ?? "",
      value: row.values[0],
    }));
  await as("owner").extraction.recordConsensus({ ...target, formVersionId: latest.id, values: consensus });
  return study.id;
}

describe("consensus results to the engine", () => {
  it("two extractors' arms and rows agree though their keys differ, and an arm still named cannot go", async () => {
    const db = testDb();
    const study = await db.study.create({ data: { reviewId, label: "Arm removal" } });
    const latest = await db.extractionFormVersion.findFirstOrThrow({ where: { formId }, orderBy: { version: "desc" } });
    const target = { reviewId, formId, studyId: study.id, formVersionId: latest.id };
    await as("owner").extraction.assign({ reviewId, formId, studyId: study.id, extractorIds: [people.a] });
    await as("a").extraction.save({ ...target, values: values("z", [-1, 1, 10, -2, 1, 10]) });
    await expect(
      as("a").extraction.save({
        ...target,
        values: [
          { fieldId: "arm_name", instanceKey: "z2", value: null },
          { fieldId: "arm_role", instanceKey: "z2", value: null },
        ],
      }),
    ).rejects.toThrow(
      '"Arm" in Result 2 names an arm that is not in this extraction (removed meanwhile?): choose it again.',
    );
  });

  it("reads the consensus of two trials for the engine, each number traced to its consensus row", async () => {
    const first = await extractAndAgree("Trial 2019", [-5.52, 6.1, 95, -5.88, 6.4, 94]);
    await extractAndAgree("Trial 2016", [-3, 5, 12, -4, 5, 12]);
    const read = await consensusResults(testDb(), reviewId, {
      formId,
      outcomeId: outcomes.get("ALSFRS-R change")!,
      time: { label: "week 28" },
      comparison: { group1: "intervention", group2: "control" },
    });
    expect(read.map((r) => [r.label, r.included])).toEqual([
      ["Trial 2016", true],
      ["Trial 2019", true],
    ]);
    const trial2019 = read.find((r) => r.studyId === first)!;
    if (!trial2019.included) throw new Error(trial2019.reason);
    expect(trial2019.study.data).toEqual({
      kind: "continuous",
      m1: -5.52,
      sd1: 6.1,
      n1: 95,
      m2: -5.88,
      sd2: 6.4,
      n2: 94,
    });
    // The sources are rows of the consensus extraction.
    const consensus = await testDb().extraction.findFirstOrThrow({
      where: { studyId: first, isConsensus: true },
      include: { values: true },
    });
    for (const source of trial2019.sources)
      expect(consensus.values.some((v) => v.instanceKey === source.instanceKey && v.fieldId === source.fieldId)).toBe(
        true,
      );
    const result = analyse(
      read.flatMap((r) => (r.included ? [r.study] : [])),
      { measure: "MD", model: "fixed" },
    );
    expect(result.k).toBe(2);
    expect(result.studies.find((s) => s.label === "Trial 2019")!.yi).toBeCloseTo(0.36, 10);
  });

  it("refuses an outcome of another review", async () => {
    await expect(
      consensusResults(testDb(), reviewId, {
        formId,
        outcomeId: "no-such-outcome",
        time: { label: "week 28" },
        comparison: { group1: "intervention", group2: "control" },
      }),
    ).rejects.toThrow("That outcome is not on this review's outcome list.");
  });
});
