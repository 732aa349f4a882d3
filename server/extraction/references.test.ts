import { describe, expect, it } from "vitest";
import { compareExtractions } from "./compare-extractions";
import { longSheet } from "./export-rows";
import { brokenReference, referenceText } from "./references";
import { TEMPLATES } from "./templates";

const DEF = TEMPLATES.als_clinical.definition;
const OUTCOMES = new Map([["o-slope", "ALSFRS-R slope (per month)"]]);
const v = (fieldId: string, instanceKey: string, value: unknown) => ({ fieldId, instanceKey, value });

/** One extractor's arms (with their own instance keys) and a result row on the intervention arm. */
function extraction(arm1: string, arm2: string, mean: number) {
  return [
    v("arm_name", arm1, "MSC-NTF"),
    v("arm_role", arm1, "intervention"),
    v("arm_name", arm2, "Placebo"),
    v("arm_role", arm2, "control"),
    v("result_outcome", "r1", "o-slope"),
    v("time_point", "r1", "week 12"),
    v("result_arm", "r1", arm1),
    v("result_mean", "r1", mean),
  ];
}

describe("arm and outcome references", () => {
  it("name an arm and an outcome as a person reads them", () => {
    const values = extraction("a1", "a2", -1.1);
    const field = (id: string) => DEF.sections.flatMap((s) => s.fields).find((f) => f.id === id)!;
    expect(referenceText(DEF, field("result_arm"), "a1", values, OUTCOMES)).toBe("MSC-NTF");
    expect(referenceText(DEF, field("result_outcome"), "o-slope", values, OUTCOMES)).toBe("ALSFRS-R slope (per month)");
    expect(referenceText(DEF, field("result_arm"), "gone", values, OUTCOMES)).toBe("(arm removed)");
    expect(referenceText(DEF, field("time_point"), "week 12", values, OUTCOMES)).toBeNull();
  });

  it("are refused when the arm is not in the extraction or the outcome not in the review, naming the row", () => {
    const values = extraction("a1", "a2", -1.1);
    expect(brokenReference(DEF, values, new Set(OUTCOMES.keys()))).toBeNull();
    const armGone = values.filter((x) => x.instanceKey !== "a1");
    expect(brokenReference(DEF, armGone, new Set(OUTCOMES.keys()))).toBe(
      '"Arm" in Result 1 names an arm that is not in this extraction (removed meanwhile?): choose it again.',
    );
    expect(brokenReference(DEF, values, new Set())).toBe(
      '"Outcome" in Result 1 names an outcome the review no longer has: choose it again.',
    );
  });

  it("match two extractors' rows by arm name, though each stored their own arm keys, and agree on the arm", () => {
    const rows = compareExtractions(DEF, [extraction("a1", "a2", -1.1), extraction("b7", "b8", -1.2)], OUTCOMES);
    const arm = rows.find((r) => r.fieldId === "result_arm")!;
    expect(arm.itemLabel).toBe("ALSFRS-R slope (per month) · week 12 · MSC-NTF");
    expect(arm.instanceKeys).toEqual(["r1", "r1"]);
    // Both name the arm the consensus keeps (the first extractor's key for it).
    expect(arm.values).toEqual(["a1", "a1"]);
    expect(arm.agree).toBe(true);
    expect(rows.find((r) => r.fieldId === "result_mean")).toMatchObject({ values: [-1.1, -1.2], agree: false });
  });

  it("see different arms as a difference", () => {
    const other = extraction("b7", "b8", -1.1).map((x) => (x.fieldId === "result_arm" ? { ...x, value: "b8" } : x));
    const rows = compareExtractions(DEF, [extraction("a1", "a2", -1.1), other], OUTCOMES);
    // Told apart by arm, the rows are two items, each missing from one extraction.
    const arms = rows.filter((r) => r.fieldId === "result_arm");
    expect(arms.map((r) => r.itemLabel)).toEqual([
      "ALSFRS-R slope (per month) · week 12 · MSC-NTF",
      "ALSFRS-R slope (per month) · week 12 · Placebo",
    ]);
    expect(arms.every((r) => !r.agree)).toBe(true);
  });

  it("export as names, and numbers as numbers", () => {
    const sheet = longSheet(
      DEF,
      [
        {
          studyId: "s",
          studyLabel: "Berry 2019",
          source: "consensus",
          formVersion: 1,
          values: extraction("a1", "a2", -1.1),
        },
      ],
      { outcomeNames: OUTCOMES },
    );
    const cell = (fieldId: string) => sheet.rows.find((r) => r[6] === fieldId)?.[8];
    expect(cell("result_outcome")).toBe("ALSFRS-R slope (per month)");
    expect(cell("result_arm")).toBe("MSC-NTF");
    expect(cell("result_mean")).toBe(-1.1);
  });
});
