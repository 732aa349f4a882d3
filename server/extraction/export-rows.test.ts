import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ExportExtraction, longSheet, toCsv, wideSheet } from "./export-rows";
import { FormDefinition } from "./form-definition";

const def = FormDefinition.parse({
  sections: [
    {
      id: "s1",
      title: "Design",
      fields: [
        { id: "title", label: "Title", type: "text" },
        { id: "dose", label: "Dose", type: "number_unit" },
      ],
    },
    {
      id: "s2",
      title: "Arms",
      repeat: { itemLabel: "Arm", keyFieldIds: ["arm"] },
      fields: [
        { id: "arm", label: "Arm", type: "text" },
        { id: "n", label: "N", type: "integer" },
      ],
    },
  ],
});

const extraction: ExportExtraction = {
  studyId: "st1",
  studyLabel: "NurOwn, phase 3",
  source: "consensus",
  formVersion: 2,
  values: [
    { fieldId: "title", instanceKey: "", value: '=HYPERLINK("http://x","click")' },
    { fieldId: "dose", instanceKey: "", value: { value: -1.5e6, unit: "cells" } },
    { fieldId: "arm", instanceKey: "a", value: "MSC-NTF" },
    { fieldId: "n", instanceKey: "a", value: 98 },
    { fieldId: "arm", instanceKey: "b", value: "Placebo" },
  ],
};

describe("extraction export rows", () => {
  it("builds one wide row per study with numbers kept as numbers and formulas neutralised in CSV", () => {
    const sheet = wideSheet(def, [extraction]);
    expect(sheet.header).toEqual(["Study id", "Study", "Extraction", "Form version", "Title", "Dose", "Dose (unit)"]);
    expect(sheet.rows).toEqual([
      ["st1", "NurOwn, phase 3", "consensus", 2, '=HYPERLINK("http://x","click")', -1.5e6, "cells"],
    ]);
    expect(toCsv(sheet).split("\r\n")[1]).toBe(
      `st1,"NurOwn, phase 3",consensus,2,"'=HYPERLINK(""http://x"",""click"")",-1500000,cells`,
    );
  });

  it("builds one long row per repeating-group value", () => {
    expect(longSheet(def, [extraction]).rows).toEqual([
      ["st1", "NurOwn, phase 3", "consensus", 2, "Arms", 1, "arm", "Arm", "MSC-NTF", null],
      ["st1", "NurOwn, phase 3", "consensus", 2, "Arms", 1, "n", "N", 98, null],
      ["st1", "NurOwn, phase 3", "consensus", 2, "Arms", 2, "arm", "Arm", "Placebo", null],
    ]);
  });

  it("numbers each repeating section's items on their own", () => {
    const twoGroups = FormDefinition.parse({
      sections: [
        ...def.sections,
        {
          id: "s3",
          title: "Injection levels",
          repeat: { itemLabel: "Level", keyFieldIds: ["level"] },
          fields: [{ id: "level", label: "Spinal levels", type: "text" }],
        },
      ],
    });
    const rows = longSheet(twoGroups, [
      { ...extraction, values: [...extraction.values, { fieldId: "level", instanceKey: "c", value: "C3–C5" }] },
    ]).rows;
    expect(rows.at(-1)).toEqual([
      "st1",
      "NurOwn, phase 3",
      "consensus",
      2,
      "Injection levels",
      1,
      "level",
      "Spinal levels",
      "C3–C5",
      null,
    ]);
  });

  it("exceljs writes what the sheet holds (round trip)", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = wideSheet(def, [extraction]);
    const ws = book.addWorksheet(sheet.name);
    ws.addRow(sheet.header);
    for (const row of sheet.rows) ws.addRow(row);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    expect(read.getWorksheet("Studies")!.getRow(2).getCell(6).value).toBe(-1.5e6);
  });
});
