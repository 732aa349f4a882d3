import { describe, expect, it } from "vitest";
import { FieldValueError, formatFieldValue, normaliseFieldValue, sameValue } from "./field-value";
import { type FormField as Field, FormField } from "./form-definition";

const field = (over: Partial<Field> & Pick<Field, "type">): Field =>
  FormField.parse({ id: "f", label: "Dose", ...over });
const choice = field({
  type: "multiple_choice",
  options: [
    { id: "it", label: "Intrathecal" },
    { id: "iv", label: "Intravenous" },
  ],
});

describe("normaliseFieldValue", () => {
  it("accepts each type's own shape and stores it canonically", () => {
    expect(normaliseFieldValue(field({ type: "text" }), "  NurOwn ")).toBe("NurOwn");
    expect(normaliseFieldValue(field({ type: "text" }), "   ")).toBeNull();
    expect(normaliseFieldValue(field({ type: "integer" }), 196)).toBe(196);
    expect(
      normaliseFieldValue(field({ type: "number_unit", units: ["cells", "cells/kg"] }), {
        value: 1.5e6,
        unit: "cells/kg",
      }),
    ).toEqual({ value: 1.5e6, unit: "cells/kg" });
    expect(normaliseFieldValue(field({ type: "date" }), "2019-02-28")).toBe("2019-02-28");
    expect(normaliseFieldValue(field({ type: "date" }), "2019-06")).toBe("2019-06");
    expect(normaliseFieldValue(choice, ["iv", "it", "iv"])).toEqual(["it", "iv"]);
    expect(normaliseFieldValue(choice, [])).toBeNull();
    expect(normaliseFieldValue(field({ type: "yes_no_unclear" }), "unclear")).toBe("unclear");
  });

  it("refuses a value of the wrong type, naming the field", () => {
    const wrong: [Field, unknown][] = [
      [field({ type: "integer" }), 1.5],
      [field({ type: "integer" }), "12"],
      [field({ type: "number_unit", units: ["cells"] }), { value: 3, unit: "mL" }],
      [field({ type: "number_unit" }), { value: Number.NaN, unit: "" }],
      [field({ type: "date" }), "2019-02-30"],
      [field({ type: "date" }), "28/02/2019"],
      [field({ type: "single_choice", options: [{ id: "a", label: "A" }] }), "b"],
      [choice, "it"],
      [field({ type: "yes_no_unclear" }), "maybe"],
      [field({ type: "text" }), 42],
    ];
    for (const [f, value] of wrong)
      expect(() => normaliseFieldValue(f, value), JSON.stringify(value)).toThrow(FieldValueError);
    expect(() => normaliseFieldValue(field({ type: "integer" }), "12")).toThrow('"Dose" needs a whole number.');
  });
});

describe("formatFieldValue and sameValue", () => {
  it("reads values as people do and compares text without case or spacing", () => {
    expect(formatFieldValue(choice, ["it", "iv"])).toBe("Intrathecal; Intravenous");
    expect(formatFieldValue(field({ type: "number_unit" }), { value: 2, unit: "cells" })).toBe("2 cells");
    expect(formatFieldValue(field({ type: "yes_no_unclear" }), "no")).toBe("No");
    expect(sameValue(field({ type: "text" }), "Safe  and tolerated", "safe and tolerated")).toBe(true);
    expect(sameValue(field({ type: "integer" }), 196, 189)).toBe(false);
    expect(sameValue(field({ type: "integer" }), null, undefined)).toBe(true);
    expect(sameValue(field({ type: "integer" }), 0, null)).toBe(false);
  });
});

describe("numbers and references of result rows", () => {
  it("takes a decimal as a finite number, and an arm or outcome reference as its key", () => {
    expect(normaliseFieldValue(field({ type: "decimal" }), -5.52)).toBe(-5.52);
    expect(() => normaliseFieldValue(field({ type: "decimal" }), "6.1")).toThrow('"Dose" needs a number.');
    expect(() => normaliseFieldValue(field({ type: "decimal" }), Number.NaN)).toThrow(FieldValueError);
    expect(normaliseFieldValue(field({ type: "arm_ref", armSectionId: "sec_arms" }), "a1")).toBe("a1");
    expect(normaliseFieldValue(field({ type: "outcome_ref" }), "")).toBeNull();
    expect(() => normaliseFieldValue(field({ type: "outcome_ref" }), 3)).toThrow('"Dose" needs an outcome.');
  });
});
