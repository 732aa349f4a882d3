import { describe, expect, it } from "vitest";
import type { FormDefinition } from "./form-definition";
import { missingRequired } from "./values";

const FORM = {
  sections: [
    {
      id: "design",
      title: "Design",
      help: "",
      repeat: null,
      fields: [{ id: "n", label: "N enrolled", type: "integer", required: true, help: "", options: [], units: [] }],
    },
    {
      id: "arms",
      title: "Arms",
      help: "",
      repeat: { itemLabel: "Arm", keyFieldIds: ["arm"] },
      fields: [
        { id: "arm", label: "Arm", type: "text", required: true, help: "", options: [], units: [] },
        { id: "arm_n", label: "N", type: "integer", required: true, help: "", options: [], units: [] },
        { id: "note", label: "Note", type: "text", required: false, help: "", options: [], units: [] },
      ],
    },
  ],
} as FormDefinition;

describe("missingRequired", () => {
  it("names each empty required field of every item, numbered in the order items were added", () => {
    const values = [
      { fieldId: "n", instanceKey: "" },
      { fieldId: "arm", instanceKey: "b" },
      { fieldId: "arm_n", instanceKey: "b" },
      { fieldId: "note", instanceKey: "c" },
    ];
    expect(missingRequired(FORM, values)).toEqual(['"Arm" in Arm 2', '"N" in Arm 2']);
  });

  it("counts an item listed on screen with no value at all", () => {
    const values = [
      { fieldId: "n", instanceKey: "" },
      { fieldId: "arm", instanceKey: "a" },
      { fieldId: "arm_n", instanceKey: "a" },
    ];
    expect(missingRequired(FORM, values, { arms: ["a", "b"] })).toEqual(['"Arm" in Arm 2', '"N" in Arm 2']);
    expect(missingRequired(FORM, values, { arms: ["a"] })).toEqual([]);
  });

  it("needs single-value required fields, and no item of a repeating section at all", () => {
    expect(missingRequired(FORM, [])).toEqual(['"N enrolled"']);
  });
});
