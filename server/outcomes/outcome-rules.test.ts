import { describe, expect, it } from "vitest";
import { checkOutcomeFields, MAX_OUTCOME_NAME, sameOutcomeName } from "./outcome-rules";

const base = { name: "ALSFRS-R change", type: "continuous", unit: "points", direction: "higher_is_better" } as const;

describe("outcome rules", () => {
  it("tidies spacing and keeps the rest", () => {
    expect(checkOutcomeFields({ ...base, name: "  FVC   %  ", unit: " % predicted " })).toEqual({
      fields: { ...base, name: "FVC %", unit: "% predicted" },
    });
  });

  it("refuses an empty or overlong name and an overlong unit", () => {
    expect(checkOutcomeFields({ ...base, name: "  " })).toEqual({ error: "Name the outcome." });
    expect(checkOutcomeFields({ ...base, name: "x".repeat(MAX_OUTCOME_NAME + 1) })).toHaveProperty("error");
    expect(checkOutcomeFields({ ...base, unit: "u".repeat(41) })).toHaveProperty("error");
  });

  it("treats names differing only in case or spacing as one", () => {
    expect(sameOutcomeName("FVC  %", "fvc %")).toBe(true);
    expect(sameOutcomeName("Survival", "Tracheostomy-free survival")).toBe(false);
  });
});
