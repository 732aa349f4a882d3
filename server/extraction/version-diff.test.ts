import { describe, expect, it } from "vitest";
import { FormDefinition } from "./form-definition";
import { diffVersions } from "./version-diff";

const v1 = FormDefinition.parse({
  sections: [
    {
      id: "s1",
      title: "Design",
      fields: [
        { id: "n", label: "N", type: "integer" },
        {
          id: "ctl",
          label: "Control",
          type: "single_choice",
          options: [
            { id: "pl", label: "Placebo" },
            { id: "sh", label: "Sham" },
          ],
        },
        { id: "old", label: "Old", type: "text" },
      ],
    },
  ],
});

describe("diffVersions", () => {
  it("names added, removed and changed fields with what changed", () => {
    const v2 = FormDefinition.parse({
      sections: [
        {
          id: "s1",
          title: "Design",
          fields: [
            { id: "n", label: "N enrolled", type: "integer", required: true },
            {
              id: "ctl",
              label: "Control",
              type: "single_choice",
              options: [
                { id: "pl", label: "Placebo" },
                { id: "none", label: "None" },
              ],
            },
          ],
        },
        { id: "s2", title: "Safety", fields: [{ id: "sae", label: "SAEs", type: "integer" }] },
      ],
    });
    expect(diffVersions(v1, v2)).toEqual([
      {
        kind: "changed",
        fieldId: "n",
        label: "N enrolled",
        section: "Design",
        details: ['renamed from "N"', "now required"],
      },
      {
        kind: "changed",
        fieldId: "ctl",
        label: "Control",
        section: "Design",
        details: ['option "None" added', 'option "Sham" removed'],
      },
      { kind: "added", fieldId: "sae", label: "SAEs", section: "Safety" },
      { kind: "removed", fieldId: "old", label: "Old", section: "Design" },
    ]);
  });

  it("finds nothing between a version and itself", () => {
    expect(diffVersions(v1, v1)).toEqual([]);
  });
});

describe("FormDefinition", () => {
  it("refuses duplicate ids, choice fields without options and key fields outside their section", () => {
    const bad = (def: unknown) => FormDefinition.safeParse(def).error?.issues.map((i) => i.message);
    expect(bad({ sections: [{ id: "a", title: "A", fields: [{ id: "a", label: "X", type: "text" }] }] })).toEqual([
      expect.stringContaining('"a" is used twice'),
    ]);
    expect(
      bad({ sections: [{ id: "a", title: "A", fields: [{ id: "c", label: "C", type: "single_choice" }] }] }),
    ).toEqual([expect.stringContaining("no options")]);
    expect(
      bad({
        sections: [
          {
            id: "a",
            title: "A",
            repeat: { itemLabel: "Arm", keyFieldIds: ["zz"] },
            fields: [{ id: "c", label: "C", type: "text" }],
          },
        ],
      }),
    ).toEqual([expect.stringContaining("key field")]);
  });
});
