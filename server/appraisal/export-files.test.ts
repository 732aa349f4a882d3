import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { longTable, toCsv, toXlsx, wideTable } from "./export-files";
import type { LongRow, WideRow } from "./export-rows";

const WIDE: WideRow[] = [
  {
    studyId: "s1",
    study: '=HYPERLINK("x")',
    outcome: "ALSFRS-R change",
    timePoint: "week 28",
    tool: "rob2",
    appraiser: "consensus",
    completedAt: "2026-01-01T00:00:00.000Z",
    judgements: { D1: "Low risk", D2: "High risk" },
    overall: "High risk",
  },
  {
    studyId: "s2",
    study: "Mouse, 2011",
    tool: "syrcle",
    appraiser: "consensus",
    completedAt: "2026-01-01T00:00:00.000Z",
    judgements: { S1: "Unclear" },
    overall: "",
  },
];
const LONG: LongRow[] = [
  {
    studyId: "s1",
    study: "Oh 2018",
    outcome: "ALSFRS-R change",
    timePoint: "week 28",
    tool: "RoB 2",
    appraiser: "consensus",
    domain: "D1",
    item: "1.1",
    text: "Was the allocation sequence random?",
    answer: "Yes",
    proposed: "",
    final: "",
    overrideReason: "",
    support: "",
  },
];

describe("appraisal export files", () => {
  it("writes one row per result for a tool, with its domains as columns, neutralising formulas", () => {
    const table = wideTable("rob2", WIDE);
    expect(table.header.slice(0, 7)).toEqual([
      "study_id",
      "study",
      "outcome",
      "time_point",
      "tool",
      "appraiser",
      "D1 Bias arising from the randomisation process",
    ]);
    expect(table.rows[0]!.slice(2, 4)).toEqual(["ALSFRS-R change", "week 28"]);
    // SYRCLE judges the whole study: no result columns.
    expect(wideTable("syrcle", WIDE).header.slice(0, 3)).toEqual(["study_id", "study", "tool"]);
    expect(table.rows).toHaveLength(1);
    const csv = toCsv(table);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split("\r\n")[1]).toContain(",High risk,2026-01-01");
  });
  it("writes items in long format and an XLSX with a sheet per tool and one for items", async () => {
    expect(toCsv(longTable(LONG)).split("\r\n")[1]).toBe(
      "s1,Oh 2018,ALSFRS-R change,week 28,RoB 2,consensus,D1,1.1,Was the allocation sequence random?,Yes,,,,",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(WIDE, LONG)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["RoB 2", "SYRCLE", "Items (long)"]);
    expect(workbook.getWorksheet("RoB 2")!.getRow(2).getCell(2).value).toBe('\'=HYPERLINK("x")');
  });
});
